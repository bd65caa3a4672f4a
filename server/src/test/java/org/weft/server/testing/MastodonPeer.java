package org.weft.server.testing;

import java.security.PrivateKey;
import java.util.List;

/** Mastodon 4.5 as a peer: user rosa, signing {@code (request-target) host date digest content-type} with rsa-sha256. */
public final class MastodonPeer extends FediversePeer {
    public static final List<String> SIGNED_HEADERS = List.of("(request-target)", "host", "date", "digest", "content-type");

    public MastodonPeer(String weftBase) {
        super(weftBase, "mastodon", "https://mastodon.example", "/users/rosa", "actor.json", "keys/mastodon-rosa.pem",
                SIGNED_HEADERS, "rsa-sha256");
    }

    public String rosa() {
        return actor();
    }

    public static PrivateKey rosaKey() {
        return privateKey("keys/mastodon-rosa.pem");
    }
}
