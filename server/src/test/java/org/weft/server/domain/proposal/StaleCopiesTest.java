package org.weft.server.domain.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.MatchEntity;
import org.weft.server.persistence.MatchRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.testing.TestClock;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * A copy of another server's proposal whose server has said nothing of it for its whole lifetime plus a margin expires
 * here (issue 14 item 4): the server went away, or a link ended and the news was lost. Nothing is sent anywhere; the
 * matches it made are withdrawn and the members told. Copies still inside their time, and local proposals, stay.
 */
class StaleCopiesTest {

    @Test
    void aCopyWhoseServerFellSilentExpiresHereAfterItsLifetimePlusTheMargin() throws Exception {
        try (TestServers.Instance b = TestServers.start(); TestServers.Instance a = TestServers.start()) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            a.server().localActors().createMember("amina", "Amina", "a long enough password", false);
            b.server().localActors().createGroup("town", "Town", null);
            b.server().localActors().createMember("bruno", "Bruno", "a long enough password", false);
            a.server().matching().links().link("block3", "@town@" + b.domain());
            WaitFor.condition("B accepts the link", () -> a.server().matching().links().links("block3").stream()
                    .anyMatch(l -> l.accepted()));
            Instant now = Instant.now();
            ProposalEntity twoWeeks = offer(b, "A pram for two weeks", null); // the default lifetime, 14 days
            ProposalEntity twoMonths = offer(b, "A pram for two months", now.plus(Duration.ofDays(60)));
            ProposalEntity copy = WaitFor.value("A keeps the first", () -> find(a, twoWeeks.getUri()));
            WaitFor.value("A keeps the second", () -> find(a, twoMonths.getUri()));
            ProposalEntity request = a.server().proposals().service().create("amina", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.REQUEST).title("We need a pram").categories("prams")
                    .endsAt(now.plus(Duration.ofDays(80))).build());
            WaitFor.condition("both match the request", () -> matches(a, request.getId(), MatchEntity.State.NEW) == 2);
            long sent = sentBy(a);

            TestClock clock = new TestClock(now.plus(Duration.ofDays(14)).plus(Duration.ofHours(12)));
            StaleCopies stale = new StaleCopies(a.server().db(), clock, a.server().matching().matcher());
            assertEquals(0, stale.expireSilent(), "past its end, but within the margin");
            clock.advance(Duration.ofHours(13));
            assertEquals(1, stale.expireSilent(), "past its lifetime and the margin: only the first");
            assertEquals(ProposalStatus.EXPIRED, find(a, twoWeeks.getUri()).getStatus());
            assertEquals(ProposalStatus.OPEN, find(a, twoMonths.getUri()).getStatus());
            assertEquals(ProposalStatus.OPEN, find(a, request.getUri()).getStatus(), "local proposals are not touched");
            a.server().matching().matcher().settled().get(20, TimeUnit.SECONDS);
            assertEquals(1, matches(a, request.getId(), MatchEntity.State.NEW), "the expired copy's match is withdrawn");
            assertEquals(MatchEntity.State.WITHDRAWN, matchWith(a, request.getId(), copy.getId()).getState());
            assertEquals(1L, (long) a.server().db().inTransaction(s -> s.createSelectionQuery(
                    "select count(*) from NotificationEntity where kind = 'match-gone' and proposalId = :p", Long.class)
                    .setParameter("p", request.getId()).getSingleResult()), "Amina is told");
            assertEquals(sent, sentBy(a), "nothing is sent anywhere");
            assertEquals(0, stale.expireSilent(), "once");
        }
    }

    @Test
    void silenceIsCountedFromWhenTheCopyWasLastHeardOf() {
        Instant published = Instant.parse("2030-05-01T00:00:00Z");
        ProposalEntity p = new ProposalEntity("https://town.example/proposals/1", false, (ActorEntity) null, null, null,
                Purpose.OFFER, ProposalEntity.Source.WEFT, published);
        p.setEndsAt(published.plus(Duration.ofDays(7)));
        p.setHeardAt(published.plus(Duration.ofDays(6))); // its server spoke of it the day before it ended
        Instant silentUntil = published.plus(Duration.ofDays(6 + 7)).plus(StaleCopies.MARGIN);
        assertFalse(StaleCopies.silentSince(p, silentUntil.minusSeconds(1)));
        assertTrue(StaleCopies.silentSince(p, silentUntil));
        p.setHeardAt(null); // never heard of since it came: counted from its publication
        assertTrue(StaleCopies.silentSince(p, published.plus(Duration.ofDays(7)).plus(StaleCopies.MARGIN)));
    }

    private static ProposalEntity offer(TestServers.Instance b, String title, Instant ends) {
        return b.server().proposals().service().create("bruno", ProposalDraft.builder().community("town")
                .purpose(Purpose.OFFER).language("en").title(title).description(title).categories("prams").endsAt(ends)
                .build());
    }

    private static ProposalEntity find(TestServers.Instance i, String uri) {
        return i.server().db().inTransaction(s -> ProposalRepository.byUri(s, uri).orElse(null));
    }

    private static long matches(TestServers.Instance i, long proposalId, MatchEntity.State state) {
        List<MatchEntity> all = i.server().db().inTransaction(s -> MatchRepository.involving(s, proposalId));
        return all.stream().filter(m -> m.getState() == state).count();
    }

    private static MatchEntity matchWith(TestServers.Instance i, long requestId, long offerId) {
        return i.server().db().inTransaction(s -> MatchRepository.involving(s, requestId)).stream()
                .filter(m -> m.getOfferId() == offerId).findFirst().orElseThrow();
    }

    private static long sentBy(TestServers.Instance i) {
        return i.server().db().inTransaction(s -> s.createSelectionQuery("select count(*) from OutboundActivityEntity",
                Long.class).getSingleResult());
    }
}
