package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.web.i18n.Messages;

/**
 * One board (issue 14 item 6), as a visitor and a member of A see it: A's community links to B's, and someone on a
 * Mastodon-shaped server follows A's community. The follower's {@code #MutualAidRequest} post and B's offer are listed
 * on A's board, in its search and on the tag pages beside A's own, each marked with where it comes from, in the
 * reader's language; B's community-only offer only to A's members; B's withdrawn offer nowhere. After the unlink B's
 * offer is gone from all of them, and the follower's post stays. Block 3's blocks of an account and of a server hide
 * their posts from its board, however they came, and from the tag pages (no other community here holds them), until
 * they are lifted.
 */
class OneBoardTest {
    private static final String PASSWORD = "a long enough password";

    @Test
    void followersPostsAndLinkedOffersAreOnTheBoardMarkedUntilTheUnlink() throws Exception {
        try (TestServers.Instance b = TestServers.start(); TestServers.Instance a = TestServers.start();
             MastodonPeer mastodon = new MastodonPeer(a.base())) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            long moderator = a.server().localActors().createMember("amina", "Amina", PASSWORD, false).getId();
            b.server().localActors().createGroup("town", "Town", null);
            b.server().localActors().createMember("bruno", "Bruno", PASSWORD, false);
            link(a, "block3", b, "town");
            link(b, "town", a, "block3"); // mutual, so B's community-only offers reach A's community too

            URI inbox = URI.create(a.base() + "/inbox");
            mastodon.deliver(inbox, mastodon.fixture("mastodon/follow.json")
                    .replace(a.base() + "/users/amina", a.base() + "/groups/block3"));
            WaitFor.condition("the follow is accepted", () -> mastodon.inboxPosts().stream()
                    .anyMatch(r -> r.getBodyAsString().contains("\"Accept\"")));
            String post = mastodon.fixture("mastodon/create-note-public.json");
            String postId = TestHttp.json(post).path("object").path("id").asText();
            assertEquals(202, mastodon.deliver(inbox, post).statusCode());
            ProposalEntity fromFollower = WaitFor.value("the follower's request is kept", () -> visible(a, postId));
            assertEquals(Purpose.REQUEST, fromFollower.getPurpose());

            a.server().proposals().service().create("amina", ProposalDraft.builder().community("block3")
                    .purpose(Purpose.OFFER).language("en").title("Soup from Block 3").description("Hot soup")
                    .categories("cooked-meals").audience(Audience.PUBLIC).build());
            ProposalEntity linked = offer(b, "bruno", "town", "A pram, almost new", Audience.PUBLIC);
            ProposalEntity quiet = offer(b, "bruno", "town", "A cot for the town only", Audience.COMMUNITY);
            ProposalEntity given = offer(b, "bruno", "town", "A bicycle given away", Audience.PUBLIC);
            for (ProposalEntity o : new ProposalEntity[] {linked, quiet, given}) {
                WaitFor.value("A keeps " + o.getTitle(), () -> visible(a, o.getUri()));
            }
            b.server().proposals().service().changeStatus("bruno", given.getId(), ProposalStatus.WITHDRAWN);
            // Withdrawn is final: B sends the status, then a Delete; A's copy ends deleted.
            WaitFor.condition("A hears of the withdrawal", () -> visible(a, given.getUri()).isDeleted());

            Messages french = Messages.forLanguage("fr");
            String fromTown = french.get("card.fromCommunity", Messages.isolate("Town"),
                    Messages.isolateLeftToRight(b.domain()));
            String fromMastodon = french.get("card.fromFollower",
                    Messages.isolateLeftToRight(URI.create(mastodon.origin()).getAuthority()));
            PageClient visitor = new PageClient(a.base()).language("fr");
            String board = visitor.get("/board/block3").body();
            assertTrue(board.contains("Soup from Block 3"), board);
            assertTrue(board.contains("Veg boxes for"), "the follower's post is on the board: " + board);
            assertTrue(board.contains("A pram, almost new"), "the linked community's offer is on the board: " + board);
            assertTrue(board.contains(fromTown), "marked as the linked community's, in French: " + board);
            assertTrue(board.contains(fromMastodon), "marked as a follower's post, in French: " + board);
            assertEquals(2, count(board, "class=\"origin\""), "A's own offer carries no origin: " + board);
            assertFalse(board.contains("A cot for the town only"), "community-only copies are not shown to visitors");
            assertFalse(board.contains("A bicycle given away"), "a withdrawn copy is not listed");
            String search = visitor.get("/board/block3?q=pram").body();
            assertTrue(search.contains("A pram, almost new") && search.contains(fromTown), search);
            assertFalse(search.contains("Soup from Block 3"), search);
            String requests = visitor.get("/tags/MutualAidRequest").body();
            assertTrue(requests.contains("Veg boxes for") && requests.contains(fromMastodon), requests);
            String offers = visitor.get("/tags/MutualAidOffer").body();
            assertTrue(offers.contains("A pram, almost new") && offers.contains(fromTown), offers);
            assertFalse(offers.contains("A cot for the town only"), offers);

            PageClient amina = new PageClient(a.base());
            amina.login("amina", PASSWORD);
            String memberBoard = amina.get("/board/block3").body();
            assertTrue(memberBoard.contains("A cot for the town only"), "A's members see the linked community-only offer");
            assertTrue(memberBoard.contains(Messages.forLanguage("en").get("card.fromCommunity", Messages.isolate("Town"),
                    Messages.isolateLeftToRight(b.domain()))), memberBoard);

            // Block 3 blocks Bruno, then refuses the follower's server: its board shows neither's post, to visitors and
            // members, however the post came (the link, the follow); nor do the instance's tag pages, Block 3 being the
            // only community here holding either (their pages answer 404). Lifted, both are back.
            a.server().moderators().add("block3", "amina", Optional.empty());
            String bruno = b.base() + "/users/bruno";
            String follower = URI.create(mastodon.origin()).getAuthority();
            a.server().safety().accounts().blockForCommunity("block3", bruno, Optional.of(moderator), "Spam");
            a.server().safety().servers().block(moderator, "block3", follower, "Spam");
            for (PageClient reader : new PageClient[] {visitor, amina}) {
                String blocked = reader.get("/board/block3").body();
                assertFalse(blocked.contains("A pram, almost new") || blocked.contains("Veg boxes for"), blocked);
                assertTrue(blocked.contains("Soup from Block 3"), "the community's own offer stays: " + blocked);
                assertFalse(reader.get("/board/block3?q=pram").body().contains("A pram, almost new"), "nor in its search");
            }
            // Town's community-only offer came under Town's name, not Bruno's: nothing here says it is his, so it stays.
            assertTrue(amina.get("/board/block3").body().contains("A cot for the town only"));
            String offersBlocked = visitor.get("/tags/MutualAidOffer").body();
            assertFalse(offersBlocked.contains("A pram, almost new"), offersBlocked);
            String requestsBlocked = visitor.get("/tags/MutualAidRequest").body();
            assertFalse(requestsBlocked.contains("Veg boxes for"), requestsBlocked);
            // The API's listing of the community follows its board.
            String listed = ApiClient.anonymous(a).get("/proposals?community=block3").body();
            assertTrue(listed.contains("Soup from Block 3") && !listed.contains("A pram, almost new")
                    && !listed.contains("Veg boxes for"), listed);
            a.server().safety().accounts().unblockForCommunity("block3", bruno, Optional.of(moderator));
            a.server().safety().servers().unblock(moderator, "block3", follower);
            String lifted = visitor.get("/board/block3").body();
            assertTrue(lifted.contains("A pram, almost new") && lifted.contains("Veg boxes for"), lifted);
            assertTrue(visitor.get("/tags/MutualAidOffer").body().contains("A pram, almost new"), "back on the tag page");

            a.server().matching().links().unlink("block3", "@town@" + b.domain());
            assertNotNull(visible(a, linked.getUri()).getDetachedAt());
            for (String page : new String[] {"/board/block3", "/board/block3?q=pram", "/tags/MutualAidOffer"}) {
                String after = visitor.get(page).body();
                assertFalse(after.contains("A pram, almost new"), "gone after the unlink: " + page + "\n" + after);
                assertFalse(after.contains(fromTown), page);
            }
            String memberAfter = amina.get("/board/block3").body();
            assertFalse(memberAfter.contains("A cot for the town only"), memberAfter);
            String boardAfter = visitor.get("/board/block3").body();
            assertTrue(boardAfter.contains("Veg boxes for") && boardAfter.contains("Soup from Block 3"), boardAfter);
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static void link(TestServers.Instance from, String group, TestServers.Instance to, String other)
            throws Exception {
        from.server().matching().links().link(group, "@" + other + "@" + to.domain());
        WaitFor.condition(other + " accepts the link", () -> from.server().matching().links().links(group).stream()
                .anyMatch(l -> l.actorUri().endsWith("/groups/" + other) && l.accepted()));
    }

    private static ProposalEntity offer(TestServers.Instance i, String member, String group, String title,
                                        Audience audience) {
        return i.server().proposals().service().create(member, ProposalDraft.builder().community(group)
                .purpose(Purpose.OFFER).language("en").title(title).description(title).categories("prams")
                .audience(audience).build());
    }

    /** The proposal A keeps under this id, once it shows on the board (visible), or null. */
    private static ProposalEntity visible(TestServers.Instance a, String uri) {
        return a.server().db().inTransaction(s -> s.createSelectionQuery("from ProposalEntity where uri = :u",
                ProposalEntity.class).setParameter("u", uri).uniqueResultOptional()
                .filter(p -> p.getModeration() == ProposalEntity.Moderation.VISIBLE).orElse(null));
    }
}
