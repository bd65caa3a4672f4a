package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.weft.server.api.ApiClient.expect;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.weft.server.api.ApiClient;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestServers;

/**
 * One instance with the camp's board and four members, for the tests of what the member a proposal was promised to
 * is told when its author changes it ({@link CalledOffTest}, {@link EditedAfterAcceptTest},
 * {@link ReopenedAfterAcceptTest}): Layla posts; Omar's answer is accepted, Nadia's waits, Samir's is declined (or
 * he answers nothing). Each member signs in to the pages with {@link #PASSWORD}.
 */
record CampOfFour(TestServers.Instance weft, ApiClient layla, ApiClient omar, ApiClient nadia, ApiClient samir)
        implements AutoCloseable {
    static final String PASSWORD = "a long enough password";

    static CampOfFour start() {
        TestServers.Instance weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp Board", null);
        return new CampOfFour(weft, ApiClient.newMember(weft, "layla", "Layla"), ApiClient.newMember(weft, "omar",
                "Omar"),
                ApiClient.newMember(weft, "nadia", "Nadia"), ApiClient.newMember(weft, "samir", "Samir"));
    }

    /** The member's answer to {@code proposal}, as the pages and the API send it; its number. */
    long respond(String member, long proposal, String text) {
        return weft.server().proposals().responses().respond(member, proposal, text).getId();
    }

    /** The address of the proposal's page here (its path). */
    String pagePath(long proposal) {
        return URI.create(weft.server().db().inTransaction(s -> s.find(ProposalEntity.class, proposal)).getUri())
                .getPath();
    }

    /** The member's notifications of {@code kind} about {@code proposal} (among their newest hundred). */
    static List<JsonNode> told(ApiClient member, long proposal, String kind) {
        List<JsonNode> told = new ArrayList<>();
        for (JsonNode n : expect(200, member.get("/me/notifications?size=100")).path("items")) {
            if (n.path("kind").asText().equals(kind) && n.path("proposalId").asLong() == proposal) {
                told.add(n);
            }
        }
        return told;
    }

    /**
     * Nadia (her answer still waiting), Samir (his declined) and Layla (who made the change) got no notice of
     * {@code kind} about {@code proposal}: only the member it was promised to is told.
     */
    void assertNoOneElseTold(long proposal, String kind) {
        assertEquals(List.of(), told(nadia, proposal, kind),
                "her answer is still waiting: nothing was arranged with her");
        assertEquals(List.of(), told(samir, proposal, kind), "his answer was declined");
        assertEquals(List.of(), told(layla, proposal, kind), "she did it");
    }

    @Override
    public void close() {
        weft.close();
    }
}
