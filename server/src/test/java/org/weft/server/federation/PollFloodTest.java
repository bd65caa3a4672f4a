package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.poll.PollService;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestClock;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * A flood of votes: 100 Mastodon-shaped accounts, each an approved follower of the community, vote within ten seconds of
 * the server's clock (ten every second). Every vote counts once; followers receive an {@code Update(Question)} at most
 * once every three seconds of that clock, so the number of Updates is bounded by the time the flood lasted, not by the
 * votes (at most 14 s / 3 s + 1 = 5 here, against 100 votes), and the last one carries all 100.
 */
class PollFloodTest {
    private static final int VOTERS = 100;
    private static final int PER_SECOND = 10;

    @Test
    void aHundredVotesInTenSecondsSendAFewUpdatesAndTheLastCarriesThemAll() {
        TestClock clock = new TestClock(Instant.parse("2026-11-20T09:00:00Z"));
        try (TestServers.Instance weft = TestServers.start(Map.of(), clock);
             MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            weft.server().moderators().add("block3", "amina", Optional.empty());
            String group = weft.base() + "/groups/block3";
            List<String> voters = new ArrayList<>();
            for (int i = 0; i < VOTERS; i++) {
                String voter = mastodon.serveUser("voter" + i);
                voters.add(voter);
                PollFederationTest.follow(weft, mastodon, voter, group, clock);
                weft.server().followers().approve("block3", voter);
            }
            String pollUri = ApiClient.expect(201, amina.post("/groups/block3/polls",
                    PollFederationTest.open("followers", false, clock))).path("uri").asText();
            WaitFor.deliveriesDrained(weft);

            Instant start = clock.instant();
            for (int i = 0; i < VOTERS; i++) {
                String id = PollFederationTest.vote(weft, mastodon, voters.get(i), i, i % 4 == 0 ? "Sunday" : "Friday",
                        pollUri, clock);
                assertNull(WaitFor.inboundDone(weft, id).getLastError(), "vote " + i + " counts");
                if (i % PER_SECOND == PER_SECOND - 1) {
                    clock.advance(Duration.ofSeconds(1));
                }
            }
            clock.advance(Duration.ofSeconds(4));
            Duration lasted = Duration.between(start, clock.instant());
            JsonNode last = WaitFor.value("an Update carrying all the votes", () -> updates(mastodon).stream()
                    .filter(u -> u.path("object").path("votersCount").asInt() == VOTERS).findFirst().orElse(null));
            WaitFor.deliveriesDrained(weft);
            List<JsonNode> updates = updates(mastodon);
            long bound = lasted.toSeconds() / PollService.COALESCE.toSeconds() + 1;
            assertTrue(updates.size() <= bound, updates.size() + " Updates for " + VOTERS + " votes in " + lasted
                    + "; at most " + bound);
            assertEquals(last.path("id"), updates.getLast().path("id"), "the last Update is the one with every vote");
            assertEquals(75, last.path("object").path("oneOf").path(0).path("replies").path("totalItems").asInt());
            assertEquals(25, last.path("object").path("oneOf").path(1).path("replies").path("totalItems").asInt());
            assertFalse(last.toString().contains("voter0"), "no voter is named");
            assertEquals(VOTERS, ApiClient.expect(200, amina.get(PollFederationTest.path(pollUri)))
                    .path("votersCount").asInt());
        }
    }

    /** The Update activities the peer received, oldest first, each once (one shared inbox). */
    private static List<JsonNode> updates(MastodonPeer peer) {
        return PollFederationTest.sent(peer, "Update").stream().map(r -> TestHttp.json(r.getBodyAsString()))
                .distinct().toList();
    }
}
