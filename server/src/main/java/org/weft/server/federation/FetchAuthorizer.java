package org.weft.server.federation;

import java.net.URI;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import org.weft.activitypub.signature.RequestVerifier;
import org.weft.activitypub.signature.SignatureException;
import org.weft.activitypub.signature.VerifiedSignature;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.FollowRepository;

/**
 * Decides whether a signed GET may read something addressed to a community's followers: the signer's
 * server must host at least one accepted follower of that community (what Mastodon does for
 * followers-only posts). Unsigned or badly signed requests may not. Either signature scheme will do (RFC 9421
 * or draft-cavage), with the same replay protection as the inbox: a captured fetch reads once.
 */
public final class FetchAuthorizer {
    private static final HeaderName SIGNATURE = HeaderNames.create("Signature");
    private final RequestVerifier verifier;
    private final Database db;

    public FetchAuthorizer(RequestVerifier verifier, Database db) {
        this.verifier = verifier;
        this.db = db;
    }

    /**
     * Whether this signed GET may read what is addressed to the followers of {@code communityId} (null: no community,
     * so nobody may). Checks the signature first, which may fetch the signer's key: call it with no transaction open.
     */
    public boolean mayFetch(ServerRequest req, Long communityId) {
        if (req.headers().first(SIGNATURE).isEmpty() || communityId == null) {
            return false;
        }
        VerifiedSignature signature;
        try {
            signature = verifier.verify(IncomingRequests.of(req, "GET", new byte[0]));
        } catch (SignatureException e) {
            return false;
        }
        String signerHost = URI.create(signature.key().ownerId()).getAuthority();
        return db.inTransaction(s -> FollowRepository.hasAcceptedFollowerOn(s, communityId, signerHost));
    }
}
