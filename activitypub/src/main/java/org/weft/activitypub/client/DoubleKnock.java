package org.weft.activitypub.client;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.weft.activitypub.signature.AcceptSignature;
import org.weft.activitypub.signature.Rfc9421Signer;
import org.weft.activitypub.signature.SignatureException;
import org.weft.activitypub.signature.SignatureRequest;
import org.weft.activitypub.signature.SignatureScheme;

/**
 * Double-knocking: sign in the scheme the request's method prefers; when the server answers 400 or 401, send
 * the request once more signed in the other scheme, and remember per host a server that takes only the other.
 *
 * <ul>
 *   <li><b>First knock.</b> A host remembered as taking only one scheme, learned less than
 *       {@link #RETRY_PREFERRED_AFTER} ago, gets that scheme. Any other host gets the method's preferred scheme:
 *       <b>RFC 9421 for a POST</b> (every server that verifies it takes it; the fediverse is moving there) and
 *       <b>draft-cavage for a GET</b>. A GET is different because a server that cannot verify a signed fetch
 *       does not always say so: Sharkey answers 200 with a stripped-down actor, which would be stored as the
 *       actor; every server that checks signed fetches today checks draft-cavage, so it is the safe first knock
 *       and RFC 9421 the fallback for servers that have dropped it. Mastodon, which double-knocks its
 *       fetches, signs them draft-cavage first for the same reason.</li>
 *   <li><b>Second knock</b>, only after a 400 or 401: the other scheme; but a 401 carrying an
 *       {@code Accept-Signature} with one signature this key can make is answered with RFC 9421 in exactly
 *       that shape (unless it is the shape just refused). Never a third request.</li>
 *   <li><b>Memory</b>, written on a 2xx only: when the second knock, in the other scheme than the first, is
 *       taken, the host is remembered as taking only that scheme (with the time, so the preferred scheme is
 *       tried again a day later); when a host remembered so takes a request in its other scheme, it is
 *       forgotten. A host that takes the preferred scheme costs no write.</li>
 * </ul>
 * The caller's send runs the address check before each knock, so the second is guarded like the first.
 */
final class DoubleKnock {

    /** How long a host stays remembered as taking only one scheme before the method's preferred one is tried again. */
    static final Duration RETRY_PREFERRED_AFTER = Duration.ofDays(1);

    private static final System.Logger LOG = System.getLogger(DoubleKnock.class.getName());

    /** Sends the request once, signed in the given scheme (and, for RFC 9421, shape). */
    @FunctionalInterface
    interface Knock {
        HttpResponse<CappedBodySubscriber.Body> send(SignatureScheme scheme, SignatureRequest shape) throws IOException;
    }

    /**
     * The answer that counts and how it was obtained.
     *
     * @param response the last response
     * @param scheme the scheme of the request that got it
     * @param knocks 1 or 2
     */
    record Outcome(HttpResponse<CappedBodySubscriber.Body> response, SignatureScheme scheme, int knocks) {
    }

    private final SchemeMemory memory;

    DoubleKnock(SchemeMemory memory) {
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    /**
     * @param host the host key ({@link SchemeMemory#hostOf})
     * @param now the current time, for the memory
     * @param signer the RFC 9421 signer, to tell whether an {@code Accept-Signature} can be met
     * @param withBody true for a POST, false for a GET
     * @param knock sends the request once
     * @return the answer that counts
     * @throws IOException as the knock throws it
     */
    Outcome knock(String host, Instant now, Rfc9421Signer signer, boolean withBody, Knock knock) throws IOException {
        Optional<SchemeMemory.Remembered> remembered = recall(host);
        SignatureRequest ownShape = withBody ? SignatureRequest.POST : SignatureRequest.GET;
        SignatureScheme first = firstScheme(remembered, now, preferred(withBody));
        HttpResponse<CappedBodySubscriber.Body> response = knock.send(first, ownShape);
        if (!refused(response.statusCode())) {
            learn(host, remembered, first, first, response.statusCode(), now);
            return new Outcome(response, first, 1);
        }
        Optional<SignatureRequest> asked = askedFor(response, first, ownShape, signer, withBody);
        SignatureScheme second = asked.isPresent() ? SignatureScheme.RFC_9421 : other(first);
        HttpResponse<CappedBodySubscriber.Body> retried = knock.send(second, asked.orElse(ownShape));
        learn(host, remembered, first, second, retried.statusCode(), now);
        return new Outcome(retried, second, 2);
    }

    /**
     * @param withBody true for a POST
     * @return the scheme tried first on a host nothing is remembered about: RFC 9421 for a POST, draft-cavage
     *         for a GET
     */
    static SignatureScheme preferred(boolean withBody) {
        return withBody ? SignatureScheme.RFC_9421 : SignatureScheme.DRAFT_CAVAGE;
    }

    static SignatureScheme firstScheme(Optional<SchemeMemory.Remembered> remembered, Instant now, SignatureScheme preferred) {
        boolean fresh = remembered.isPresent() && now.isBefore(remembered.get().since().plus(RETRY_PREFERRED_AFTER));
        return fresh ? remembered.get().scheme() : preferred;
    }

    private static boolean refused(int status) {
        return status == 400 || status == 401;
    }

    private static SignatureScheme other(SignatureScheme scheme) {
        return scheme == SignatureScheme.RFC_9421 ? SignatureScheme.DRAFT_CAVAGE : SignatureScheme.RFC_9421;
    }

    /** A 401's {@code Accept-Signature}, if it asks for one signature this key can make and that is new. */
    private static Optional<SignatureRequest> askedFor(HttpResponse<?> response, SignatureScheme first,
                                                       SignatureRequest ownShape, Rfc9421Signer signer, boolean withBody) {
        List<String> field = response.headers().allValues("Accept-Signature");
        if (response.statusCode() != 401 || field.isEmpty()) {
            return Optional.empty();
        }
        List<SignatureRequest> shapes;
        try {
            shapes = AcceptSignature.parse(field);
        } catch (SignatureException e) {
            LOG.log(System.Logger.Level.DEBUG, "ignoring an unreadable Accept-Signature: {0}", e.getMessage());
            return Optional.empty();
        }
        if (shapes.size() != 1 || !signer.canSign(shapes.get(0), withBody)) {
            return Optional.empty();
        }
        SignatureRequest shape = shapes.get(0);
        boolean alreadySent = first == SignatureScheme.RFC_9421 && shape.label().equals(ownShape.label())
                && shape.components().equals(ownShape.components()) && !shape.expires()
                && shape.nonce().isEmpty() && shape.tag().isEmpty();
        return alreadySent ? Optional.empty() : Optional.of(shape);
    }

    /**
     * @param first the scheme of the first knock
     * @param taken the scheme of the request that got {@code status}
     */
    private void learn(String host, Optional<SchemeMemory.Remembered> remembered, SignatureScheme first,
                       SignatureScheme taken, int status, Instant now) {
        if (status < 200 || status > 299) {
            return;
        }
        try {
            if (taken != first) {
                // The first scheme was refused and the other one taken: this host takes only that one, for now.
                memory.remember(host, taken, now);
            } else if (remembered.isPresent() && remembered.get().scheme() != taken) {
                memory.forget(host);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not update the signature scheme remembered for " + host, e);
        }
    }

    private Optional<SchemeMemory.Remembered> recall(String host) {
        try {
            return memory.recall(host);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not recall the signature scheme of " + host, e);
            return Optional.empty();
        }
    }
}
