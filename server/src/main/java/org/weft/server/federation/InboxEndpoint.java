package org.weft.server.federation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.common.buffers.DataReader;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.activitypub.jsonld.JsonLdCodec;
import org.weft.activitypub.jsonld.MalformedActivityException;
import org.weft.activitypub.signature.AcceptSignature;
import org.weft.activitypub.signature.RequestVerifier;
import org.weft.activitypub.signature.SignatureException;
import org.weft.activitypub.signature.VerifiedSignature;
import org.weft.activitypub.vocab.Activity;
import org.weft.activitypub.vocab.WebOrigin;
import org.weft.server.federation.quota.InboxQuotas;
import org.weft.server.http.HttpReplies;
import org.weft.server.persistence.BlockedDomains;
import org.weft.server.queue.InboxWriter;

/**
 * {@code POST /inbox} (shared) and {@code POST …/inbox} (personal). Checks everything that can be
 * checked before storing — size, content type, digest and signature (RFC 9421 or draft-cavage) on the raw
 * bytes, JSON shape, that the signer is the activity's actor, and the sender's quotas — stores the activity once and
 * answers 202. A worker does the rest, from the activity as parsed here (the body, or its compacted form when
 * JSON-LD processing had to rewrite it). Any failure answers with a clear status and stores nothing; a 401 also says, in
 * {@code Accept-Signature} (RFC 9421 §5.1), the signature Weft asks for, so a sender can sign anew.
 */
public final class InboxEndpoint {
    private static final Logger LOG = Logger.getLogger(InboxEndpoint.class.getName());
    /** What a refused sender should send instead: what {@code Rfc9421Verifier} requires of a POST. */
    private static final String ACCEPT_SIGNATURE = AcceptSignature.forRequest("POST");
    private static final HeaderName ACCEPT_SIGNATURE_HEADER = HeaderNames.create("Accept-Signature");

    private final RequestVerifier verifier;
    private final JsonLdCodec codec;
    private final InboxWriter writer;
    private final InboxQuotas quotas;
    private final int maxBytes;
    private final Clock clock;
    private final BlockedDomains blocked;

    public InboxEndpoint(RequestVerifier verifier, JsonLdCodec codec, InboxWriter writer, InboxQuotas quotas, int maxBytes,
                         Clock clock) {
        this(verifier, codec, writer, quotas, maxBytes, clock, BlockedDomains.NONE);
    }

    /** {@code blocked}: suspended servers are turned away before their signature is checked or their key fetched. */
    public InboxEndpoint(RequestVerifier verifier, JsonLdCodec codec, InboxWriter writer, InboxQuotas quotas, int maxBytes,
                         Clock clock, BlockedDomains blocked) {
        this.blocked = blocked;
        this.verifier = verifier;
        this.codec = codec;
        this.writer = writer;
        this.quotas = quotas;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    public void post(ServerRequest req, ServerResponse res) {
        try {
            receive(req, res);
        } catch (Rejection r) {
            LOG.fine(() -> "Inbox refused " + r.status.code() + ": " + r.getMessage());
            if (r.status == Status.UNAUTHORIZED_401) {
                res.header(ACCEPT_SIGNATURE_HEADER, ACCEPT_SIGNATURE);
            }
            if (r.retryAfterSeconds > 0) {
                res.header(HeaderNames.RETRY_AFTER, String.valueOf(r.retryAfterSeconds));
            }
            HttpReplies.error(res, r.status, r.getMessage());
        }
    }

    private void receive(ServerRequest req, ServerResponse res) throws Rejection {
        if (req.headers().contentLength().orElse(0) > maxBytes) {
            throw new Rejection(Status.REQUEST_ENTITY_TOO_LARGE_413, "Body larger than " + maxBytes + " bytes");
        }
        String contentType = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        if (!acceptableContentType(contentType)) {
            throw new Rejection(Status.UNSUPPORTED_MEDIA_TYPE_415,
                    "Send application/activity+json or application/ld+json, not '" + contentType + "'");
        }
        String keyHost = SignatureKeys.host(req.headers());
        // A suspended server is turned away before anything is read, verified or fetched: its key is never asked for.
        if (blocked.isSuspended(keyHost)) {
            throw new Rejection(Status.FORBIDDEN_403, "This server does not accept activities from " + keyHost);
        }
        // A server already over its limits is turned away before its signature costs anything (nothing is counted).
        refuseIfOver(quotas.precheck(keyHost, req.headers().contentLength().orElse(0)));
        byte[] body = readCapped(req);

        VerifiedSignature signature;
        try {
            signature = verifier.verify(IncomingRequests.of(req, "POST", body));
        } catch (SignatureException e) {
            throw new Rejection(Status.UNAUTHORIZED_401, "Signature refused (" + e.reason() + "): " + e.getMessage());
        }

        Activity activity;
        JsonLdCodec.Received received;
        try {
            // Parsed (and, for an unusual context, JSON-LD compacted) once: the worker reads the kept JSON plainly.
            received = codec.receive(body);
            activity = Activity.fromJson(received.document());
        } catch (MalformedActivityException | IllegalArgumentException e) {
            throw new Rejection(Status.BAD_REQUEST_400, "Not a usable activity: " + e.getMessage());
        }
        if (activity.actor() == null) {
            throw new Rejection(Status.BAD_REQUEST_400, "The activity has no actor");
        }
        if (!signature.isSignedBy(activity.actor())) {
            throw new Rejection(Status.UNAUTHORIZED_401,
                    "Signed by " + signature.key().ownerId() + " but the activity's actor is " + activity.actor());
        }
        if (blocked.isSuspendedUri(activity.actor())) {
            // Only reachable when a key on another server signed for this actor: the signer check above refuses that.
            throw new Rejection(Status.FORBIDDEN_403, "This server does not accept activities from the actor's server");
        }
        if (!WebOrigin.same(activity.id(), activity.actor())) {
            throw new Rejection(Status.BAD_REQUEST_400, "The activity id must be on the actor's server");
        }
        // Refused here, not at the insert: MariaDB's INSERT IGNORE would store a too-long id cut short.
        if (activity.id().length() > InboxWriter.MAX_URI_LENGTH || activity.actor().length() > InboxWriter.MAX_URI_LENGTH
                || activity.type().length() > InboxWriter.MAX_TYPE_LENGTH) {
            throw new Rejection(Status.BAD_REQUEST_400, "The activity id or actor is longer than "
                    + InboxWriter.MAX_URI_LENGTH + " characters, or its type longer than " + InboxWriter.MAX_TYPE_LENGTH);
        }
        // Counted only now: a verified sender, a request about to be stored.
        refuseIfOver(quotas.charge(activity.actor(), body.length));
        try {
            // Returns once the row is committed (group commit): a 202 is never lost in a crash.
            writer.store(activity.id(), activity.actor(), activity.type(), new String(received.json(), StandardCharsets.UTF_8),
                    clock.instant());
        } catch (InboxWriter.InboxWriteException e) {
            LOG.log(Level.WARNING, "Inbox could not store " + activity.id(), e);
            throw new Rejection(Status.INTERNAL_SERVER_ERROR_500, "Could not store the activity; try again later");
        }
        res.status(Status.ACCEPTED_202).send();
    }

    private static void refuseIfOver(Optional<InboxQuotas.Refusal> refusal) throws Rejection {
        if (refusal.isPresent()) {
            throw new Rejection(Status.TOO_MANY_REQUESTS_429, refusal.get().reason() + "; try again later",
                    refusal.get().retryAfterSeconds());
        }
    }

    /**
     * The body, refused when over {@code maxBytes}. With a Content-Length (what every server known here sends) it is
     * read into an array of that size: reading without one allocates in 16 kB steps and copies, eight times the
     * bytes of a typical 2 kB activity, on every POST.
     */
    private byte[] readCapped(ServerRequest req) throws Rejection {
        OptionalLong declared = req.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > maxBytes) {
            throw new Rejection(Status.REQUEST_ENTITY_TOO_LARGE_413, "Body larger than " + maxBytes + " bytes");
        }
        try (InputStream in = req.content().inputStream()) {
            if (declared.isPresent()) {
                byte[] body = new byte[(int) declared.getAsLong()];
                if (in.readNBytes(body, 0, body.length) < body.length) {
                    throw new Rejection(Status.BAD_REQUEST_400, "The body is shorter than its Content-Length");
                }
                return body;
            }
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw new Rejection(Status.REQUEST_ENTITY_TOO_LARGE_413, "Body larger than " + maxBytes + " bytes");
            }
            return body;
        } catch (IOException | UncheckedIOException e) {
            throw new Rejection(Status.BAD_REQUEST_400, "Could not read the body: " + e.getMessage());
        } catch (DataReader.InsufficientDataAvailableException e) {
            // Helidon's answer to a connection that ended before the body it declared: the sender's fault, not ours.
            throw new Rejection(Status.BAD_REQUEST_400, "The body is shorter than its Content-Length");
        }
    }


    static boolean acceptableContentType(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/activity+json") || type.equals("application/ld+json")
                || type.equals("application/json");
    }

    /** A request the inbox refuses, with the status to answer. */
    private static final class Rejection extends Exception {
        private final Status status;
        private final long retryAfterSeconds;

        Rejection(Status status, String message) {
            this(status, message, 0);
        }

        Rejection(Status status, String message, long retryAfterSeconds) {
            super(message);
            this.status = status;
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }
}
