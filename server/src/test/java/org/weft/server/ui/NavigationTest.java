package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * Finding the way: logging in brings the person back to where they were (and only ever to a page of this site),
 * the menu links what a member uses, and a proposal page links its community, how to follow it and its categories.
 */
class NavigationTest {
    private static TestServers.Instance weft;
    private static ProposalEntity offer;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp Board", null);
        weft.server().localActors().createMember("layla", "Layla", "layla-password", false);
        weft.server().localActors().createMember("omar", "Omar", "omar-password", false);
        offer = weft.server().proposals().service().create("layla", ProposalDraft.builder().community("camp")
                .purpose(Purpose.OFFER).language("en").title("Fresh bread").categories("bread").build());
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void loggingInToRespondComesBackToTheProposal() {
        PageClient omar = new PageClient(weft.base());
        String path = URI.create(offer.getUri()).getPath();
        String page = omar.get(path).body();
        String login = "/login?next=" + URLEncoder.encode(path + "#respond", StandardCharsets.UTF_8);
        assertTrue(page.contains("href=\"" + login.replace("#", "%23") + "\"") || page.contains("href=\"" + login + "\""),
                "\"Log in to respond\" keeps the way back: " + page);
        String form = omar.get("/login?next=" + URLEncoder.encode(path + "#respond", StandardCharsets.UTF_8)).body();
        HttpResponse<String> in = omar.post("/login", Map.of("csrf", PageClient.csrf(form), "username", "omar",
                "password", "omar-password", "next", PageClient.hiddenFields(form, "/login").get("next")));
        assertEquals(303, in.statusCode());
        assertEquals(path + "#respond", in.headers().firstValue("Location").orElseThrow());
        assertTrue(omar.get(path).body().contains("id=\"respond-text\""), "and the respond form is there");
    }

    @Test
    void aPageForMembersSendsVisitorsToLogInAndBack() {
        HttpResponse<String> visitor = new PageClient(weft.base()).get("/me/matches?page=1");
        assertEquals(303, visitor.statusCode());
        assertEquals("/login?next=%2Fme%2Fmatches%3Fpage%3D1", visitor.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void theWayBackIsOnlyEverAPageOfThisSite() {
        for (String next : new String[] {"//evil.example/x", "/\\evil.example", "https://evil.example/",
                "javascript:alert(1)", "/login", "/\r\nSet-Cookie: x=y", ""}) {
            PageClient omar = new PageClient(weft.base());
            String form = omar.get("/login").body();
            HttpResponse<String> in = omar.post("/login", Map.of("csrf", PageClient.csrf(form), "username", "omar",
                    "password", "omar-password", "next", next));
            assertEquals(303, in.statusCode());
            assertEquals("/me/proposals", in.headers().firstValue("Location").orElseThrow(), "refused: " + next);
        }
    }

    @Test
    void theMenuLinksWhatAMemberUsesAndMarksWhereTheyAre() {
        PageClient layla = new PageClient(weft.base());
        layla.login("layla", "layla-password");
        String matches = layla.get("/me/matches").body();
        for (String link : new String[] {"/board", "/new?purpose=offer", "/new?purpose=request", "/me/proposals",
                "/me/matches", "/me/notifications", "/account"}) {
            assertTrue(matches.contains("<a href=\"" + link + "\""), "the menu links " + link + ": " + matches);
        }
        assertTrue(matches.contains("<a href=\"/me/matches\" aria-current=\"page\">"), "and marks the page: " + matches);
        HttpResponse<String> board = layla.get("/board");
        assertEquals(303, board.statusCode());
        assertEquals("/board/camp", board.headers().firstValue("Location").orElseThrow(), "one community: its board");
    }

    /**
     * A visitor is asked to log in to respond only while the proposal takes answers: not once it is fulfilled or has
     * expired (a withdrawn one is gone for them), in their language; the page still says what became of it.
     */
    @Test
    void visitorsAreAskedToLogInToRespondOnlyWhileTheProposalTakesAnswers() {
        Messages fr = Messages.forLanguage("fr");
        for (ProposalStatus status : new ProposalStatus[] {ProposalStatus.OPEN, ProposalStatus.PROMISED,
                ProposalStatus.FULFILLED, ProposalStatus.EXPIRED}) {
            ProposalEntity p = weft.server().proposals().service().create("layla", ProposalDraft.builder()
                    .community("camp").purpose(Purpose.OFFER).language("en").title("Soup, " + status).categories("bread")
                    .build());
            weft.server().db().inTransaction(s -> {
                s.find(ProposalEntity.class, p.getId()).setStatus(status);
                return null;
            });
            HttpResponse<String> page = new PageClient(weft.base()).language("fr").get(URI.create(p.getUri()).getPath());
            assertEquals(200, page.statusCode(), status.toString());
            assertTrue(page.body().contains(fr.get("status." + status.wire())), status + ": " + page.body());
            assertEquals(status.isActive(), page.body().contains(fr.get("proposal.loginToRespond")),
                    status + ": asked to log in to respond only while it takes answers: " + page.body());
            assertEquals(status.isActive(), page.body().contains(URLEncoder.encode(URI.create(p.getUri()).getPath()
                    + "#respond", StandardCharsets.UTF_8)), status + ": the way back to its form: " + page.body());
        }
    }

    /**
     * A conversation's page is under the menu entry of each side's own list: "My proposals" for the proposal's author,
     * "My responses" for the member who answered it.
     */
    @Test
    void aConversationIsUnderMyProposalsForTheAuthorAndMyResponsesForTheResponder() {
        ProposalEntity p = weft.server().proposals().service().create("layla", ProposalDraft.builder().community("camp")
                .purpose(Purpose.OFFER).language("en").title("A bread knife").categories("bread").build());
        long response = weft.server().proposals().responses().respond("omar", p.getId(), "I could use it").getId();
        String mine = "<a href=\"/me/proposals\" aria-current=\"page\">";
        String responses = "<a href=\"/me/responses\" aria-current=\"page\">";
        PageClient layla = new PageClient(weft.base());
        layla.login("layla", "layla-password");
        String authors = layla.get("/conversations/" + response).body();
        assertTrue(authors.contains("I could use it"), authors);
        assertTrue(authors.contains(mine) && !authors.contains(responses), "the author's: " + authors);
        PageClient omar = new PageClient(weft.base());
        omar.login("omar", "omar-password");
        String responders = omar.get("/conversations/" + response).body();
        assertTrue(responders.contains(responses) && !responders.contains(mine), "the responder's: " + responders);
    }

    @Test
    void aProposalPageLinksItsCommunityHowToFollowItAndItsCategory() {
        String page = new PageClient(weft.base()).get(URI.create(offer.getUri()).getPath()).body();
        assertTrue(page.contains("href=\"/board/camp\""), page);
        assertTrue(page.contains("href=\"/groups/camp\""), page);
        assertTrue(page.contains("href=\"/groups/camp#follow\""), page);
        assertTrue(page.contains("<a class=\"tag\" href=\"/tags/bread\">Bread</a>"), page);
        String community = new PageClient(weft.base()).get("/groups/camp").body();
        assertTrue(community.contains("id=\"follow\""), "the follow help is where the link points: " + community);
        assertFalse(page.contains("{\"error\""));
    }
}
