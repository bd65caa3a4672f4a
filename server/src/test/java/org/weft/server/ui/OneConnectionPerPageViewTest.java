package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * A page view holds one pooled database connection at a time. A page that renders inside its loading transaction and
 * opens a second one on the way (to count the menu's unread notifications, to mark what it shows as read, to count who a
 * post reaches, to find who is asking) holds its first connection while it waits for a second: as many signed-in views
 * at once as the pool has connections then wait on each other until the pool gives up (30 s) and answer 500. Here the
 * pool has two connections; the proposal's page is read by everyone it shows something different to, then by eight at
 * once, and the server counts every transaction opened inside another (none may be; {@link TestServers} checks that
 * for every test's server as it stops).
 */
class OneConnectionPerPageViewTest {
    private static final String PASSWORD = "a long enough password";
    private static TestServers.Instance weft;
    private static ProposalEntity request;
    private static ProposalEntity communityOnly;
    private static String gonePath;
    private static ApiClient laylaApi;

    /** Layla asks for a pram; Omar answers on its page and she writes back, so each has something unread. */
    @BeforeAll
    static void start() {
        weft = TestServers.start(Map.of("WEFT_DB_POOL_SIZE", "2"));
        weft.server().localActors().createGroup("camp", "Camp Board", null);
        laylaApi = ApiClient.newMember(weft, "layla", "Layla");
        ApiClient.newMember(weft, "omar", "Omar");
        request = weft.server().proposals().service().create("layla", ProposalDraft.builder().community("camp")
                .purpose(Purpose.REQUEST).language("en").title("We need a pram").categories("prams")
                .audience(Audience.PUBLIC).build());
        communityOnly = weft.server().proposals().service().create("layla", ProposalDraft.builder().community("camp")
                .purpose(Purpose.REQUEST).language("en").title("Nappies, size 4").categories("diapers")
                .audience(Audience.COMMUNITY).build());
        ProposalEntity withdrawn = weft.server().proposals().service().create("layla", ProposalDraft.builder()
                .community("camp").purpose(Purpose.OFFER).language("en").title("A cot").categories("furniture").build());
        weft.server().proposals().service().changeStatus("layla", withdrawn.getId(), ProposalStatus.WITHDRAWN);
        gonePath = path(withdrawn);
        PageClient omar = signedIn("omar");
        assertEquals(303, omar.submit(path(request), path(request) + "/respond", Map.of("text", "Mine is blue"))
                .statusCode());
        long responseId = expect(200, laylaApi.get("/proposals/" + request.getId() + "/responses")).path("items").get(0)
                .path("id").asLong();
        expect(201, laylaApi.post("/responses/" + responseId + "/messages", "{\"text\": \"Does it fold?\"}"));
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void everyoneSeesTheProposalPageWithOneConnection() throws Exception {
        PageClient layla = signedIn("layla");
        PageClient omar = signedIn("omar");
        String unreadBadge = "class=\"badge\"";
        assertTrue(layla.get("/me/proposals").body().contains(unreadBadge), "Layla has Omar's answer unread");
        assertTrue(omar.get("/me/proposals").body().contains(unreadBadge), "Omar has Layla's message unread");

        // The author: her page shows Omar's answer and the conversation under it, and marks both read, so the
        // menu of that same page counts nothing new.
        HttpResponse<String> hers = layla.get(path(request));
        assertEquals(200, hers.statusCode(), hers.body());
        assertTrue(hers.body().contains("Mine is blue") && hers.body().contains("Does it fold?"), hers.body());
        Messages en = Messages.forLanguage("en");
        String reach = en.get("reach.public", 0L);
        assertTrue(hers.body().contains(reach), "who her request reaches, counted for her: " + hers.body());
        assertFalse(hers.body().contains(unreadBadge), "read where she saw them, counted in the same view: "
                + expect(200, laylaApi.get("/me/notifications?unread=true")));

        // The responder, under his own answer: Layla's message, read there.
        HttpResponse<String> his = omar.get(path(request));
        assertEquals(200, his.statusCode(), his.body());
        assertTrue(his.body().contains("Does it fold?"), his.body());
        assertFalse(his.body().contains(unreadBadge), his.body());

        assertEquals(200, new PageClient(weft.base()).get(path(request)).statusCode(), "signed out");
        assertEquals(200, layla.get(path(communityOnly)).statusCode(), "a community-only request, to a member");
        assertEquals(404, new PageClient(weft.base()).get(path(communityOnly)).statusCode(), "…and signed out");
        assertEquals(410, omar.get(gonePath).statusCode(), "a withdrawn offer, signed in");
        assertEquals(200, layla.get(gonePath).statusCode(), "…and to its author, who may still delete it");
        assertEquals(404, layla.get("/proposals/999999").statusCode(), "an address that never was, signed in");

        // Then many signed-in views of it at once, each waiting its turn for the one connection.
        List<PageClient> readers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            readers.add(signedIn(i % 2 == 0 ? "layla" : "omar"));
        }
        ExecutorService threads = Executors.newFixedThreadPool(readers.size());
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (PageClient reader : readers) {
                answers.add(threads.submit(() -> reader.get(path(request)).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(0, weft.server().transactionsInsideTransactions(), "a view that held two connections at once");
    }

    private static PageClient signedIn(String username) {
        PageClient client = new PageClient(weft.base()).language("en");
        client.login(username, PASSWORD);
        return client;
    }

    private static String path(ProposalEntity p) {
        return URI.create(p.getUri()).getPath();
    }
}

