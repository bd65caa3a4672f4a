package org.weft.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.UUID;

/** Follows sent to Weft by a simulated server's users, in the shape Mastodon sends them. */
public final class RemoteFollows {
    private RemoteFollows() {
    }

    /**
     * {@code actor}, a user {@code peer} serves, follows {@code target} on {@code weft}. Returns the Follow's id once
     * Weft has processed it (accepted, or left waiting for approval).
     */
    public static String follow(TestServers.Instance weft, FediversePeer peer, String actor, String target) {
        String id = peer.origin() + "/" + UUID.randomUUID();
        String json = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + id + "\",\"type\":\"Follow\","
                + "\"actor\":\"" + actor + "\",\"object\":\"" + target + "\"}";
        assertEquals(202, peer.deliverAs(actor, URI.create(weft.base() + "/inbox"), json).statusCode());
        WaitFor.inboundDone(weft, id);
        return id;
    }
}
