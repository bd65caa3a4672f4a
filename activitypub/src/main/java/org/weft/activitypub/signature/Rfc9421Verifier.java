package org.weft.activitypub.signature;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.weft.activitypub.signature.SignatureException.Reason;

/**
 * Verifies incoming RFC 9421 HTTP Message Signatures with the rules Weft applies to every sender.
 *
 * <p>In order, each step refusing with the {@link Reason} named:
 * <ol>
 *   <li>{@code Signature-Input} and {@code Signature} are both there ({@code MISSING}) and are structured
 *       Dictionaries ({@code MALFORMED});</li>
 *   <li>one signature is chosen by {@link SignatureLabels}' rule: the first label with a {@code created}
 *       ({@code DATE_NOT_SIGNED}) and a {@code keyid}, covering {@code @method} and the target
 *       ({@code REQUEST_TARGET_NOT_SIGNED}), and {@code content-digest} on a POST or any request with a body
 *       ({@code DIGEST_NOT_SIGNED});</li>
 *   <li>a covered {@code Content-Digest} (RFC 9530, {@code sha-256} and {@code sha-512}) matches the raw
 *       body ({@code DIGEST_MISSING}, {@code DIGEST_MISMATCH}), before anything is parsed or fetched;</li>
 *   <li>{@code created}/{@code expires} lie in the window draft-cavage signatures get
 *       ({@code DATE_OUT_OF_WINDOW}, see {@link SignatureWindow});</li>
 *   <li>an {@code alg} parameter, if given, names an algorithm Weft supports ({@code UNSUPPORTED_ALGORITHM});</li>
 *   <li>the signature base can be built: every covered component exists ({@code MALFORMED});</li>
 *   <li>the key resolves through the {@link KeyResolver} ({@code UNKNOWN_KEY}, {@code KEY_UNAVAILABLE});
 *       its type decides the algorithm ({@code rsa-v1_5-sha256} or {@code ed25519}), which an {@code alg}
 *       parameter must agree with; the signature must match, else the key is resolved once more with
 *       {@code forceRefresh} (key rotation) and tried again ({@code BAD_SIGNATURE}).</li>
 * </ol>
 *
 * <p>{@code @scheme}, {@code @authority} and {@code @target-uri} are derived from this server's configured
 * origin, not from the request's {@code Host}: a signature made for another server does not verify here.
 * The caller still checks that the key's owner is the activity's actor ({@link VerifiedSignature#isSignedBy}).
 * Thread-safe if the resolver is.
 */
public final class Rfc9421Verifier implements RequestVerifier {

    private final KeyResolver resolver;
    private final Clock clock;
    private final URI origin;

    /**
     * @param resolver finds keys by id
     * @param clock the current time, for the window
     * @param origin this server's public origin (scheme, host and port; a path is ignored), i.e. its base URL
     */
    public Rfc9421Verifier(KeyResolver resolver, Clock clock, URI origin) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (origin.getScheme() == null || origin.getHost() == null) {
            throw new IllegalArgumentException("origin must be an absolute URL with a host: " + origin);
        }
        this.origin = origin;
    }

    @Override
    public VerifiedSignature verify(IncomingRequest request) throws SignatureException {
        boolean needsDigest = request.method().equalsIgnoreCase("POST") || request.hasBody();
        SignatureLabels.Chosen chosen = SignatureLabels.choose(request, needsDigest);
        SignatureInput input = chosen.input();
        if (input.covers("content-digest")) {
            ContentDigest.check(request.headers().get("Content-Digest"), request.body());
        }
        SignatureWindow.check(input.created().orElseThrow(), input.expires(), clock.instant());
        Optional<SignatureAlgorithm> stated = statedAlgorithm(input);
        String base = SignatureBase.of(input.components(), input.signatureParams(), new ReceivedComponents(request, origin));
        String keyId = input.keyId().orElseThrow();

        ActorKey key = resolve(keyId, false)
                .orElseThrow(() -> new SignatureException(Reason.UNKNOWN_KEY, "no key " + keyId));
        if (matches(key, stated, base, chosen.signature())) {
            return verified(key, chosen);
        }
        Optional<ActorKey> refreshed = resolve(keyId, true);
        if (refreshed.isPresent() && !sameKey(key, refreshed.get())
                && matches(refreshed.get(), stated, base, chosen.signature())) {
            return verified(refreshed.get(), chosen);
        }
        throw new SignatureException(Reason.BAD_SIGNATURE, "signature " + input.label() + " does not match key " + keyId
                + stated.map(alg -> " with alg " + alg.rfcName()).orElse(""));
    }

    private static Optional<SignatureAlgorithm> statedAlgorithm(SignatureInput input) throws SignatureException {
        if (input.alg().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SignatureAlgorithm.named(input.alg().get()).orElseThrow(() -> new SignatureException(
                Reason.UNSUPPORTED_ALGORITHM, "alg " + input.alg().get() + " (Weft verifies rsa-v1_5-sha256 and ed25519)")));
    }

    /** The key's type decides the algorithm; a stated {@code alg} that differs is a failed check (§3.2 step 6.4). */
    private static boolean matches(ActorKey key, Optional<SignatureAlgorithm> stated, String base, byte[] signature)
            throws SignatureException {
        SignatureAlgorithm algorithm = SignatureAlgorithm.forKey(key.publicKey()).orElseThrow(() ->
                new SignatureException(Reason.UNSUPPORTED_ALGORITHM, "key type " + key.publicKey().getAlgorithm()));
        if (stated.isPresent() && stated.get() != algorithm) {
            return false;
        }
        return algorithm.verifies(key.publicKey(), base, signature);
    }

    private static VerifiedSignature verified(ActorKey key, SignatureLabels.Chosen chosen) {
        return new VerifiedSignature(key, chosen.input().components(), SignatureScheme.RFC_9421,
                Optional.of(Base64.getEncoder().encodeToString(chosen.signature())));
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
}
