package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestServers;

/**
 * With the default settings, an actor (or key) id that points at a loopback or private address is
 * never fetched: the server-side request forgery guard refuses it and the activity is refused.
 */
class PrivateAddressTest {

    @Test
    void anActorOnAPrivateAddressIsNeverFetched() {
        try (TestServers.Instance weft = TestServers.start(Map.of("WEFT_FEDERATION_ALLOW_PRIVATE", "false"));
             MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            String follow = mastodon.fixture("mastodon/follow.json")
                    .replace(weft.base() + "/users/amina", weft.base() + "/groups/block3");
            var response = mastodon.deliver(URI.create(weft.base() + "/inbox"), follow);
            assertEquals(401, response.statusCode(), response.body());
            assertEquals(0, mastodon.wireMock().getAllServeEvents().size(), "no request reached the private address");
            long stored = weft.server().db().inTransaction(s ->
                    s.createSelectionQuery("select count(*) from InboundActivityEntity", Long.class).getSingleResult());
            assertEquals(0, stored);
        }
    }
}
