package org.weft.server.testing;

import java.util.List;

/**
 * Pleroma (and Akkoma) as a peer: user lina, signing {@code (request-target) content-length date digest host} with
 * rsa-sha256 (Pleroma's publisher signs those five, in the order its map of them iterates).
 */
public final class PleromaPeer extends FediversePeer {
    public static final List<String> SIGNED_HEADERS = List.of("(request-target)", "content-length", "date", "digest",
            "host");

    public PleromaPeer(String weftBase) {
        super(weftBase, "pleroma", "https://pleroma.example", "/users/lina", "actor.json", "keys/pleroma-lina.pem",
                SIGNED_HEADERS, "rsa-sha256");
    }
}
