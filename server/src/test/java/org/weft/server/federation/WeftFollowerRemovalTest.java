package org.weft.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * Follower approval and removal seen from another Weft: town (on B) follows block3 (on A), which requires approval.
 * The follow waits, and B is sent nothing community-only; once a moderator approves it, B keeps community-only
 * requests; once the moderator removes it, B learns it no longer follows, and A sends B nothing more, neither new
 * requests nor changes to the ones B already holds.
 */
class WeftFollowerRemovalTest {
    private static final String PASSWORD = "a long enough password";

    @Test
    void anotherWeftWaitsForApprovalAndAfterRemovalIsSentNothing() throws Exception {
        try (TestServers.Instance a = TestServers.start(); TestServers.Instance b = TestServers.start()) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            a.server().localActors().createMember("nadia", "Nadia", PASSWORD, false);
            a.server().followers().requireApproval("block3", true);
            b.server().localActors().createGroup("town", "Town", null);
            String group = a.base() + "/groups/block3";
            String town = b.base() + "/groups/town";

            b.server().matching().links().link("town", group);
            WaitFor.condition("block3 has town's follow, waiting", () -> a.server().followers().list("block3").stream()
                    .anyMatch(f -> f.actorUri().equals(town)));
            WaitFor.deliveriesDrained(a);
            assertFalse(townFollows(b, group), "B does not count the link as accepted before a moderator approves it");
            ProposalEntity beforeApproval = request(a, "Need a pram");
            WaitFor.deliveriesDrained(a);
            assertEquals(List.of(), typesSentTo(a, b), "a follow waiting for approval is sent nothing, not even an Accept");

            a.server().followers().approve("block3", town);
            WaitFor.condition("town's follow of block3 is accepted on B", () -> townFollows(b, group));
            ProposalEntity formula = request(a, "Need baby formula");
            WaitFor.deliveriesDrained(a);
            WaitFor.condition("B keeps the community-only request", () -> held(b, formula).isPresent());
            assertEquals(Audience.COMMUNITY, held(b, formula).orElseThrow().getAudience());
            assertTrue(held(b, beforeApproval).isEmpty(), "what was posted before the approval was not sent");

            // Removal: B is told (Reject of town's Follow) and drops the follow; A keeps nothing of it.
            a.server().followers().remove("block3", town);
            WaitFor.deliveriesDrained(a);
            WaitFor.condition("B no longer has town following block3", () -> b.server().matching().links().links("town")
                    .stream().noneMatch(l -> l.actorUri().equals(group) && l.weFollow()));
            assertTrue(a.server().followers().list("block3").stream().noneMatch(f -> f.actorUri().equals(town)));
            List<String> sent = typesSentTo(a, b);
            assertEquals(List.of("Accept", "Create", "Reject"), sent);

            // Afterwards: a new community-only request, and a change to the one B holds. Nothing goes to B.
            ProposalEntity nappies = request(a, "Need nappies, size 3");
            a.server().proposals().service().changeStatus("nadia", formula.getId(), ProposalStatus.WITHDRAWN);
            WaitFor.deliveriesDrained(a);
            assertEquals(sent, typesSentTo(a, b), "nothing is sent to B after the removal");
            assertTrue(held(b, nappies).isEmpty());
            assertFalse(held(b, formula).orElseThrow().isDeleted(), "B was not sent the withdrawal either");
        }
    }

    private static ProposalEntity request(TestServers.Instance a, String title) {
        return a.server().proposals().service().create("nadia", ProposalDraft.builder().community("block3")
                .purpose(Purpose.REQUEST).title(title).description("Thank you.").categories("baby-food")
                .audience(Audience.COMMUNITY).build());
    }

    private static boolean townFollows(TestServers.Instance b, String group) {
        return b.server().matching().links().links("town").stream()
                .anyMatch(l -> l.actorUri().equals(group) && l.weFollow() && l.accepted());
    }

    private static Optional<ProposalEntity> held(TestServers.Instance b, ProposalEntity p) {
        return b.server().db().inTransaction(s -> ProposalRepository.byUri(s, p.getUri()));
    }

    /** The types of the activities A queued for B's server, oldest first. */
    private static List<String> typesSentTo(TestServers.Instance a, TestServers.Instance b) {
        return a.server().db().inTransaction(s -> s.createSelectionQuery(
                "select o.activityType from DeliveryEntity d, OutboundActivityEntity o where d.activityId = o.id"
                        + " and d.host = :h order by d.id", String.class).setParameter("h", b.domain()).getResultList());
    }
}
