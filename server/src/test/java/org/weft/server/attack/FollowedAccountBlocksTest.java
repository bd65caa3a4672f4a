package org.weft.server.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.NotificationKind;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;

/**
 * An FEP-0837 offer from an account a member here follows is kept by the "followed" path, under no community, and the
 * matcher pairs it with every request it fits. When a community blocked that account, or refuses its server, the
 * community's members never meet it through their proposals there: carla, whose request is in block3, is not shown the
 * match (nor told of it, nor told when it is gone), while dina, whose request is in port, is; bob's follow is his own
 * business and keeps the offers here. Lifting the block shows the match again. (FEDERATION.md, "Blocks and the
 * proposals of followed accounts".)
 */
class FollowedAccountBlocksTest {
    private static final String PASSWORD = "correct horse battery";

    @Test
    void aCommunitysBlockHidesAFollowedAccountsOffersFromItsMembersMatches() throws Exception {
        try (TestServers.Instance weft = TestServers.start();
             MastodonPeer refused = new MastodonPeer(weft.base());
             MastodonPeer other = new MastodonPeer(weft.base())) {
            var actors = weft.server().localActors();
            actors.createGroup("block3", "Block 3", null);
            actors.createGroup("port", "Port", null);
            for (String name : List.of("amina", "bob", "carla", "dina")) {
                actors.createMember(name, name, PASSWORD, false);
            }
            weft.server().moderators().add("block3", "amina", Optional.empty());
            long amina = memberId(weft, "amina");
            request(weft, "carla", "block3");
            request(weft, "dina", "port");
            // bob follows two accounts elsewhere: one on a server block3 refuses, one block3 blocked by itself.
            String spammer = refused.serveUser("spammer");
            String rosa = other.serveUser("rosa");
            follow(weft, "bob", spammer);
            follow(weft, "bob", rosa);
            String server = URI.create(refused.origin()).getAuthority();
            weft.server().safety().servers().block(amina, "block3", server, "A spam server");
            weft.server().safety().accounts().blockForCommunity("block3", rosa, Optional.of(amina), "Scams");

            // Their offers come by the followed path: kept here, under no community, on the board of none.
            ProposalEntity spam = deliver(weft, refused, spammer, "s1", "A tent from the spam server");
            ProposalEntity rosas = deliver(weft, other, rosa, "r1", "A tent from rosa");
            for (ProposalEntity kept : List.of(spam, rosas)) {
                assertEquals(ProposalEntity.Moderation.VISIBLE, kept.getModeration(), "kept for bob, who follows");
                assertNull(kept.getGroup(), "under no community");
            }
            WaitFor.condition("both offers are matched with both requests", Duration.ofSeconds(30),
                    () -> count(weft, "select count(*) from MatchEntity") == 4);

            // dina's request is in port, which blocks nobody: she is shown both.
            PageClient dina = login(weft, "dina");
            String dinas = dina.get("/me/matches").body();
            assertTrue(dinas.contains("A tent from the spam server") && dinas.contains("A tent from rosa"), dinas);
            // carla's is in block3: neither, and no notification of either.
            PageClient carla = login(weft, "carla");
            String carlas = carla.get("/me/matches").body();
            assertFalse(carlas.contains("A tent from the spam server"), "block3 refuses its server: " + carlas);
            assertFalse(carlas.contains("A tent from rosa"), "block3 blocked rosa: " + carlas);
            assertFalse(carla.get("/me/matches?state=all").body().contains("A tent from"), "nor among all of them");
            assertEquals(0, notifications(weft, "carla", NotificationKind.MATCH));
            assertTrue(notifications(weft, "dina", NotificationKind.MATCH) >= 1, "dina is told");

            // rosa withdraws her offer: dina is told the match is gone; carla, never shown it, is not.
            String delete = TestHttp.JSON.createObjectNode().put("@context", "https://www.w3.org/ns/activitystreams")
                    .put("id", rosa + "/activities/r1-delete").put("type", "Delete").put("actor", rosa)
                    .put("object", other.origin() + "/proposals/r1").toString();
            assertEquals(202, other.deliverAs(rosa, URI.create(weft.base() + "/inbox"), delete).statusCode());
            WaitFor.inboundDone(weft, rosa + "/activities/r1-delete");
            WaitFor.condition("dina is told rosa's offer is gone", Duration.ofSeconds(30),
                    () -> notifications(weft, "dina", NotificationKind.MATCH_GONE) == 1);
            assertEquals(0, notifications(weft, "carla", NotificationKind.MATCH_GONE));

            // block3 lifts its refusal of the server: carla is shown its offer's match.
            assertTrue(weft.server().safety().servers().unblock(amina, "block3", server));
            assertTrue(carla.get("/me/matches").body().contains("A tent from the spam server"), "shown once lifted");
            boolean followed = weft.server().db().inTransaction(s -> FollowRepository.hasLocalFollower(s,
                    ActorRepository.byUri(s, spammer).orElseThrow()));
            assertTrue(followed, "bob's follow was never touched");
        }
    }

    private static void request(TestServers.Instance weft, String member, String community) {
        weft.server().proposals().service().create(member, ProposalDraft.builder().community(community)
                .purpose(Purpose.REQUEST).language("en").title("We need a tent " + member)
                .description("For a family of five.").categories("tents").build());
    }

    /** {@code member} follows {@code actor}, and its server accepts (as it would by an Accept). */
    private static void follow(TestServers.Instance weft, String member, String actor) throws Exception {
        weft.server().follows().follow(member, actor);
        weft.server().db().run(s -> FollowRepository.between(s, ActorRepository.localByUsername(s, member)
                .orElseThrow(), ActorRepository.byUri(s, actor).orElseThrow()).orElseThrow().accept(Instant.now()));
    }

    private static ProposalEntity deliver(TestServers.Instance weft, MastodonPeer peer, String actor, String n,
                                          String title) {
        String create = TentOffers.create(peer.origin(), actor, n, title, weft.base() + "/groups/block3");
        assertEquals(202, peer.deliverAs(actor, URI.create(weft.base() + "/inbox"), create).statusCode());
        WaitFor.inboundDone(weft, TestHttp.json(create).path("id").asText());
        String uri = TestHttp.json(create).path("object").path("id").asText();
        return weft.server().db().inTransaction(s -> s.createSelectionQuery("from ProposalEntity where uri = :u",
                ProposalEntity.class).setParameter("u", uri).getSingleResult());
    }

    private static PageClient login(TestServers.Instance weft, String member) {
        PageClient client = new PageClient(weft.base()).language("en");
        client.login(member, PASSWORD);
        return client;
    }

    private static long memberId(TestServers.Instance weft, String name) {
        return weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, name)).orElseThrow().getId();
    }

    private static long notifications(TestServers.Instance weft, String member, NotificationKind kind) {
        return count(weft, "select count(*) from NotificationEntity n where n.kind = '" + kind.wire()
                + "' and n.memberId = " + memberId(weft, member));
    }

    private static long count(TestServers.Instance weft, String query) {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(query, Long.class).getSingleResult());
    }
}
