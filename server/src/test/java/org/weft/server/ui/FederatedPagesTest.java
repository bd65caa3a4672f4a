package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.account.Operators;
import org.weft.server.domain.follow.CommunityLink;
import org.weft.server.queue.DeliveryQueue;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.web.i18n.Messages;

/** Pages that reach another instance: a member's fediverse account, and the operator's instance links. */
class FederatedPagesTest {
    private static TestServers.Instance other;
    private static TestServers.Instance here;

    @BeforeAll
    static void start() {
        int otherPort = TestServers.freePort();
        other = TestServers.start(Map.of("WEFT_PORT", String.valueOf(otherPort),
                "WEFT_BASE_URL", "http://localhost:" + otherPort));
        here = TestServers.start(Map.of("WEFT_FEDERATION_LINK_ALLOW", "localhost:" + otherPort));
        other.server().localActors().createGroup("town", "Town", null);
        other.server().localActors().createMember("bruno", "Bruno", "bruno-password", false);
        here.server().localActors().createGroup("camp", "Camp Board", null);
        here.server().localActors().createMember("amina", "Amina", "amina-password", false);
        here.server().localActors().createMember("olga", "Olga", "olga-password", false);
        new Operators(here.server().db()).setAdmin("olga", true);
    }

    @AfterAll
    static void stop() {
        // Closing while a delivery (the unlink's Undo) is being recorded interrupts H2 mid-write and fails the close;
        // let the queue drain first.
        for (TestServers.Instance i : new TestServers.Instance[] {here, other}) {
            WaitFor.condition("the delivery queue is empty",
                    () -> new DeliveryQueue(i.server().db()).stats(Instant.now()).pending() == 0);
        }
        here.close();
        other.close();
    }

    @Test
    void aMemberSetsAndRemovesTheirFediverseAccount() {
        PageClient amina = new PageClient(here.base());
        amina.login("amina", "amina-password");
        assertEquals(403, amina.post("/account/fediverse", Map.of("account", "@bruno@" + other.domain())).statusCode());
        HttpResponse<String> unknown = amina.submit("/account", "/account/fediverse",
                Map.of("account", "@nobody@" + other.domain()));
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("could not be found"), unknown.body());
        assertEquals(303, amina.submit("/account", "/account/fediverse", Map.of("account", "@bruno@" + other.domain()))
                .statusCode());
        assertTrue(amina.get("/account").body().contains("@bruno@" + other.domain()));
        assertEquals(303, amina.submit("/account", "/account/fediverse/remove", Map.of()).statusCode());
        assertFalse(amina.get("/account").body().contains("@bruno@" + other.domain()));
    }

    @Test
    void theOperatorLinksAndUnlinksACommunityAndTheAllowListRefusalReadsClearly() {
        PageClient olga = new PageClient(here.base());
        olga.login("olga", "olga-password");
        HttpResponse<String> refused = olga.submit("/admin", "/admin/links",
                Map.of("community", "camp", "target", "@city@elsewhere.example"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("Linking to " + Messages.isolateLeftToRight("elsewhere.example") + " is not allowed"),
                refused.body());

        assertEquals(303, olga.submit("/admin", "/admin/links", Map.of("community", "camp", "target", "@town@" + other.domain()))
                .statusCode());
        WaitFor.condition("the other community accepts the follow", () -> here.server().matching().links().links("camp")
                .stream().anyMatch(CommunityLink::accepted));
        String admin = olga.get("/admin/links").body();
        assertTrue(admin.contains("@town@" + other.domain()), admin);
        assertTrue(admin.contains("linked"), admin);
        // The arrow from the community to the one it is linked with turns round in a right-to-left page.
        assertEquals("→", Jsoup.parse(admin).select("ul.links li .dir-icon").text(), admin);
        String community = new PageClient(here.base()).get("/groups/camp").body();
        assertTrue(community.contains("Linked communities") && community.contains("@town@" + other.domain()), community);

        PageClient amina = new PageClient(here.base());
        amina.login("amina", "amina-password");
        assertEquals(403, amina.submit("/account", "/admin/links", Map.of("community", "camp", "target", "@x@y")).statusCode());

        String camp = here.base() + "/groups/camp";
        String followers = other.base() + "/groups/town/followers";
        assertEquals(List.of(camp), items(followers), "town lists camp among its followers");
        HttpResponse<String> asked = olga.submit("/admin/links", "/admin/links/remove",
                Map.of("community", "camp", "target", "@town@" + other.domain()));
        assertEquals(200, asked.statusCode(), "unlinking asks first");
        assertEquals(1, here.server().matching().links().links("camp").size(), "asking changed nothing");
        assertEquals(303, olga.submit("/admin/links", "/admin/links/remove",
                Map.of("community", "camp", "target", "@town@" + other.domain(), "confirm", "yes")).statusCode());
        assertTrue(here.server().matching().links().links("camp").isEmpty());
        // The other instance's view: once camp's Undo arrives, town no longer lists camp among its followers.
        WaitFor.condition("town no longer lists camp among its followers", () -> !items(followers).contains(camp));
    }

    /**
     * A link the other community has not answered yet (its moderators approve followers by hand) is on the operator's
     * page as waiting, with Unlink to take the request back; visitors of the community's page do not see it. Before,
     * the page said "No links yet" until the other side accepted.
     */
    @Test
    void aLinkWaitingForTheOtherSidesAnswerIsShownAsWaiting() {
        other.server().localActors().createGroup("choir", "Choir", null);
        other.server().followers().requireApproval("choir", true);
        PageClient olga = new PageClient(here.base());
        olga.login("olga", "olga-password");
        assertEquals(303, olga.submit("/admin", "/admin/links", Map.of("community", "camp", "target", "@choir@" + other.domain()))
                .statusCode());
        WaitFor.condition("choir holds camp's request", () -> other.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from FollowEntity f where f.followee.username = 'choir'", Long.class).getSingleResult()) == 1);
        try {
            String admin = olga.get("/admin/links").body();
            assertTrue(admin.contains("@choir@" + other.domain()) && admin.contains(Messages.forLanguage("en").get("link.waiting")),
                    admin);
            assertFalse(admin.contains(Messages.forLanguage("en").get("admin.linksNone")), admin);
            assertTrue(admin.contains("action=\"/admin/links/remove\""), "the request can be taken back: " + admin);
            String community = new PageClient(here.base()).get("/groups/camp").body();
            assertFalse(community.contains("@choir@" + other.domain()), "not a link for visitors yet: " + community);
        } finally {
            here.server().matching().links().unlink("camp", "@choir@" + other.domain());
        }
    }

    /**
     * The QA case, seen from B (here {@code other}): B's operator removes B's half of a two-way link. The row then says
     * A's community follows us and offers no "Unlink" (nothing of ours is left to end; their follow is theirs); the
     * confirmation named the community by its handle, not its URL; an unlink sent from a page out of date says that
     * nothing changed rather than "removed". A's view: its own follow of B's community is untouched.
     */
    @Test
    void aLinkThatOnlyRunsTheOtherWayOffersNoUnlinkAndAStaleUnlinkSaysNothingChanged() {
        other.server().localActors().createGroup("market", "Market", null);
        other.server().localActors().createMember("bea", "Bea", "bea-password", false);
        new Operators(other.server().db()).setAdmin("bea", true);
        here.server().localActors().createGroup("block3", "Block 3", null);
        String block3 = here.base() + "/groups/block3";
        String handle = "@block3@" + here.domain();
        try {
            here.server().matching().links().link("block3", "@market@" + other.domain());
            other.server().matching().links().link("market", handle);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WaitFor.condition("the link runs both ways", () -> other.server().matching().links().links("market").stream()
                .anyMatch(CommunityLink::mutual));

        PageClient bea = new PageClient(other.base());
        bea.login("bea", "bea-password");
        HttpResponse<String> asked = bea.submit("/admin/links", "/admin/links/remove",
                Map.of("community", "market", "target", block3));
        assertEquals(200, asked.statusCode(), asked.body());
        Element subject = Jsoup.parse(asked.body()).selectFirst("p.subject");
        assertEquals(handle, subject.text(), "the confirmation names it as the row does: " + asked.body());
        assertEquals(303, bea.submit("/admin/links", "/admin/links/remove",
                Map.of("community", "market", "target", block3, "confirm", "yes")).statusCode());
        WaitFor.condition("A sees B's community stop following", () -> here.server().matching().links().links("block3")
                .stream().noneMatch(CommunityLink::theyFollow));

        Element row = linkRow(bea.get("/admin/links").body(), handle);
        assertTrue(row.text().endsWith("· follows us"), row.outerHtml());
        assertTrue(row.select("form").isEmpty(), "no Unlink on a row where only they follow us: " + row.outerHtml());

        // Sent again from the page as it was before: told truthfully that nothing changed.
        HttpResponse<String> stale = bea.submit("/admin/links", "/admin/links/remove",
                Map.of("community", "market", "target", block3, "confirm", "yes"));
        assertEquals(400, stale.statusCode(), stale.body());
        assertTrue(stale.body().contains(Messages.forLanguage("en").get("admin.unlinkNothing",
                Messages.isolateLeftToRight(handle))), stale.body());
        assertFalse(stale.body().contains(Messages.forLanguage("en").get("notice.unlinked")), stale.body());
        assertTrue(linkRow(stale.body(), handle).text().endsWith("· follows us"), "the row is as it was");

        // A's view: A's community still follows B's, and B still lists it among its followers.
        assertTrue(here.server().matching().links().links("block3").stream().anyMatch(l -> l.weFollow() && l.accepted()));
        assertTrue(items(other.base() + "/groups/market/followers").contains(block3));
    }

    /** The operator's row of the link to {@code handle} on the links page. */
    private static Element linkRow(String page, String handle) {
        return Jsoup.parse(page).select("ul.links > li").stream()
                .filter(li -> li.select("a").text().equals(handle)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + handle + ": " + page));
    }

    /** The items of a public collection (its first page), as any server reads them. */
    private static List<String> items(String collection) {
        JsonNode first = TestHttp.activityJson(collection);
        if (first.path("totalItems").asInt() == 0) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        TestHttp.activityJson(first.path("first").asText()).path("orderedItems").forEach(n -> ids.add(n.asText()));
        return ids;
    }
}
