package org.weft.server.domain.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.weft.server.api.ApiClient.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * A member who asks for a pram and gives one away is told nothing about herself: her offer never answers her own
 * request, whether she asked without her name or not, before a restart (the index fed proposal by proposal) or after
 * it (the index loaded from the database). Everyone else's offer still does, and she and they see that match.
 */
class OwnProposalsDoNotMatchTest {

    @Test
    void aMembersOfferNeverAnswersHerOwnRequest() throws Exception {
        TestServers.Instance weft = TestServers.start();
        try {
            weft.server().localActors().createGroup("camp", "Camp Board", null);
            ApiClient layla = ApiClient.newMember(weft, "layla", "Layla");
            ApiClient omar = ApiClient.newMember(weft, "omar", "Omar");
            long before = weft.server().matching().matcher().applied();
            ProposalEntity request = create(weft, "layla", Purpose.REQUEST, "A pram, please", Audience.ANONYMOUS);
            create(weft, "layla", Purpose.OFFER, "Our old pram", Audience.PUBLIC);
            settle(weft, before + 2);
            assertEquals(List.of(), matchedPairs(layla), "her offer and her request, unmatched");
            assertEquals(0, unread(layla), "and nothing to tell her");

            // Omar's offer answers her request; her own offer answers nothing of hers, and nothing of his.
            ProposalEntity his = create(weft, "omar", Purpose.OFFER, "A pram to give", Audience.PUBLIC);
            settle(weft, before + 3);
            String expected = request.getUri() + " answered by " + his.getUri();
            assertEquals(List.of(expected), matchedPairs(layla));
            assertEquals(List.of(expected), matchedPairs(omar), "Omar sees the same match from his side");

            // After a restart the index is read back from the database: her next offer still answers nothing of hers.
            weft = weft.restart();
            Matcher restarted = weft.server().matching().matcher();
            WaitFor.condition("the index is loaded from the database", restarted::ready);
            long loaded = restarted.applied();
            create(weft, "layla", Purpose.OFFER, "A second pram", Audience.PUBLIC);
            settle(weft, loaded + 1);
            assertEquals(List.of(expected), matchedPairs(layla), "the new offer of hers made no match with her request");
        } finally {
            weft.close();
        }
    }

    private static ProposalEntity create(TestServers.Instance weft, String member, Purpose purpose, String title,
                                         Audience audience) {
        return weft.server().proposals().service().create(member, ProposalDraft.builder().community("camp")
                .purpose(purpose).language("en").title(title).categories("prams").audience(audience).build());
    }

    /** Waits until the matcher has applied {@code count} changes since its start, and for everything queued after. */
    private static void settle(TestServers.Instance weft, long count) throws Exception {
        Matcher matcher = weft.server().matching().matcher();
        WaitFor.condition("the matcher has taken in the new proposals", () -> matcher.applied() >= count);
        matcher.settled().get(20, TimeUnit.SECONDS);
    }

    /** The member's matches as "request answered by offer", from what the API shows her. */
    private static List<String> matchedPairs(ApiClient member) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode m : expect(200, member.get("/me/matches?state=all")).path("matches")) {
            boolean mineIsRequest = "request".equals(m.path("mine").path("purpose").asText());
            JsonNode request = mineIsRequest ? m.path("mine") : m.path("other");
            JsonNode offer = mineIsRequest ? m.path("other") : m.path("mine");
            pairs.add(request.path("uri").asText() + " answered by " + offer.path("uri").asText());
        }
        return pairs;
    }

    private static long unread(ApiClient member) {
        return expect(200, member.get("/me/notifications")).path("unread").asLong();
    }
}
