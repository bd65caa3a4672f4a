package org.weft.activitypub.signature;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
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
 *   <li>the {@code Host} header names this server ({@code HOST_MISMATCH}), as for draft-cavage;</li>
 *   <li>{@code created}/{@code expires} lie in the window draft-cavage signatures get
 *       ({@code DATE_OUT_OF_WINDOW}, see {@link SigningWindow});</li>
 *   <li>an {@code alg} parameter, if given, names an algorithm Weft supports ({@code UNSUPPORTED_ALGORITHM});</li>
 *   <li>the signature base can be built: every covered component exists ({@code MALFORMED});</li>
 *   <li>the key resolves through the {@link KeyResolver} ({@code UNKNOWN_KEY}, {@code KEY_UNAVAILABLE});
 *       its type decides the algorithm ({@code rsa-v1_5-sha256} or {@code ed25519}), which an {@code alg}
 *       parameter must agree with; the signature must match, else the key is resolved once more with
 *       {@code forceRefresh} (key rotation) and tried again ({@code BAD_SIGNATURE});</li>
 *   <li>last, the chosen signature's bytes must not have been accepted before, in either scheme
 *       ({@code REPLAYED}, {@code REPLAY_UNCERTAIN}; {@link SeenSignatures}, the instance the draft-cavage
 *       verifier uses). The key is the one verified signature, not the whole {@code Signature} field, so
 *       renaming its label or adding another label does not make a captured request new.</li>
 * </ol>
 *
 * <p>{@code @scheme}, {@code @authority} and {@code @target-uri} are derived from this server's configured
 * origin ({@link ExpectedHost}), not from the request's {@code Host}: a signature made for another server does
 * not verify here. The caller still checks that the key's owner is the activity's actor
 * ({@link VerifiedSignature#isSignedBy}). Thread-safe if the resolver is.
 */
public final class Rfc9421Verifier implements RequestVerifier {

    private final KeyResolver resolver;
    private final Clock clock;
    private final ExpectedHost origin;
    private final SeenSignatures seen;

    /**
     * @param resolver finds keys by id
     * @param clock the current time, for the window
     * @param origin this server's public origin, i.e. its base URL's scheme and authority
     * @param seen the signatures accepted lately: the same instance as the draft-cavage verifier's
     */
    public Rfc9421Verifier(KeyResolver resolver, Clock clock, ExpectedHost origin, SeenSignatures seen) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.seen = Objects.requireNonNull(seen, "seen");
    }

    @Override
    public VerifiedSignature verify(IncomingRequest request) throws SignatureException {
        boolean needsDigest = request.method().equalsIgnoreCase("POST") || request.hasBody();
        SignatureLabels.Chosen chosen = SignatureLabels.choose(request, needsDigest);
        SignatureInput input = chosen.input();
        if (input.covers("content-digest")) {
            ContentDigest.check(request.headers().get("Content-Digest"), request.body());
        }
        checkHost(request);
        Instant now = clock.instant();
        SigningWindow window = SigningWindow.of(input.created().orElseThrow(), input.expires());
        window.check(now);
        Optional<SignatureAlgorithm> stated = statedAlgorithm(input);
        String base = SignatureBase.of(input.components(), input.signatureParams(), new ReceivedComponents(request, origin));
        String keyId = input.keyId().orElseThrow();

        ActorKey key = resolve(keyId, false)
                .orElseThrow(() -> new SignatureException(Reason.UNKNOWN_KEY, "no key " + keyId));
        if (!matches(key, stated, base, chosen.signature())) {
            Optional<ActorKey> refreshed = resolve(keyId, true);
            if (refreshed.isEmpty() || sameKey(key, refreshed.get())
                    || !matches(refreshed.get(), stated, base, chosen.signature())) {
                throw new SignatureException(Reason.BAD_SIGNATURE, "signature " + input.label() + " does not match key "
                        + keyId + stated.map(alg -> " with alg " + alg.rfcName()).orElse(""));
            }
            key = refreshed.get();
        }
        // Last, so that only a signature that verified is remembered: nobody can spoil one they could not make.
        seen.requireFirstUse(chosen.signature(), window, now);
        return new VerifiedSignature(key, input.components(), SignatureScheme.RFC_9421);
    }

    /**
     * The target is derived from the configured origin, so a wrong {@code Host} would fail the signature anyway;
     * refusing it first names the problem and spares a key lookup for a request captured at another server.
     */
    private void checkHost(IncomingRequest request) throws SignatureException {
        String received = request.header("Host").orElse(null);
        if (!origin.matches(received)) {
            throw new SignatureException(Reason.HOST_MISMATCH, "sent to host " + received + ", but this server is " + origin);
        }
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
