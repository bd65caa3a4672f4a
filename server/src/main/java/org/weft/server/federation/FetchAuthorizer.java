package org.weft.server.federation;

import java.net.URI;
import java.util.Optional;

import io.helidon.webserver.http.ServerRequest;
import org.weft.activitypub.signature.RequestVerifier;
import org.weft.activitypub.signature.SignatureException;
import org.weft.activitypub.signature.VerifiedSignature;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.FollowRepository;

/**
 * Decides whether a signed GET may read a community-only proposal: the signer's server must host at least one
 * follower of that community whom a moderator approved (or a community it links to); a server whose followers nobody
 * approved may not, even when they follow. Unsigned or badly signed requests may not. Either signature scheme will do (RFC 9421
 * or draft-cavage), with the same replay protection as the inbox: a captured fetch reads once.
 */
public final class FetchAuthorizer {
    private final RequestVerifier verifier;
    private final Database db;

    public FetchAuthorizer(RequestVerifier verifier, Database db) {
        this.verifier = verifier;
        this.db = db;
    }

    /** The signer's server (host[:port]) when it may read the community's community-only posts, else empty. */
    public Optional<String> approvedServer(ServerRequest req, ActorEntity community) {
        if (req.headers().first(io.helidon.http.HeaderNames.create("Signature")).isEmpty() || community == null) {
            return Optional.empty();
        }
        VerifiedSignature signature;
        try {
            signature = verifier.verify(IncomingRequests.of(req, "GET", new byte[0]));
        } catch (SignatureException e) {
            return Optional.empty();
        }
        String signerHost = URI.create(signature.key().ownerId()).getAuthority();
        boolean approved = db.inTransaction(s -> FollowRepository.hasApprovedFollowerOn(s, community.getId(), signerHost));
        return approved ? Optional.of(signerHost) : Optional.empty();
    }

}
