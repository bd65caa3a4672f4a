package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.HelpKind;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.web.i18n.Messages;

/**
 * A match as time passes, seen by each of its two members on {@code /me/matches} and through the API: an edit of either
 * side is matched again (its reasons follow it, or the match is withdrawn and the other member told), a post its own
 * author lost (hidden by a moderator) brings that author no "match gone" notice, and a match that comes back is
 * announced again while the notice of one withdrawn before it was read does not stay unread.
 */
class MatchesOverTimeTest {
    private static final String PASSWORD = "a long enough password";
    private static final Messages EN = Messages.forLanguage("en");

    @Test
    void anEditIsMatchedAgainForBothMembers() {
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            ApiClient yusuf = ApiClient.newMember(weft, "yusuf", "Yusuf");
            ProposalEntity pot = create(weft, "amina", Purpose.OFFER, "Big cooking pot", "kitchenware", HelpKind.GIFT);
            create(weft, "yusuf", Purpose.REQUEST, "A pot for a party", "kitchenware", HelpKind.LOAN);
            settle(weft);
            assertTrue(only(yusuf, "new").path("reasonText").asText().contains(EN.get("match.reason.KIND_FITS")));

            // Amina lends her pot rather than giving it: Yusuf asked to borrow one, so both are loans now.
            edit(weft, "amina", pot, ProposalDraft.builder().kind(HelpKind.LOAN).build());
            for (ApiClient member : List.of(yusuf, amina)) {
                String why = only(member, "new").path("reasonText").asText();
                assertTrue(why.contains(EN.get("match.reason.SAME_KIND.loan")), why);
                assertFalse(why.contains(EN.get("match.reason.KIND_FITS")), why);
            }
            assertFalse(yusufPage(weft).contains(EN.get("match.reason.KIND_FITS")), "Yusuf's card says why it fits now");

            // Amina's sewing offer becomes furniture: it no longer answers Yusuf's sewing request. The match is withdrawn
            // for both, Yusuf is told it is gone, and his card says so rather than giving sewing as the reason.
            ProposalEntity sewing = create(weft, "amina", Purpose.OFFER, "Sewing machine", "sewing", HelpKind.GIFT);
            create(weft, "yusuf", Purpose.REQUEST, "Help hemming curtains", "sewing", HelpKind.GIFT);
            settle(weft);
            assertEquals("new", stateOf(yusuf, "Sewing machine"));
            edit(weft, "amina", sewing, ProposalDraft.builder().categories("furniture").build());
            assertEquals("withdrawn", stateOf(yusuf, "Sewing machine"));
            assertEquals("withdrawn", stateOf(amina, "Help hemming curtains"));
            assertEquals(1, notices(yusuf, "match-gone", false).size(), "Yusuf is told the match is gone");
            assertEquals(0, notices(amina, "match-gone", false).size(), "Amina made the edit herself");
            Element card = card(yusufPage(weft), "Sewing machine");
            assertEquals(EN.get("matches.withdrawn"), card.select(".closed").text(), card.html());
            assertTrue(card.select(".reasons").isEmpty(), "no reason given for a match that no longer fits: " + card);
            assertFalse(card.text().contains("sewing"), card.html());
        }
    }

    @Test
    void aMemberWhosePostWasHiddenIsNotToldItsMatchesAreGone() {
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            ApiClient yusuf = ApiClient.newMember(weft, "yusuf", "Yusuf");
            ProposalEntity charger = create(weft, "yusuf", Purpose.REQUEST, "Need a phone charger", "tech-help",
                    HelpKind.GIFT);
            ProposalEntity offer = create(weft, "amina", Purpose.OFFER, "Spare chargers", "tech-help", HelpKind.GIFT);
            settle(weft);
            assertEquals("new", stateOf(yusuf, "Spare chargers"));

            hide(weft, charger);
            // Amina withdraws her offer as the hide is heard (another node hears it only at its next look at decisions).
            weft.server().proposals().service().changeStatus("amina", offer.getId(), ProposalStatus.WITHDRAWN);
            settle(weft);
            weft.server().hearModerationDecisions();
            settle(weft);
            assertEquals(1, notices(yusuf, "post-hidden", false).size(), "Yusuf is told his post was hidden");
            assertEquals(0, notices(yusuf, "match-gone", false).size(), "and not that his hidden post's match is gone");

            // The other way round: the hide is heard first; the other member is still told the match is gone.
            ProposalEntity lamp = create(weft, "yusuf", Purpose.OFFER, "A desk lamp", "furniture", HelpKind.GIFT);
            create(weft, "amina", Purpose.REQUEST, "Need a lamp", "furniture", HelpKind.GIFT);
            settle(weft);
            int toldBefore = notices(amina, "match-gone", false).size();
            hide(weft, lamp);
            // Not waiting for the look at decisions (every 30 s, for those taken in other processes): a hide taken on
            // this node reaches its matcher when it commits, so a hidden post matches no one meanwhile.
            settle(weft);
            assertEquals("withdrawn", stateOf(amina, "A desk lamp"));
            assertEquals(toldBefore + 1, notices(amina, "match-gone", false).size(), "Amina is told her match is gone");
            assertEquals(0, notices(yusuf, "match-gone", false).size());
        }
    }

    @Test
    void aMatchThatComesBackIsAnnouncedAgain() {
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            ApiClient.newMember(weft, "yusuf", "Yusuf");
            create(weft, "amina", Purpose.REQUEST, "A drill for an afternoon", "tools", HelpKind.LOAN);
            ProposalEntity drill = create(weft, "yusuf", Purpose.OFFER, "Bosch drill to lend", "tools", HelpKind.LOAN);
            settle(weft);
            assertEquals(1, notices(amina, "match", true).size(), "Amina is told of the match");

            // Yusuf promises his drill before Amina read of the match: the match is withdrawn, its notice is no longer
            // news (it is read), and the newest notice says the match is gone.
            weft.server().proposals().service().changeStatus("yusuf", drill.getId(), ProposalStatus.PROMISED);
            settle(weft);
            assertEquals(0, notices(amina, "match", true).size(), "the notice of a withdrawn match is not left unread");
            assertEquals("match-gone", newest(amina).path("kind").asText());

            // He opens it again within the hour: the match is back, and a notice newer than "gone" says so.
            weft.server().proposals().service().changeStatus("yusuf", drill.getId(), ProposalStatus.OPEN);
            settle(weft);
            assertEquals("new", stateOf(amina, "Bosch drill to lend"));
            JsonNode newest = newest(amina);
            assertEquals("match", newest.path("kind").asText(), newest.toString());
            assertFalse(newest.path("read").asBoolean());
            assertEquals(1, newest.path("count").asInt(), "one match, announced as new: " + newest);
        }
    }

    @Test
    void aMatchAcrossALinkFollowsEditsAndWithdrawalsOnBothInstances() throws Exception {
        try (TestServers.Instance a = TestServers.start(); TestServers.Instance b = TestServers.start()) {
            a.server().localActors().createGroup("block3", "Block 3", null);
            b.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(a, "amina", "Amina");
            ApiClient yusuf = ApiClient.newMember(b, "yusuf", "Yusuf");
            a.server().matching().links().link("block3", "@block3@" + b.domain());
            b.server().matching().links().link("block3", "@block3@" + a.domain());
            WaitFor.condition("the link is mutual", () -> a.server().matching().links().links("block3").stream()
                    .anyMatch(l -> l.mutual()) && b.server().matching().links().links("block3").stream()
                    .anyMatch(l -> l.mutual()));

            // Amina's request on A, Yusuf's offer on B: each instance matches the pair for its own member.
            ProposalEntity pot = create(a, "amina", Purpose.REQUEST, "Big cooking pot", "kitchenware", HelpKind.GIFT);
            ProposalEntity drill = create(b, "yusuf", Purpose.OFFER, "Bosch drill to lend", "tools", HelpKind.LOAN);
            create(a, "amina", Purpose.REQUEST, "A drill for an afternoon", "tools", HelpKind.LOAN);
            create(a, "amina", Purpose.REQUEST, "Pans for a party", "kitchenware", HelpKind.GIFT);
            create(b, "yusuf", Purpose.OFFER, "Pots and pans to give", "kitchenware", HelpKind.GIFT);
            WaitFor.condition("Yusuf's matches on B", () -> "new".equals(stateOf(yusuf, "Big cooking pot"))
                    && "new".equals(stateOf(yusuf, "A drill for an afternoon"))
                    && "new".equals(stateOf(yusuf, "Pans for a party")));
            WaitFor.condition("Amina's matches on A", () -> "new".equals(stateOf(amina, "Bosch drill to lend")));
            assertTrue(reasonText(yusuf, "Big cooking pot").contains(EN.get("match.reason.SAME_KIND.gift")));

            // Amina would borrow the pot rather than be given it: B hears the Update of its copy and Yusuf's match says
            // why it fits now, on his page as in the API.
            a.server().proposals().service().edit("amina", pot.getId(), ProposalDraft.builder().kind(HelpKind.LOAN).build());
            WaitFor.condition("B matched the edited copy again",
                    () -> reasonText(yusuf, "Big cooking pot").contains(EN.get("match.reason.KIND_FITS")));
            Element potCard = card(page(b, "yusuf"), "Big cooking pot");
            assertTrue(potCard.text().contains(EN.get("match.reason.KIND_FITS")), potCard.html());
            assertFalse(potCard.text().contains(EN.get("match.reason.SAME_KIND.gift")), potCard.html());

            // Then she asks for furniture instead: the match no longer holds on B, and Yusuf is told it is gone.
            a.server().proposals().service().edit("amina", pot.getId(), ProposalDraft.builder().categories("furniture")
                    .build());
            WaitFor.condition("B withdrew the match", () -> "withdrawn".equals(stateOf(yusuf, "Big cooking pot")));
            assertEquals(1, notices(yusuf, "match-gone", false).size());

            // Yusuf withdraws his drill: Amina's match on A is withdrawn, her card says so and does not lead to the
            // copy's page, which answers 410.
            b.server().proposals().service().changeStatus("yusuf", drill.getId(), ProposalStatus.WITHDRAWN);
            WaitFor.condition("A withdrew the match", () -> "withdrawn".equals(stateOf(amina, "Bosch drill to lend")));
            Element drillCard = card(page(a, "amina"), "Bosch drill to lend");
            assertEquals(EN.get("matches.withdrawn"), drillCard.select(".closed").text(), drillCard.html());
            assertTrue(drillCard.select("a[href^=/remote-proposals/]").isEmpty(), drillCard.html());
            assertTrue(drillCard.select(".reasons").isEmpty(), drillCard.html());

            // B unlinks later: the pot's match still says it was withdrawn, not that the link ended it.
            b.server().matching().links().unlink("block3", "@block3@" + a.domain());
            WaitFor.condition("B's copy of the pot is let go", () -> b.server().db().inTransaction(s -> s
                    .createSelectionQuery("select count(*) from ProposalEntity where uri = :u and detachedAt is not null",
                            Long.class).setParameter("u", pot.getUri()).getSingleResult()) == 1L);
            Element afterUnlink = card(page(b, "yusuf"), "Big cooking pot");
            assertEquals(EN.get("matches.withdrawn"), afterUnlink.select(".closed").text(), afterUnlink.html());
            // The match the unlink itself ended says so.
            WaitFor.condition("the unlink withdrew the pans' match",
                    () -> "withdrawn".equals(stateOf(yusuf, "Pans for a party")));
            assertEquals(EN.get("matches.unlinked"), card(page(b, "yusuf"), "Pans for a party").select(".closed").text());
        }
    }

    private static ProposalEntity create(TestServers.Instance weft, String member, Purpose purpose, String title,
                                         String concept, HelpKind kind) {
        return weft.server().proposals().service().create(member, ProposalDraft.builder().community("block3")
                .purpose(purpose).language("en").title(title).description(title).categories(concept).kind(kind).build());
    }

    private static void edit(TestServers.Instance weft, String member, ProposalEntity p, ProposalDraft draft) {
        weft.server().proposals().service().edit(member, p.getId(), draft);
        settle(weft);
    }

    /** A moderator hides the post after a report, as on {@code /moderate/reports}. */
    private static void hide(TestServers.Instance weft, ProposalEntity p) {
        weft.server().localActors().createMember("reporter" + p.getId(), "Reporter", PASSWORD, false);
        long reporterId = weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select id from ActorEntity where local = true and username = :u", Long.class)
                .setParameter("u", "reporter" + p.getId()).getSingleResult());
        long report = weft.server().safety().reports().fromMember(reporterId, p.getUri(), "Not what it says");
        assertEquals(1, weft.server().safety().reports().hideContent(report, Optional.empty(), "Not what it says"));
    }

    private static void settle(TestServers.Instance weft) {
        WaitFor.value("the matcher applied what came before", () -> {
            weft.server().matching().matcher().settled().join();
            return true;
        });
    }

    private static String yusufPage(TestServers.Instance weft) {
        return page(weft, "yusuf");
    }

    private static String page(TestServers.Instance weft, String member) {
        PageClient client = new PageClient(weft.base());
        client.login(member, PASSWORD);
        return client.get("/me/matches?state=all").body();
    }

    private static String reasonText(ApiClient member, String otherTitle) {
        for (JsonNode m : ApiClient.expect(200, member.get("/me/matches?state=all")).path("matches")) {
            if (otherTitle.equals(m.path("other").path("title").asText())) {
                return m.path("reasonText").asText();
            }
        }
        return "";
    }

    /** The card of the match whose other proposal is {@code title}. */
    static Element card(String html, String title) {
        for (Element card : Jsoup.parse(html).select("li.card")) {
            if (card.selectFirst("h2").text().equals(title)) {
                return card;
            }
        }
        throw new AssertionError("No card for " + title + ": " + html);
    }

    private static JsonNode only(ApiClient member, String state) {
        JsonNode all = ApiClient.expect(200, member.get("/me/matches?state=all")).path("matches");
        List<JsonNode> found = new ArrayList<>();
        all.forEach(m -> {
            if (state.equals(m.path("state").asText())) {
                found.add(m);
            }
        });
        assertEquals(1, found.size(), all.toString());
        return found.get(0);
    }

    private static String stateOf(ApiClient member, String otherTitle) {
        for (JsonNode m : ApiClient.expect(200, member.get("/me/matches?state=all")).path("matches")) {
            if (otherTitle.equals(m.path("other").path("title").asText())) {
                return m.path("state").asText();
            }
        }
        return null;
    }

    private static List<JsonNode> notices(ApiClient member, String kind, boolean unreadOnly) {
        List<JsonNode> found = new ArrayList<>();
        ApiClient.expect(200, member.get("/me/notifications" + (unreadOnly ? "?unread=true" : ""))).path("items")
                .forEach(n -> {
                    if (kind.equals(n.path("kind").asText())) {
                        found.add(n);
                    }
                });
        return found;
    }

    private static JsonNode newest(ApiClient member) {
        return ApiClient.expect(200, member.get("/me/notifications")).path("items").get(0);
    }
}
