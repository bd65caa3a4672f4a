package org.weft.server.federation;

import java.net.URI;

import io.helidon.webserver.http.ServerRequest;
import org.weft.activitypub.signature.RequestVerifier;
import org.weft.activitypub.signature.SignatureException;
import org.weft.activitypub.signature.VerifiedSignature;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.FollowRepository;

/**
 * Decides whether a signed GET may read something addressed to a community's followers: the signer's
 * server must host at least one accepted follower of that community (what Mastodon does for
 * followers-only posts). Unsigned or badly signed requests may not. Either signature scheme will do (RFC 9421
 * or draft-cavage), with the same replay protection as the inbox: a captured fetch reads once.
 */
public final class FetchAuthorizer {
    private final RequestVerifier verifier;
    private final Database db;

    public FetchAuthorizer(RequestVerifier verifier, Database db) {
        this.verifier = verifier;
        this.db = db;
    }

    public boolean mayFetch(ServerRequest req, ActorEntity community) {
        if (req.headers().first(io.helidon.http.HeaderNames.create("Signature")).isEmpty() || community == null) {
            return false;
        }
        VerifiedSignature signature;
        try {
            signature = verifier.verify(IncomingRequests.of(req, "GET", new byte[0]));
        } catch (SignatureException e) {
            return false;
        }
        String signerHost = URI.create(signature.key().ownerId()).getAuthority();
        return db.inTransaction(s -> FollowRepository.hasAcceptedFollowerOn(s, community.getId(), signerHost));
    }

}
