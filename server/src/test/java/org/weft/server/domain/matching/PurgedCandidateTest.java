package org.weft.server.domain.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.Audience;
import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.MatchEntity;
import org.weft.server.persistence.MatchRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestServers;
import org.weft.server.ui.PageClient;

/**
 * The pruner and the matcher work on their own threads: with short retention windows the pruner can purge a proposal's
 * row while the matching index still holds it (its last change not yet applied). A request that then matches it must
 * not lose its other matches to the foreign key: the index forgets the purged one and the request is matched again.
 * The index here is given an offer whose row is not in the database, which is that moment, held still.
 */
class PurgedCandidateTest {
    private static final String PASSWORD = "a long enough password";
    private static TestServers.Instance weft;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp Hope", null);
        weft.server().localActors().createMember("omar", "Omar", PASSWORD, false);
        weft.server().localActors().createMember("lina", "Lina", PASSWORD, false);
    }

    @AfterAll
    static void stop() {
        if (weft != null) {
            weft.close();
        }
    }

    @Test
    void aRequestStillMatchesTheOffersThatAreThereWhenOneWasPurgedUnseen() throws Exception {
        Matcher matcher = weft.server().matching().matcher();
        ProposalEntity offer = post("lina", Purpose.OFFER, "I can babysit on Saturdays");
        matcher.settled().get(20, TimeUnit.SECONDS);
        Instant now = Instant.now();
        // Newer than Lina's offer, so it ranks first and its match row is written first.
        ProposalSnapshot purged = new ProposalSnapshot(offer.getId() + 1_000_000, true, Purpose.OFFER, HelpKind.GIFT,
                List.of(Taxonomy.BASE_URI + "babysitting"), null, null, null, now, now.plus(Duration.ofDays(7)),
                null, null, true, null, null, null);
        matcher.index().put(purged); // nothing else writes the index now: the matcher has settled

        ProposalEntity request = post("omar", Purpose.REQUEST, "Someone to mind my son on Saturday");
        matcher.settled().get(20, TimeUnit.SECONDS);

        List<MatchEntity> matches = weft.server().db().inTransaction(s -> MatchRepository.involving(s, request.getId()));
        assertEquals(List.of(offer.getId()), matches.stream().map(MatchEntity::getOfferId).toList(),
                "the request matches Lina's offer, and nothing names the purged one");
        assertNull(matcher.index().get(purged.id()), "the index forgot the purged offer");
        // Omar's view: the match is on his page.
        PageClient omar = new PageClient(weft.base());
        omar.login("omar", PASSWORD);
        String page = omar.get("/me/matches").body();
        assertTrue(page.contains("I can babysit on Saturdays"), page);
    }

    private static ProposalEntity post(String member, Purpose purpose, String title) {
        return weft.server().proposals().service().create(member, ProposalDraft.builder().community("camp").purpose(purpose)
                .language("en").title(title).description("Near block 3.").categories("babysitting")
                .audience(Audience.PUBLIC).build());
    }
}
