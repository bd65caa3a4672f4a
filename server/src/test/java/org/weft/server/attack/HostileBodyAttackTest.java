package org.weft.server.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestServers;

/**
 * A correctly signed body built to hurt the parser: arrays nested ten thousand deep (a stack overflow in a
 * recursive parser). Refused with 400 before anything is stored. The other hostile bodies (oversized,
 * malformed, without the ActivityStreams context, over-long ids) are in {@code InboxRejectionTest}.
 */
class HostileBodyAttackTest {

    @Test
    void deeplyNestedJsonIsRefusedWithNothingStored() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            URI inbox = URI.create(weft.base() + "/inbox");
            String like = mastodon.fixture("mastodon/like.json");
            // Rosa is known first, so that what is compared is what the hostile body alone would store.
            assertEquals(202, AttackRequest.post(inbox, like).signedBy(mastodon).send().status());

            String deep = "[".repeat(10_000) + "]".repeat(10_000);
            String nested = like.replace("#likes/4417093", "#likes/deep")
                    .replace("\"object\":", "\"tag\": " + deep + ",\n  \"object\":");
            Refused.assertRefused(weft, AttackRequest.post(inbox, nested).signedBy(mastodon)::send, 400, "nested too deeply");
        }
    }
}
