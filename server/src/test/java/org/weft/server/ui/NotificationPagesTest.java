package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.notification.NotificationDetail;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.NotificationKind;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.web.i18n.Messages;

/**
 * Notifications as a member meets them: every kind in their language (Arabic and English here; every language in
 * {@link #everyKindReadsAsASentenceInEveryLanguage}), each leading to what it is about, the unread count in the menu of
 * every page, and marking read one at a time or all at once, with plain forms.
 */
class NotificationPagesTest {
    private static TestServers.Instance weft;
    private static MastodonPeer mastodon;
    private static ProposalEntity request;
    private static ProposalEntity offer;
    private static long responseId;
    private static ApiClient omarApi;
    private static ApiClient laylaApi;
    private static ApiClient samiApi;

    /**
     * Someone on Mastodon sends Omar a direct message (he has posted nothing yet, so it is about nothing of his); Layla
     * asks for a pram and Omar offers one (a match for each); Omar answers her request, she writes to him and accepts
     * with a meeting place. Sami offers a pram too; Layla's request is promised now, so both matches are withdrawn: Sami
     * is told his is gone, Omar (to whom it is promised) is not.
     */
    @BeforeAll
    static void start() {
        weft = TestServers.start();
        mastodon = new MastodonPeer(weft.base());
        weft.server().localActors().createGroup("camp", "Camp Board", null);
        laylaApi = ApiClient.newMember(weft, "layla", "Layla");
        omarApi = ApiClient.newMember(weft, "omar", "Omar");
        samiApi = ApiClient.newMember(weft, "sami", "Sami");
        String note = mastodon.directNote("rosa", 1L, null, weft.base() + "/users/omar", "@omar@" + weft.domain(),
                "Welcome to the camp board!");
        assertEquals(202, mastodon.deliver(URI.create(weft.base() + "/inbox"), note).statusCode());
        WaitFor.inboundDone(weft, TestHttp.json(note).path("id").asText());
        long before = weft.server().matching().matcher().applied();
        request = weft.server().proposals().service().create("layla", ProposalDraft.builder().community("camp")
                .purpose(Purpose.REQUEST).language("en").title("We need a pram").categories("prams").build());
        offer = weft.server().proposals().service().create("omar", ProposalDraft.builder().community("camp")
                .purpose(Purpose.OFFER).language("en").title("A pram to give").categories("prams").build());
        weft.server().proposals().service().create("sami", ProposalDraft.builder().community("camp")
                .purpose(Purpose.OFFER).language("en").title("Our old pram").categories("prams").build());
        WaitFor.condition("the proposals are matched", () -> weft.server().matching().matcher().applied() >= before + 3);
        PageClient omar = page("omar", "en");
        assertEquals(303, omar.submit(path(request), path(request) + "/respond", Map.of("text", "Mine is blue")).statusCode());
        responseId = expect(200, laylaApi.get("/proposals/" + request.getId() + "/responses")).path("items").get(0)
                .path("id").asLong();
        expect(201, laylaApi.post("/responses/" + responseId + "/messages", "{\"text\": \"Does it fold?\"}"));
        expect(200, laylaApi.post("/responses/" + responseId + "/accept", "{\"handOff\": \"Gate B at noon\"}"));
        // Her request is promised now: once the matcher has taken that in, the matches are withdrawn and Sami told.
        try {
            weft.server().matching().matcher().settled().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the matcher did not settle", e);
        }
    }

    @AfterAll
    static void stop() {
        mastodon.close();
        weft.close();
    }

    @Test
    void eachKindIsTranslatedAndLeadsToWhatItIsAbout() {
        JsonNode items = expect(200, omarApi.get("/me/notifications")).path("items");
        Map<String, JsonNode> byKind = new HashMap<>();
        items.forEach(n -> byKind.putIfAbsent(n.path("kind").asText(), n));
        // Layla's request is promised to Omar once she accepts his response: the match is withdrawn, but Omar is not
        // told it is "gone" (he was told it is accepted).
        assertEquals(java.util.Set.of("match", "conversation", "accepted", "message"), byKind.keySet(), items.toString());
        for (String language : new String[] {"en", "ar"}) {
            Messages m = Messages.forLanguage(language);
            String html = page("omar", language).get("/me/notifications").body();
            assertFalse(html.contains("notification."), "a raw key on the page: " + html);
            // Titles and names are isolated inside the sentence (people's words, in any script).
            for (String expected : new String[] {m.get("notification.match", 1, Messages.isolate("A pram to give")),
                    // A request speaks as its community unless posted publicly, so Omar hears from the community.
                    // Her question and her hand-off: one notification, counting both, showing the newest.
                    m.get("notification.conversations", 2, Messages.isolate("We need a pram"),
                            Messages.isolate("Camp Board")),
                    m.get("notification.accepted", Messages.isolate("We need a pram")),
                    m.get("notification.messageFrom", Messages.isolate("Rosa Dlamini"))}) {
                assertTrue(html.contains(expected), language + " lacks \"" + expected + "\": " + html);
            }
            assertTrue(html.contains("Gate B at noon") && html.contains("Welcome to the camp board!"),
                    "the messages' words, for the member alone");
            assertFalse(html.contains("@omar"), "without the mention the direct message opened with");
        }

        PageClient omar = page("omar", "en");
        String conversation = path(request) + "#conversation-" + responseId;
        assertEquals(conversation, opened(omar, byKind.get("conversation")));
        assertEquals(conversation, opened(omar, byKind.get("accepted")));
        assertTrue(omar.get(path(request)).body().contains("id=\"conversation-" + responseId + "\""));
        long matchId = byKind.get("match").path("matchId").asLong();
        assertEquals("/me/matches?state=all#match-" + matchId, opened(omar, byKind.get("match")));
        // Layla's request is promised now, so the match is withdrawn; it is still where the link leads.
        assertTrue(omar.get("/me/matches?state=all").body().contains("id=\"match-" + matchId + "\""));
        long messageId = byKind.get("message").path("id").asLong();
        assertEquals("/me/notifications#notification-" + messageId, opened(omar, byKind.get("message")));

        // Sami's side: his match with her request, then a notice that it is gone, in his language, leading to the match.
        JsonNode samis = expect(200, samiApi.get("/me/notifications")).path("items");
        Map<String, JsonNode> samiByKind = new HashMap<>();
        samis.forEach(n -> samiByKind.putIfAbsent(n.path("kind").asText(), n));
        assertEquals(java.util.Set.of("match", "match-gone"), samiByKind.keySet(), samis.toString());
        for (String language : new String[] {"en", "ar"}) {
            String expected = Messages.forLanguage(language).get("notification.match-gone", Messages.isolate("Our old pram"));
            String html = page("sami", language).get("/me/notifications").body();
            assertTrue(html.contains(expected), language + " lacks \"" + expected + "\": " + html);
        }
        PageClient sami = page("sami", "en");
        long samisMatch = samiByKind.get("match").path("matchId").asLong();
        assertEquals("/me/matches?state=all#match-" + samisMatch, opened(sami, samiByKind.get("match-gone")), "the same match");

        // Layla's side: the response leads to it under her request, and the match to hers.
        JsonNode laylas = expect(200, laylaApi.get("/me/notifications")).path("items");
        PageClient layla = page("layla", "ar");
        for (JsonNode n : laylas) {
            String target = opened(layla, n);
            switch (n.path("kind").asText()) {
                case "response" -> assertEquals(path(request) + "#conversation-" + n.path("responseId").asLong(), target);
                // One match leads to it; a digest of several to all of that proposal's.
                case "match" -> assertEquals(n.path("count").asInt() == 1
                        ? "/me/matches?state=all#match-" + n.path("matchId").asLong()
                        : "/me/matches?state=all&proposal=" + n.path("proposalId").asLong(), target);
                default -> throw new AssertionError("Layla was not expecting " + n);
            }
        }
    }

    @Test
    void theMenuCountsUnreadAndFormsMarkThemRead() {
        ApiClient nadiaApi = ApiClient.newMember(weft, "nadia", "Nadia");
        PageClient nadia = page("nadia", "ar");
        assertFalse(nadia.get("/me/proposals").body().contains("class=\"badge\""), "nothing unread, no count");
        weft.server().proposals().service().create("nadia", ProposalDraft.builder().community("camp")
                .purpose(Purpose.REQUEST).language("en").title("A pram for twins").categories("prams").build());
        WaitFor.condition("Nadia is told of her match", () -> unread(nadiaApi) == 1);
        // Two members answer Layla's request (one answer each: Omar's is in already).
        for (String member : new String[] {"karim", "rania"}) {
            ApiClient.newMember(weft, member, member);
            PageClient responder = page(member, "en");
            assertEquals(303, responder.submit(path(request), path(request) + "/respond",
                    Map.of("text", "Also a cot, from " + member)).statusCode());
        }
        // Layla now has unread notifications; Nadia has one, shown in Arabic digits on every page, in the menu.
        for (String path : new String[] {"/me/proposals", "/board/camp", path(offer), "/account"}) {
            String html = nadia.get(path).body();
            assertTrue(html.contains(Messages.forLanguage("ar").get("notification.unreadBadge", 1)), path + ": " + html);
        }

        PageClient layla = page("layla", "en");
        long unread = unread(laylaApi);
        assertTrue(unread >= 2, "Layla has several unread");
        assertTrue(layla.get("/me/proposals").body().contains(
                Messages.forLanguage("en").get("notification.unreadBadge", unread)));
        JsonNode first = expect(200, laylaApi.get("/me/notifications?unread=true")).path("items").get(0);
        long id = first.path("id").asLong();

        // Not without the form's token, not someone else's: nothing changes.
        assertEquals(403, layla.post("/me/notifications/" + id + "/read", Map.of()).statusCode());
        assertEquals(404, nadia.submit("/me/notifications", "/me/notifications/" + id + "/read", Map.of()).statusCode());
        assertEquals(404, nadia.get("/me/notifications/" + id).statusCode());
        assertEquals(unread, unread(laylaApi));

        HttpResponse<String> one = layla.submit("/me/notifications", "/me/notifications/" + id + "/read", Map.of());
        assertEquals(303, one.statusCode());
        assertEquals(unread - 1, unread(laylaApi));
        String listed = layla.get("/me/notifications").body();
        assertTrue(listed.contains("id=\"notification-" + id + "\" class=\"read\""), listed);
        assertEquals(303, layla.submit("/me/notifications", "/me/notifications/read", Map.of()).statusCode());
        assertEquals(0, unread(laylaApi));
        assertFalse(layla.get("/me/notifications").body().contains("class=\"badge\""));
        assertEquals(1, unread(nadiaApi), "marking all is the member's own all");
    }

    /**
     * Huda, told of Omar's response by the count in her menu, reads it on her request's page: that page's menu no
     * longer counts it, her match (which the page does not show) stays new, and Yusuf's response, after she read
     * Omar's, is new again.
     */
    @Test
    void readingAResponseOnTheProposalPageReadsItsNotificationOnly() {
        ApiClient hudaApi = ApiClient.newMember(weft, "huda", "Huda");
        ProposalEntity asked = weft.server().proposals().service().create("huda", ProposalDraft.builder().community("camp")
                .purpose(Purpose.REQUEST).language("en").title("A pram for my son").categories("prams").build());
        WaitFor.condition("Huda is told of her matches", () -> unread(hudaApi) == 1);
        Messages ar = Messages.forLanguage("ar");
        PageClient huda = page("huda", "ar");
        PageClient omar = page("omar", "en");
        assertEquals(303, omar.submit(path(asked), path(asked) + "/respond", Map.of("text", "Mine has a hood")).statusCode());
        assertTrue(huda.get("/me/proposals").body().contains(badge(ar, 2)), "the match and Omar's response");

        String read = huda.get(path(asked)).body();
        assertTrue(read.contains("Mine has a hood"), read);
        assertTrue(read.contains(badge(ar, 1)), "the page that shows the response no longer counts it: " + read);
        assertEquals(List.of("match"), unreadKinds(hudaApi), "the match is still new");

        ApiClient.newMember(weft, "yusuf", "Yusuf");
        assertEquals(303, page("yusuf", "en").submit(path(asked), path(asked) + "/respond",
                Map.of("text", "Mine has a rain cover")).statusCode());
        assertTrue(huda.get("/me/proposals").body().contains(badge(ar, 2)), "Yusuf's response is new");
        assertEquals(List.of("response", "match"), unreadKinds(hudaApi));
        assertTrue(huda.get(path(asked)).body().contains(badge(ar, 1)));
    }

    /**
     * A conversation's messages read on a page (the proposal's, where a responder sees their own conversation; the
     * conversation's own page) are not news any more: their notifications are read, the reader's only, and the next
     * message is new again.
     */
    @Test
    void readingAConversationOnAPageReadsItsMessagesNotifications() {
        ApiClient noorApi = ApiClient.newMember(weft, "noor", "Noor");
        ApiClient zaidApi = ApiClient.newMember(weft, "zaid", "Zaid");
        ProposalEntity kettle = weft.server().proposals().service().create("noor", ProposalDraft.builder().community("camp")
                .purpose(Purpose.REQUEST).language("en").title("A kettle for tea").categories("kitchenware").build());
        PageClient zaid = page("zaid", "en");
        assertEquals(303, zaid.submit(path(kettle), path(kettle) + "/respond", Map.of("text", "I have a spare kettle"))
                .statusCode());
        long answer = expect(200, noorApi.get("/proposals/" + kettle.getId() + "/responses")).path("items").get(0)
                .path("id").asLong();
        expect(201, noorApi.post("/responses/" + answer + "/messages", "{\"text\": \"Is it electric?\"}"));
        assertEquals(List.of("conversation"), unreadKinds(zaidApi));

        assertTrue(zaid.get(path(kettle)).body().contains("Is it electric?"), "his conversation, under the request");
        assertEquals(List.of(), unreadKinds(zaidApi), "read where he read it");

        expect(201, zaidApi.post("/responses/" + answer + "/messages", "{\"text\": \"Yes, it plugs in\"}"));
        assertTrue(unreadKinds(noorApi).contains("conversation"), unreadKinds(noorApi).toString());
        PageClient noor = page("noor", "en");
        assertTrue(noor.get("/conversations/" + answer).body().contains("Yes, it plugs in"));
        assertFalse(unreadKinds(noorApi).contains("conversation"), "read on the conversation's page");

        expect(201, noorApi.post("/responses/" + answer + "/messages", "{\"text\": \"See you at five\"}"));
        assertEquals(List.of("conversation"), unreadKinds(zaidApi), "the next message is new again");
    }

    /** The count in the menu, as a page shows it. */
    private static String badge(Messages m, long unread) {
        return "<span class=\"badge\">" + m.get("notification.unreadBadge", unread) + "</span>";
    }

    private static List<String> unreadKinds(ApiClient member) {
        List<String> kinds = new ArrayList<>();
        expect(200, member.get("/me/notifications?unread=true")).path("items").forEach(n -> kinds.add(n.path("kind").asText()));
        return kinds;
    }

    @Test
    void everyKindReadsAsASentenceInEveryLanguage() {
        for (NotificationKind kind : NotificationKind.values()) {
            NotificationDetail withProposal = new NotificationDetail(1, kind, Instant.EPOCH, false, 2L, "Bread",
                    "https://camp.example/proposals/x", true, "Block 3", 3L, 4L, "words", "Rosa", 2, false, false);
            // Gone, and its author with it (a called-off one says so).
            NotificationDetail gone = new NotificationDetail(1, kind, Instant.EPOCH, false, 2L, null, null, false, null, null,
                    null, null, null, 1, true, true);
            // Deleted without being withdrawn first, its author still here (a called-off one says "deleted").
            NotificationDetail deleted = new NotificationDetail(1, kind, Instant.EPOCH, false, 2L, "Bread", null, false,
                    null, 3L, null, null, null, 1, false, true);
            String english = NotificationLinks.title(withProposal, Messages.forLanguage("en"));
            for (String language : Messages.LANGUAGES) {
                Messages m = Messages.forLanguage(language);
                for (NotificationDetail n : new NotificationDetail[] {withProposal, gone, deleted}) {
                    String title = NotificationLinks.title(n, m);
                    assertFalse(title.contains("notification.") || title.contains("{"), kind + " in " + language + ": " + title);
                }
                String key = "notification." + kind.wire();
                assertTrue(m.ownKeys().contains(key), key + " in " + language);
                if (!language.equals("en")) {
                    assertNotEquals(english, NotificationLinks.title(withProposal, m), kind + " untranslated in " + language);
                }
            }
        }
    }

    /**
     * A member who answered from another Weft instance (their answer travels as an agreement offer) reads the same
     * sentence as a member who answered here: to both it was their response, not "their offer", which on an offer's
     * page reads as the offer itself.
     */
    @Test
    void anAnswerAcceptedOnAnotherInstanceReadsAsOneAcceptedHere() {
        for (String language : Messages.LANGUAGES) {
            Messages m = Messages.forLanguage(language);
            assertEquals(NotificationLinks.title(detail(NotificationKind.ACCEPTED), m),
                    NotificationLinks.title(detail(NotificationKind.AGREEMENT_ACCEPTED), m), language);
        }
    }

    private static NotificationDetail detail(NotificationKind kind) {
        return new NotificationDetail(1, kind, Instant.EPOCH, false, 2L, "Bread", "https://camp.example/proposals/x", true,
                "Block 3", 3L, 4L, "words", "Rosa", 1, false, false);
    }

    /** Follows a notification's link as the member: returns where it leads, and checks it is read now. */
    private static String opened(PageClient member, JsonNode notification) {
        HttpResponse<String> followed = member.get("/me/notifications/" + notification.path("id").asLong());
        assertEquals(303, followed.statusCode(), followed.body());
        return followed.headers().firstValue("Location").orElseThrow();
    }

    private static long unread(ApiClient member) {
        return expect(200, member.get("/me/notifications")).path("unread").asLong();
    }

    private static PageClient page(String username, String language) {
        PageClient client = new PageClient(weft.base()).language(language);
        client.login(username, "a long enough password");
        return client;
    }

    private static String path(ProposalEntity p) {
        return URI.create(p.getUri()).getPath();
    }
}
