package org.weft.server.domain.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalQuery;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/** A request from someone who does not follow the community waits for a moderator, then is boosted. */
class ModerationTest {

    @Test
    void aNonFollowersPostWaitsForAModerator() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer stranger = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            String post = stranger.fixture("mastodon/create-note-public.json");
            String postId = TestHttp.json(post).path("object").path("id").asText();
            assertEquals(202, stranger.deliver(URI.create(weft.base() + "/inbox"), post).statusCode());

            ProposalEntity waiting = WaitFor.value("the post is kept", () -> TwoInstanceProposalTest.find(weft, postId));
            assertEquals(ProposalEntity.Moderation.PENDING, waiting.getModeration());
            var moderation = weft.server().proposals().moderation();
            assertEquals(1, moderation.pending("block3").size());
            long visible = weft.server().db().inTransaction(s -> new ProposalQuery("block3", null, null, null, null, null, null,
                    true, false, 1, 20).countUpTo(s, 1000));
            assertEquals(0, visible, "not on the board yet");

            // The stranger follows after all; then a moderator approves and the community boosts it.
            stranger.deliver(URI.create(weft.base() + "/inbox"),
                    stranger.fixture("mastodon/follow.json")
                            .replace(weft.base() + "/users/amina", weft.base() + "/groups/block3"));
            WaitFor.condition("the follow is accepted", () -> MastodonProposalTest.posted(stranger, "Accept").size() == 1);
            moderation.approve(waiting.getId());
            assertEquals(1L, (long) weft.server().db().inTransaction(
                    s -> new ProposalQuery("block3", null, null, null, null, null,
                    null, true, false, 1, 20).countUpTo(s, 1000)));
            WaitFor.condition("the community boosts it", () -> MastodonProposalTest.posted(stranger, "Announce").stream()
                    .anyMatch(a -> postId.equals(a.path("object").asText())));
            assertTrue(moderation.pending("block3").isEmpty());
        }
    }
}
