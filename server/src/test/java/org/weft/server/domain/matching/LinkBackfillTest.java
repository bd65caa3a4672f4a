package org.weft.server.domain.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.follow.CommunityLink;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.MatchEntity;
import org.weft.server.persistence.MatchRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * Two Weft instances. B's community posted offers before A's community linked to it; once B accepts the link, A
 * reads B's outbox and keeps the public offers that are still there, so A's earlier request matches one of them.
 * What B's outbox never listed (a community-only offer) or no longer serves (a withdrawn one) does not arrive.
 */
class LinkBackfillTest {

    @Test
    void linkingFetchesTheOtherCommunitysEarlierProposals() throws Exception {
        try (TestServers.Instance a = TestServers.start(); TestServers.Instance b = TestServers.start()) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            a.server().localActors().createMember("amina", "Amina", "a long enough password", false);
            b.server().localActors().createGroup("town", "Town", null);
            b.server().localActors().createMember("bruno", "Bruno", "a long enough password", false);

            ProposalEntity pram = offer(b, "A pram, almost new", "prams", Audience.PUBLIC);
            ProposalEntity secret = offer(b, "Cot for the town only", "prams", Audience.COMMUNITY);
            ProposalEntity withdrawn = offer(b, "A pram we no longer have", "prams", Audience.PUBLIC);
            b.server().proposals().service().changeStatus("bruno", withdrawn.getId(), ProposalStatus.WITHDRAWN);
            ProposalEntity request = a.server().proposals().service().create("amina", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.REQUEST).language("en").title("We need a pram")
                    .description("For a few weeks.").categories("prams").build());

            a.server().matching().links().link("block3", "@town@" + b.domain());
            WaitFor.condition("B accepts the link", () -> a.server().matching().links().links("block3").stream()
                    .anyMatch(CommunityLink::accepted));
            // The outbox is read newest first, so once the oldest post is here the others have been looked at.
            ProposalEntity kept = WaitFor.value("A keeps B's earlier offer", () -> find(a, pram.getUri()));
            assertEquals(ProposalStatus.OPEN, kept.getStatus());
            assertEquals(null, find(a, secret.getUri()), "a community-only offer is not in the outbox");
            assertEquals(null, find(a, withdrawn.getUri()), "a withdrawn offer answers 410 and is not kept");

            var match = WaitFor.value("A's earlier request matches the backfilled offer", () -> {
                List<MatchEntity> found = a.server().db()
                        .inTransaction(s -> MatchRepository.involving(s, request.getId()));
                return found.size() == 1 ? found.get(0) : null;
            });
            assertEquals(kept.getId(), match.getOfferId());
            assertTrue(kept.getGroup() != null && kept.getGroup().getUri().endsWith("/groups/town"),
                    "kept as a proposal of B's community");
        }
    }

    private static ProposalEntity offer(TestServers.Instance i, String title, String concept, Audience audience) {
        return i.server().proposals().service().create("bruno", ProposalDraft.builder().community("town")
                .purpose(Purpose.OFFER).language("en").title(title).description(title).categories(concept)
                .audience(audience).build());
    }

    private static ProposalEntity find(TestServers.Instance i, String uri) {
        return i.server().db().inTransaction(s -> {
            ProposalEntity p = ProposalRepository.byUri(s, uri).orElse(null);
            if (p != null && p.getGroup() != null) {
                p.getGroup().getUri(); // read inside the transaction
            }
            return p;
        });
    }
}
