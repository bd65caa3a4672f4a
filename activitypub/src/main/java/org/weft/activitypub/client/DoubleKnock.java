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
 * Double-knocking: sign with RFC 9421 first; when the server answers 400 or 401, send the request once
 * more signed with draft-cavage, and remember per host which scheme worked.
 *
 * <ul>
 *   <li><b>First knock.</b> RFC 9421, unless the host is remembered as taking only draft-cavage and that
 *       was learned less than {@link #RETRY_RFC_9421_AFTER} ago; then draft-cavage.</li>
 *   <li><b>Second knock</b>, only after a 400 or 401: the other scheme; but a 401 carrying an
 *       {@code Accept-Signature} with one signature this key can make is answered with RFC 9421 in exactly
 *       that shape (unless it is the shape just refused). Never a third request.</li>
 *   <li><b>Memory</b>, on a 2xx only: draft-cavage taking the second knock is remembered (with the time,
 *       so RFC 9421 is tried again a day later); RFC 9421 taking a request from a host remembered as
 *       draft-cavage replaces that. A host that takes RFC 9421 as expected costs no write.</li>
 * </ul>
 * The caller's send runs the address check before each knock, so the second is guarded like the first.
 */
final class DoubleKnock {

    /** How long a host stays "draft-cavage only" before RFC 9421 is tried on it again. */
    static final Duration RETRY_RFC_9421_AFTER = Duration.ofDays(1);

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

    Outcome knock(String host, Instant now, Rfc9421Signer signer, boolean withBody, Knock knock) throws IOException {
        Optional<SchemeMemory.Remembered> remembered = recall(host);
        SignatureRequest ownShape = withBody ? SignatureRequest.POST : SignatureRequest.GET;
        SignatureScheme first = firstScheme(remembered, now);
        HttpResponse<CappedBodySubscriber.Body> response = knock.send(first, ownShape);
        if (!refused(response.statusCode())) {
            learn(host, remembered, first, false, response.statusCode(), now);
            return new Outcome(response, first, 1);
        }
        Optional<SignatureRequest> asked = askedFor(response, first, ownShape, signer, withBody);
        SignatureScheme second = asked.isPresent() ? SignatureScheme.RFC_9421 : other(first);
        HttpResponse<CappedBodySubscriber.Body> retried = knock.send(second, asked.orElse(ownShape));
        learn(host, remembered, second, true, retried.statusCode(), now);
        return new Outcome(retried, second, 2);
    }

    static SignatureScheme firstScheme(Optional<SchemeMemory.Remembered> remembered, Instant now) {
        boolean draftOnly = remembered.isPresent() && remembered.get().scheme() == SignatureScheme.DRAFT_CAVAGE
                && now.isBefore(remembered.get().since().plus(RETRY_RFC_9421_AFTER));
        return draftOnly ? SignatureScheme.DRAFT_CAVAGE : SignatureScheme.RFC_9421;
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

    private void learn(String host, Optional<SchemeMemory.Remembered> remembered, SignatureScheme scheme,
                       boolean secondKnock, int status, Instant now) {
        if (status < 200 || status > 299) {
            return;
        }
        boolean draftAfterRefusal = scheme == SignatureScheme.DRAFT_CAVAGE && secondKnock;
        boolean rfcReplacesDraft = scheme == SignatureScheme.RFC_9421 && remembered.isPresent()
                && remembered.get().scheme() == SignatureScheme.DRAFT_CAVAGE;
        if (draftAfterRefusal || rfcReplacesDraft) {
            try {
                memory.remember(host, scheme, now);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not remember the signature scheme of " + host, e);
            }
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
