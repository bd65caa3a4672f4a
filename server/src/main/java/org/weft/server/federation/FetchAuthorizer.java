package org.weft.server.federation;

import java.net.URI;
import java.util.Optional;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import org.weft.activitypub.signature.RequestVerifier;
import org.weft.activitypub.signature.SignatureException;
import org.weft.activitypub.signature.VerifiedSignature;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.FollowRepository;

/**
 * Decides whether a signed GET may read a community-only proposal: the signer's server must host at least one
 * follower of that community whom a moderator approved (or a community it links to); a server whose followers nobody
 * approved may not, even when they follow. Unsigned or badly signed requests may not. Either signature scheme will do (RFC 9421
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
     * The signer's server (host[:port]) when this signed GET may read the community-only posts of {@code communityId}
     * (null: no community, so nobody may), else empty. Checks the signature first, which may fetch the signer's key:
     * call it with no transaction open.
     */
    public Optional<String> approvedServer(ServerRequest req, Long communityId) {
        if (req.headers().first(SIGNATURE).isEmpty() || communityId == null) {
            return Optional.empty();
        }
        VerifiedSignature signature;
        try {
            signature = verifier.verify(IncomingRequests.of(req, "GET", new byte[0]));
        } catch (SignatureException e) {
            return Optional.empty();
        }
        String signerHost = URI.create(signature.key().ownerId()).getAuthority();
        boolean approved = db.inTransaction(s -> FollowRepository.hasApprovedFollowerOn(s, communityId, signerHost));
        return approved ? Optional.of(signerHost) : Optional.empty();
    }
}
