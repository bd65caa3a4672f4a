package org.weft.server.testing;

import java.util.List;

/** Lemmy 0.19 as a peer: user kofi, signing with {@code hs2019} in Lemmy's header order. */
public final class LemmyPeer extends FediversePeer {
    public static final List<String> SIGNED_HEADERS = List.of("(request-target)", "content-type", "date", "digest", "host");

    public LemmyPeer(String weftBase) {
        super(weftBase, "lemmy", "https://lemmy.example", "/u/kofi", "actor.json", "keys/lemmy-kofi.pem",
                SIGNED_HEADERS, "hs2019");
    }
}
