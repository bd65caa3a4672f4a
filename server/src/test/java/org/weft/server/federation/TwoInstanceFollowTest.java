package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/** Two Weft servers, each with its own database: a member of one follows the other's community. */
class TwoInstanceFollowTest {

    @Test
    void aMemberOfOneInstanceFollowsTheOtherInstancesCommunity() throws Exception {
        try (TestServers.Instance a = TestServers.start(); TestServers.Instance b = TestServers.start()) {
            a.server().localActors().createMember("amina", "Amina", "correct horse battery", false);
            b.server().localActors().createGroup("block3", "Block 3", "Neighbours helping neighbours");

            String followee = a.server().follows().follow("amina", "@block3@" + b.domain());
            assertEquals(b.base() + "/groups/block3", followee);

            String amina = a.base() + "/users/amina";
            WaitFor.condition("B lists amina among block3's followers",
                    () -> items(followee + "/followers").equals(java.util.List.of(amina)));
            WaitFor.condition("A lists block3 in amina's following (the Accept arrived)",
                    () -> items(amina + "/following").equals(java.util.List.of(followee)));

            // Unfollowing removes it on both sides.
            a.server().follows().unfollow("amina", followee);
            WaitFor.condition("B no longer lists amina", () -> items(followee + "/followers").isEmpty());
            assertEquals(0, items(amina + "/following").size());
        }
    }

    private static java.util.List<String> items(String collectionUri) {
        JsonNode collection = TestHttp.activityJson(collectionUri);
        if (collection.path("totalItems").asInt() == 0) {
            return java.util.List.of();
        }
        JsonNode page = TestHttp.activityJson(collection.path("first").asText());
        java.util.List<String> ids = new java.util.ArrayList<>();
        page.path("orderedItems").forEach(n -> ids.add(n.asText()));
        return ids;
    }
}
