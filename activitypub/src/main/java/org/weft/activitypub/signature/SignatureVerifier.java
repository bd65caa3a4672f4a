package org.weft.activitypub.signature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.tomitribe.auth.signatures.Algorithm;
import org.tomitribe.auth.signatures.Signature;
import org.weft.activitypub.signature.SignatureException.Reason;

/**
 * Verifies incoming draft-cavage signatures with the rules Mastodon applies ({@code signed_request.rb}), made
 * stricter where Mastodon's rules let a captured request be used again.
 *
 * <p>In order: a {@code Signature} header exists; a request with a body (or any POST) carries a
 * {@code Digest} matching the raw bytes; the header parses and uses {@code rsa-sha256} or {@code hs2019}
 * (no {@code algorithm} means {@code hs2019}); {@code host} is signed (always), {@code date} or
 * {@code (created)}, {@code digest} on POST, and {@code (request-target)} or {@code digest}; the {@code Host}
 * header names this server ({@link ExpectedHost}); the signing time, taken from signed values only, lies
 * within the window below ({@link SigningWindow}); the key resolves; the signature matches with
 * {@code (request-target)} including the query string, or else without it. If it does not match, the key
 * is resolved once more with {@code forceRefresh} (key rotation) and tried again. Last, a matching
 * signature must not have been accepted before ({@link SeenSignatures}): each one authenticates one request.
 *
 * <p>tomitribe parses {@code keyId}, {@code algorithm}, {@code headers} and {@code signature}. The
 * signing string is rebuilt here from the headers exactly as received, and the RSA check is done with the
 * JDK, because tomitribe 1.8 tests {@code created}/{@code expires} against the system clock while
 * parsing (not against {@link Clock} with Mastodon's margins) and writes {@code (expires)} as a
 * locale-formatted decimal that matches no sender. Thread-safe if the resolver is.
 */
public final class SignatureVerifier {

    /** Tolerated clock difference with the signer, both ways (Mastodon {@code CLOCK_SKEW_MARGIN}). */
    public static final Duration CLOCK_SKEW_MARGIN = Duration.ofHours(1);
    /** How long a signature without {@code expires} stays valid after its Date or {@code created}. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(5);
    /** Upper bound on a signature's {@code expires} after its {@code created} (Mastodon). */
    public static final Duration EXPIRATION_WINDOW_LIMIT = Duration.ofHours(12);
    /**
     * Together the constants accept a {@code Date} in [now − 65 min, now + 60 min]:
     * not after now + {@link #CLOCK_SKEW_MARGIN}, and not before now − ({@link #DEFAULT_VALIDITY}
     * + {@link #CLOCK_SKEW_MARGIN}).
     */
    public static final Duration MAX_DATE_AGE = DEFAULT_VALIDITY.plus(CLOCK_SKEW_MARGIN);

    private static final String RSA_JVM_ALGORITHM = "SHA256withRSA";

    private final KeyResolver resolver;
    private final Clock clock;
    private final ExpectedHost host;
    private final SeenSignatures seen;

    /**
     * @param resolver finds keys by id
     * @param clock the current time, for the Date window
     * @param host the authority requests must be addressed to: this server's
     * @param seen the signatures accepted lately; share one between all verifiers of a server
     */
    public SignatureVerifier(KeyResolver resolver, Clock clock, ExpectedHost host, SeenSignatures seen) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.host = Objects.requireNonNull(host, "host");
        this.seen = Objects.requireNonNull(seen, "seen");
    }

    /**
     * Verifies a request's signature.
     *
     * @param request the request as received
     * @return the key that signed it and the headers covered
     * @throws SignatureException if anything is wrong; {@link SignatureException#reason()} says what
     */
    public VerifiedSignature verify(IncomingRequest request) throws SignatureException {
        String header = request.header("Signature")
                .orElseThrow(() -> new SignatureException(Reason.MISSING, "no Signature header"));
        String method = request.method().toLowerCase(Locale.ROOT);
        boolean post = method.equals("post");
        if (post || request.hasBody()) {
            checkDigest(request);
        }
        SignatureParameters parameters = SignatureParameters.read(header);
        String algorithm = parameters.algorithm().orElse("hs2019");
        Signature signature = parse(parameters, algorithm);
        List<String> signed = signature.getHeaders().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        checkStrength(signed, post);
        checkHost(request);
        Instant now = clock.instant();
        SigningWindow window = SigningWindow.of(parameters, signed, algorithm.equals("hs2019"), request);
        window.check(now);
        byte[] signatureBytes = decode(signature);

        ActorKey key = resolve(signature.getKeyId(), false)
                .orElseThrow(() -> new SignatureException(Reason.UNKNOWN_KEY, "no key " + signature.getKeyId()));
        if (!matches(key, signatureBytes, parameters, signed, request)) {
            Optional<ActorKey> refreshed = resolve(signature.getKeyId(), true);
            if (refreshed.isEmpty() || sameKey(key, refreshed.get())
                    || !matches(refreshed.get(), signatureBytes, parameters, signed, request)) {
                throw new SignatureException(Reason.BAD_SIGNATURE, "signature does not match key " + signature.getKeyId());
            }
            key = refreshed.get();
        }
        // Last, so that only a signature that verified is remembered: nobody can spoil one they could not make.
        seen.requireFirstUse(signatureBytes, window, now);
        return new VerifiedSignature(key, signed);
    }

    private static void checkDigest(IncomingRequest request) throws SignatureException {
        String digest = request.header("Digest")
                .orElseThrow(() -> new SignatureException(Reason.DIGEST_MISSING, "request body without Digest header"));
        if (!Digests.matches(digest, request.body())) {
            throw new SignatureException(Reason.DIGEST_MISMATCH, "Digest does not match the body");
        }
    }

    private static Signature parse(SignatureParameters parameters, String algorithm) throws SignatureException {
        // No algorithm means hs2019 (draft-cavage-12); hs2019 names no hash: it comes from the key, and
        // only RSA keys are accepted below, so both are read as RSA-SHA256.
        if (!algorithm.equals("hs2019") && !algorithm.equals("rsa-sha256")) {
            throw new SignatureException(Reason.UNSUPPORTED_ALGORITHM, "algorithm " + algorithm);
        }
        try {
            return Signature.fromString(parameters.forTomitribe(algorithm), Algorithm.RSA_SHA256);
        } catch (RuntimeException e) {
            throw new SignatureException(Reason.MALFORMED, "unparsable Signature header", e);
        }
    }

    private static void checkStrength(List<String> signed, boolean post) throws SignatureException {
        if (!signed.contains("date") && !signed.contains("(created)")) {
            throw new SignatureException(Reason.DATE_NOT_SIGNED, "neither date nor (created) is signed");
        }
        if (!signed.contains("(request-target)") && !signed.contains("digest")) {
            throw new SignatureException(Reason.REQUEST_TARGET_NOT_SIGNED, "neither (request-target) nor digest is signed");
        }
        // Mastodon asks for host on GET only; unsigned on a POST, the request could be replayed at any server.
        if (!signed.contains("host")) {
            throw new SignatureException(Reason.HOST_NOT_SIGNED, "host must be signed");
        }
        if (post && !signed.contains("digest")) {
            throw new SignatureException(Reason.DIGEST_NOT_SIGNED, "digest must be signed on POST");
        }
    }

    private void checkHost(IncomingRequest request) throws SignatureException {
        String received = request.header("Host").orElse(null);
        if (!host.matches(received)) {
            throw new SignatureException(Reason.HOST_MISMATCH,
                    "signed for host " + received + ", but this server is " + host);
        }
    }

    private Optional<ActorKey> resolve(String keyId, boolean forceRefresh) throws SignatureException {
        try {
            return resolver.resolve(keyId, forceRefresh);
        } catch (IOException e) {
            throw new SignatureException(Reason.KEY_UNAVAILABLE, "could not resolve " + keyId, e);
        }
    }

    private static boolean sameKey(ActorKey first, ActorKey second) {
        return Arrays.equals(first.publicKey().getEncoded(), second.publicKey().getEncoded());
    }

    private static byte[] decode(Signature signature) throws SignatureException {
        try {
            return Base64.getDecoder().decode(signature.getSignature().trim());
        } catch (IllegalArgumentException e) {
            throw new SignatureException(Reason.MALFORMED, "signature is not base64", e);
        }
    }

    private static boolean matches(ActorKey key, byte[] signatureBytes, SignatureParameters parameters, List<String> signed,
                                   IncomingRequest request) throws SignatureException {
        PublicKey publicKey = key.publicKey();
        if (!"RSA".equals(publicKey.getAlgorithm())) {
            throw new SignatureException(Reason.UNSUPPORTED_ALGORITHM, "key type " + publicKey.getAlgorithm());
        }
        for (String target : requestTargets(request)) {
            String signingString = SigningString.of(signed, target, request, parameters);
            if (rsaSha256Verifies(publicKey, signingString, signatureBytes)) {
                return true;
            }
        }
        return false;
    }

    /** With the query string first, then without it: GoToSocial and Mastodon accept both. */
    private static List<String> requestTargets(IncomingRequest request) {
        List<String> targets = new ArrayList<>(2);
        if (request.rawQuery() != null) {
            targets.add(request.path() + "?" + request.rawQuery());
        }
        targets.add(request.path());
        return targets;
    }

    private static boolean rsaSha256Verifies(PublicKey key, String signingString, byte[] signatureBytes) {
        try {
            java.security.Signature rsa = java.security.Signature.getInstance(RSA_JVM_ALGORITHM);
            rsa.initVerify(key);
            rsa.update(signingString.getBytes(StandardCharsets.UTF_8));
            return rsa.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
