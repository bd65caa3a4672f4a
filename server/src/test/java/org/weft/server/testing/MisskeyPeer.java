package org.weft.server.testing;

import java.util.List;

/**
 * Misskey as a peer: user hana (Misskey names users by an id, {@code /users/9t1xk2p3aa}), signing
 * {@code (request-target) date host digest} with rsa-sha256, as Misskey's ApRequestService does.
 */
public final class MisskeyPeer extends FediversePeer {
    public static final List<String> SIGNED_HEADERS = List.of("(request-target)", "date", "host", "digest");

    public MisskeyPeer(String weftBase) {
        super(weftBase, "misskey", "https://misskey.example", "/users/9t1xk2p3aa", "actor.json", "keys/misskey-hana.pem",
                SIGNED_HEADERS, "rsa-sha256");
    }
}
