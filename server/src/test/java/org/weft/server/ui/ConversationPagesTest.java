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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.account.Operators;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * The conversation after a response when both people are members here, as each person sees it: the author (on the
 * proposal page, under the response), the responder (on the proposal page, "My responses" and the conversation's
 * page, and the API), and nobody else (a third member, a visitor). Bad messages and closed conversations are refused in
 * the writer's language and store nothing.
 */
class ConversationPagesTest {
    private static final Pattern WRITE = Pattern.compile("action=\"/conversations/(\\d+)/messages\"");
    private static TestServers.Instance weft;
    private static PageClient layla;
    private static PageClient omar;
    private static PageClient nadia;
    private static PageClient oscar;
    private static ApiClient laylaApi;
    private static ApiClient omarApi;
    private static ApiClient nadiaApi;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp Board", null);
        laylaApi = ApiClient.newMember(weft, "layla", "Layla");
        omarApi = ApiClient.newMember(weft, "omar", "Omar");
        nadiaApi = ApiClient.newMember(weft, "nadia", "Nadia");
        ApiClient.newMember(weft, "oscar", "Oscar");
        new Operators(weft.server().db()).setAdmin("oscar", true);
        layla = loggedIn("layla");
        omar = loggedIn("omar");
        nadia = loggedIn("nadia");
        oscar = loggedIn("oscar");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void theAuthorAndTheResponderTalkAndNobodyElseSeesIt() {
        ProposalEntity offer = post("layla", Purpose.OFFER, Audience.PUBLIC, "Two warm blankets");
        long id = respond(offer, "I would be glad of one");

        HttpResponse<String> written = layla.submit(path(offer), "/conversations/" + id + "/messages",
                Map.of("text", "Are you free on Tuesday?\nAfter noon is best.", "back", "proposal"));
        assertEquals(303, written.statusCode());
        assertEquals(path(offer) + "#conversation-" + id, written.headers().firstValue("Location").orElseThrow());

        // Omar reads it where he looks: the proposal page, "My responses", the conversation's page.
        for (String page : List.of(path(offer), "/me/responses", "/conversations/" + id)) {
            String body = omar.get(page).body();
            assertTrue(body.contains("Are you free on Tuesday?"), page + ": " + body);
            assertTrue(body.contains("Only you and " + Messages.isolate("Layla") + " see this conversation."),
                    page + ": " + body);
        }
        // The sender's name is theirs, in any script: isolated from the date beside it, as the words are.
        assertTrue(omar.get("/conversations/" + id).body().contains("<bdi dir=\"auto\">Layla</bdi> · "));
        assertTrue(omar.get(path(offer)).body().contains("Your response"));
        JsonNode answered = expect(201, omarApi.post("/responses/" + id + "/messages", "{\"text\": \"Tuesday works.\"}"));
        assertEquals("Omar", answered.path("from").asText());

        // Layla reads his answer under his response, and in the API, newest first.
        assertTrue(layla.get(path(offer)).body().contains("Tuesday works."));
        JsonNode seen = expect(200, laylaApi.get("/responses/" + id + "/messages"));
        assertEquals(List.of("Tuesday works.", "Are you free on Tuesday?\nAfter noon is best."),
                field(seen.path("items"), "text"));
        assertEquals(List.of(false, true), List.of(seen.path("items").get(0).path("mine").asBoolean(),
                seen.path("items").get(1).path("mine").asBoolean()));
        assertEquals("author", seen.path("side").asText());
        assertEquals("Omar", seen.path("with").asText());

        // The meeting place given on accepting is the first message after the accept.
        Matcher accept = Pattern.compile("action=\"/responses/" + id + "/accept\"").matcher(layla.get(path(offer)).body());
        assertTrue(accept.find());
        assertEquals(303, layla.submit(path(offer), "/responses/" + id + "/accept", Map.of("handoff", "Tent 12")).statusCode());
        assertEquals(List.of("Tent 12", "Tuesday works.", "Are you free on Tuesday?\nAfter noon is best."),
                field(expect(200, omarApi.get("/responses/" + id + "/messages")).path("items"), "text"));

        // Nobody else: not a third member, not a visitor; and they cannot write in it either.
        long before = messages();
        for (String page : List.of(path(offer), "/me/responses", "/me/notifications")) {
            assertFalse(nadia.get(page).body().contains("Tuesday"), "nadia on " + page);
        }
        assertEquals(404, nadia.get("/conversations/" + id).statusCode());
        expect(404, nadiaApi.get("/responses/" + id + "/messages"));
        expect(404, nadiaApi.post("/responses/" + id + "/messages", "{\"text\": \"Me too\"}"));
        assertEquals(404, nadia.submit("/me/responses", "/conversations/" + id + "/messages", Map.of("text", "Me too"))
                .statusCode());
        PageClient visitor = new PageClient(weft.base());
        assertFalse(visitor.get(path(offer)).body().contains("Tuesday"));
        assertEquals("/login?next=%2Fconversations%2F" + id,
                visitor.get("/conversations/" + id).headers().firstValue("Location").orElse(null), "and comes back after");
        HttpResponse<String> byVisitor = visitor.submit(path(offer), "/conversations/" + id + "/messages", Map.of("text", "Hi"));
        assertEquals("/login", byVisitor.headers().firstValue("Location").orElse(null), "a visitor is sent to log in");
        expect(401, ApiClient.anonymous(weft).get("/responses/" + id + "/messages"));
        assertEquals(before, messages(), "nothing stored by any of them");
    }

    @Test
    void badMessagesAreRefusedInTheWritersLanguageAndStoreNothing() {
        ProposalEntity offer = post("layla", Purpose.OFFER, Audience.PUBLIC, "A kettle");
        long id = respond(offer, "Could I have it?");
        PageClient arabic = loggedIn("omar").language("ar");
        Messages ar = Messages.forLanguage("ar");
        long before = messages();

        HttpResponse<String> empty = arabic.submit("/conversations/" + id, "/conversations/" + id + "/messages",
                Map.of("text", "   "));
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains(ar.get("error.message_empty")), empty.body());
        HttpResponse<String> tooLong = arabic.submit("/conversations/" + id, "/conversations/" + id + "/messages",
                Map.of("text", "ب".repeat(2_001)));
        assertEquals(400, tooLong.statusCode());
        String expected = ar.get("error.message_too_long", 2_000);
        assertTrue(expected.contains("٢") && tooLong.body().contains(expected), tooLong.body());

        assertEquals("text", expect(400, omarApi.post("/responses/" + id + "/messages", "{\"text\": \"\"}"))
                .path("field").asText());
        JsonNode long2001 = expect(400, omarApi.post("/responses/" + id + "/messages",
                "{\"text\": \"" + "x".repeat(2_001) + "\"}"));
        assertEquals("message_too_long", long2001.path("error").asText(), "a stable code for programs");
        assertTrue(said(long2001, "error.message_too_long", 2_000), long2001.toString());
        assertEquals("text", expect(400, omarApi.post("/responses/" + id + "/messages", "{\"text\": 7}")).path("field").asText());
        expect(400, omarApi.post("/responses/" + id + "/messages", "{\"text\": \"Hi\", \"to\": \"everyone\"}"));
        expect(404, omarApi.post("/responses/999999/messages", "{\"text\": \"Hi\"}"));
        assertEquals(before, messages());
        // 2,000 characters are fine, in any script (counted as characters, not bytes).
        expect(201, omarApi.post("/responses/" + id + "/messages", "{\"text\": \"" + "ب".repeat(2_000) + "\"}"));
        assertEquals(before + 1, messages());
    }

    /**
     * A refused message loses nothing typed: the conversation's page comes back (400), whichever page it was written
     * on, with why beside the box in the writer's language and the words still in it; Layla gets no message and no
     * notification. Refused because the conversation closed meanwhile (409), the words stay readable there too.
     */
    @Test
    void aRefusedMessageComesBackInItsBoxOnTheConversationPage() {
        ProposalEntity offer = post("layla", Purpose.OFFER, Audience.PUBLIC, "A folding table");
        long id = respond(offer, "Is it still free?");
        PageClient arabic = loggedIn("omar").language("ar");
        Messages ar = Messages.forLanguage("ar");
        long before = messages();
        long told = notifications();
        String typed = "سآتي يوم الثلاثاء " + "ب".repeat(2_000);

        HttpResponse<String> refused = arabic.submit(path(offer), "/conversations/" + id + "/messages",
                Map.of("text", typed, "back", "proposal"));
        assertEquals(400, refused.statusCode(), refused.body());
        Document page = Jsoup.parse(refused.body());
        assertEquals(ar.get("error.message_too_long", 2_000), page.getElementById("text-error").text(), refused.body());
        Element box = page.getElementById("write-" + id);
        assertEquals(typed, box.val(), "what was typed is still in the box");
        assertEquals("text-error", box.attr("aria-describedby"));
        assertEquals("/conversations/" + id + "/messages", box.closest("form").attr("action"), "and can be sent again");
        assertTrue(refused.body().contains("<html lang=\"ar\" dir=\"rtl\">"), refused.body());
        assertTrue(page.text().contains("Is it still free?"), "the conversation's own page: " + refused.body());
        assertFalse(page.text().contains(ar.get("error.title")), "not an error page");
        assertEquals(before, messages(), "nothing stored");
        assertEquals(told, notifications(), "Layla is not told of a message that was not sent");
        assertFalse(layla.get("/conversations/" + id).body().contains("سآتي"), "Layla reads nothing of it");

        // Shortened, the same words go through from the page that came back.
        HttpResponse<String> sent = arabic.submit("/conversations/" + id, "/conversations/" + id + "/messages",
                Map.of("text", "سآتي يوم الثلاثاء"));
        assertEquals(303, sent.statusCode(), sent.body());
        assertTrue(layla.get("/conversations/" + id).body().contains("سآتي يوم الثلاثاء"));

        weft.server().proposals().service().changeStatus("layla", offer.getId(), ProposalStatus.WITHDRAWN);
        HttpResponse<String> closed = arabic.submit(path(offer), "/conversations/" + id + "/messages",
                Map.of("text", "هل ما زالت متاحة؟", "back", "proposal"));
        assertEquals(409, closed.statusCode());
        Document closedPage = Jsoup.parse(closed.body());
        assertTrue(closedPage.text().contains(ar.get("conversation.closedWithdrawn")), closed.body());
        assertEquals("هل ما زالت متاحة؟", closedPage.getElementById("write-" + id).val(), "kept, to copy elsewhere");
        assertTrue(closedPage.getElementById("write-" + id).hasAttr("readonly"), "but no longer sent from here");
        assertEquals(before + 1, messages());
    }

    /**
     * The conversation page's heading names the proposal inside a sentence of the reader's language: its title is
     * isolated (U+2068 … U+2069), so an English title ending in a bracket keeps it at its end in an Arabic heading
     * (bare, the bracket took the sentence's direction: "(Winter coats (age 6 and 9" on the screen).
     */
    @Test
    void theConversationPagesHeadingIsolatesTheTitle() {
        Messages ar = Messages.forLanguage("ar");
        String title = "Winter coats (age 6 and 9)";
        long id = respond(post("layla", Purpose.REQUEST, Audience.PUBLIC, title), "I have one for the 6-year-old");
        Document page = Jsoup.parse(loggedIn("omar").language("ar").get("/conversations/" + id).body());
        assertEquals(ar.get("conversation.title", Messages.isolate(title)), page.selectFirst("main h1").text());
    }

    @Test
    void aClosedConversationKeepsWhatWasSaidAndRefusesMore() {
        Messages ar = Messages.forLanguage("ar");
        PageClient arabic = loggedIn("omar").language("ar");

        ProposalEntity withdrawn = post("layla", Purpose.OFFER, Audience.PUBLIC, "A bicycle pump");
        long first = respond(withdrawn, "May I borrow it?");
        expect(201, laylaApi.post("/responses/" + first + "/messages", "{\"text\": \"Yes, come by.\"}"));
        weft.server().proposals().service().changeStatus("layla", withdrawn.getId(), ProposalStatus.WITHDRAWN);
        long before = messages();
        HttpResponse<String> refused = arabic.submit("/conversations/" + first, "/conversations/" + first + "/messages",
                Map.of("text", "Still there?"));
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains(ar.get("conversation.closedWithdrawn")), refused.body());
        JsonNode withdrawnAnswer = expect(409, omarApi.post("/responses/" + first + "/messages", "{\"text\": \"Hello?\"}"));
        assertEquals("conversation_closed", withdrawnAnswer.path("error").asText());
        assertTrue(said(withdrawnAnswer, "conversation.closedWithdrawn"), withdrawnAnswer.toString());
        expect(409, laylaApi.post("/responses/" + first + "/messages", "{\"text\": \"Sorry, it broke\"}"));
        assertEquals(before, messages());
        // What was said stays readable by both, with why it is closed and no form.
        String page = arabic.get("/conversations/" + first).body();
        assertTrue(page.contains("Yes, come by.") && page.contains(ar.get("conversation.closedWithdrawn")), page);
        assertFalse(page.contains("/conversations/" + first + "/messages"), "no form on a closed conversation");
        assertTrue(layla.get("/conversations/" + first).body().contains("Yes, come by."));
        assertTrue(omar.get("/me/responses").body().contains("Yes, come by."));

        ProposalEntity deleted = post("layla", Purpose.OFFER, Audience.PUBLIC, "A sewing machine");
        long second = respond(deleted, "Could I use it on Friday?");
        weft.server().proposals().service().delete("layla", deleted.getId());
        assertTrue(said(expect(409, omarApi.post("/responses/" + second + "/messages", "{\"text\": \"Hello?\"}")),
                "conversation.closedDeleted"));
        assertTrue(omar.get("/conversations/" + second).body().contains(
                Messages.forLanguage("en").get("conversation.closedDeleted")));

        ProposalEntity declined = post("layla", Purpose.OFFER, Audience.PUBLIC, "A ladder");
        long third = respond(declined, "I need it for a day");
        expect(200, laylaApi.post("/responses/" + third + "/decline", null));
        JsonNode closed = expect(409, omarApi.post("/responses/" + third + "/messages", "{\"text\": \"Why not?\"}"));
        assertTrue(said(closed, "conversation.closedDeclined"), closed.toString());
        assertEquals("declined", expect(200, omarApi.get("/responses/" + third + "/messages")).path("closed").asText());
        assertEquals(before, messages());

        // Fulfilled keeps it open: a thank-you still goes through.
        ProposalEntity fulfilled = post("layla", Purpose.OFFER, Audience.PUBLIC, "Jam jars");
        long fourth = respond(fulfilled, "Six, please");
        weft.server().proposals().service().changeStatus("layla", fulfilled.getId(), ProposalStatus.FULFILLED);
        expect(201, omarApi.post("/responses/" + fourth + "/messages", "{\"text\": \"Thank you!\"}"));
    }

    @Test
    void aModeratorActsForTheAuthorOfAnAnonymousRequestAndTheCommunitySpeaks() {
        ProposalEntity request = post("layla", Purpose.REQUEST, Audience.ANONYMOUS, "Baby formula");
        long id = respond(request, "I have two tins");

        String asModerator = oscar.get(path(request)).body();
        assertTrue(asModerator.contains("I have two tins") && asModerator.contains("/conversations/" + id + "/messages"),
                asModerator);
        assertFalse(asModerator.contains("/responses/" + id + "/accept"), "deciding stays the author's");
        assertEquals(303, oscar.submit(path(request), "/conversations/" + id + "/messages",
                Map.of("text", "Thank you, please leave them at the office.", "back", "proposal")).statusCode());

        // Omar sees the community speak, never who asked nor who wrote.
        JsonNode omars = expect(200, omarApi.get("/responses/" + id + "/messages"));
        assertEquals("Camp Board", omars.path("with").asText());
        assertEquals("Camp Board", omars.path("items").get(0).path("from").asText());
        String page = omar.get(path(request)).body();
        assertTrue(page.contains("Thank you, please leave them at the office."), page);
        assertFalse(page.contains("Layla") || page.contains("Oscar"), page);

        // Layla sees who on her side wrote, and is told of Omar's answer; a member who is no moderator cannot act.
        expect(201, omarApi.post("/responses/" + id + "/messages", "{\"text\": \"Done, they are there.\"}"));
        JsonNode laylas = expect(200, laylaApi.get("/responses/" + id + "/messages"));
        assertEquals(List.of("Omar", "Oscar"), field(laylas.path("items"), "from"));
        assertTrue(expect(200, laylaApi.get("/me/notifications?unread=true")).path("items").toString()
                .contains("Done, they are there."));
        assertEquals(404, nadia.get("/conversations/" + id).statusCode());
        assertFalse(nadia.get(path(request)).body().contains("/conversations/" + id + "/messages"));
    }

    @Test
    void eachOnAnAnonymousRequestsSideIsToldTheAuthorAndTheModeratorsBothRead() {
        ProposalEntity request = post("layla", Purpose.REQUEST, Audience.ANONYMOUS, "Formula for a baby");
        long id = respond(request, "I have a tin");
        for (String lang : List.of("en", "ar")) {
            Messages m = Messages.forLanguage(lang);
            PageClient laylaIn = loggedIn("layla").language(lang);
            String told = words(m.get("conversation.privateWithModerators", "Omar", "Camp Board"));
            String twoOnly = words(m.get("conversation.privateWith", "Omar"));
            for (String page : List.of(path(request), "/conversations/" + id)) {
                String html = words(laylaIn.get(page).body());
                assertTrue(html.contains(told), lang + " " + page + ": " + html);
                assertFalse(html.contains(twoOnly), "not told it is between the two of them alone: " + html);
            }
        }
        // A moderator, who may write for her, is told she and the other moderators read it too.
        String asModerator = words(oscar.get("/conversations/" + id).body());
        assertTrue(asModerator.contains(words(Messages.forLanguage("en").get("conversation.privateActingFor", "Omar",
                "Camp Board"))), asModerator);
        assertFalse(asModerator.contains(words(Messages.forLanguage("en").get("conversation.privateWith", "Omar"))),
                asModerator);
        // Her public offer's conversation is between the two of them only, and says so.
        ProposalEntity offer = post("layla", Purpose.OFFER, Audience.PUBLIC, "A spare tin opener");
        respond(offer, "I would use it");
        String html = words(layla.get(path(offer)).body());
        assertTrue(html.contains(words(Messages.forLanguage("en").get("conversation.privateWith", "Omar"))), html);
    }

    /**
     * Omar, answering a request posted without its author's name, is told before and after that the community's
     * moderators read his message too (they may answer for her); the page names the community once as who posted it.
     */
    @Test
    void whoAnswersAnAnonymousRequestIsToldTheModeratorsReadIt() {
        ProposalEntity request = post("layla", Purpose.REQUEST, Audience.ANONYMOUS, "A winter coat for a child");
        for (String lang : List.of("en", "ar")) {
            Messages m = Messages.forLanguage(lang);
            String before = loggedIn("omar").language(lang).get(path(request)).body();
            assertTrue(before.contains(">" + m.get("proposal.respondLabelAnonymous") + "</label>"), lang + ": " + before);
            assertFalse(before.contains(m.get("proposal.respondLabel") + "<"), "not 'only the author': " + before);
            assertFalse(before.contains("Camp Board</bdi> ·"), "the community is named once as who posted it: " + before);
        }
        respond(request, "I have one in size 6");
        for (String lang : List.of("en", "ar")) {
            Messages m = Messages.forLanguage(lang);
            String after = loggedIn("omar").language(lang).get(path(request) + "?done=responded").body();
            assertTrue(after.contains("<p class=\"notice\" role=\"status\">" + m.get("notice.respondedAnonymous") + "</p>"),
                    lang + ": " + after);
        }
    }

    /**
     * Layla, choosing to ask without her name, is told beside that choice (in English and Arabic) that the community's
     * moderators know it is her and read the answers with her, and that whoever answers and every other reader never
     * learn it; her request's page says the same once posted. Omar, who answers it, reads neither her name nor that.
     */
    @Test
    void whoAsksWithoutHerNameIsToldBeforeThatTheModeratorsKnowItIsHer() {
        ProposalEntity request = post("layla", Purpose.REQUEST, Audience.ANONYMOUS, "Formula for a baby");
        for (String lang : List.of("en", "ar")) {
            String known = Messages.forLanguage(lang).get("reach.anonymousKnownTo");
            String form = loggedIn("layla").language(lang).get("/new?purpose=request").body();
            assertTrue(help(form, "ANONYMOUS").contains(known), lang + ": " + form);
            assertFalse(help(form, "PUBLIC").contains(known), "said of the anonymous choice only: " + form);
            assertFalse(help(form, "COMMUNITY").contains(known), "said of the anonymous choice only: " + form);
            String hers = loggedIn("layla").language(lang).get(path(request)).body();
            assertTrue(hers.contains(known), "her request's page says the same: " + hers);
            String his = loggedIn("omar").language(lang).get(path(request)).body();
            assertFalse(his.contains(known), his);
            assertFalse(his.contains(">Layla<"), "whoever answers never learns it is her: " + his);
        }
    }

    @Test
    void whoAnswersARequestInArabicIsNotToldTheyAnsweredAnOffer() {
        ProposalEntity request = post("layla", Purpose.REQUEST, Audience.COMMUNITY, "Nappies, size 3");
        respond(request, "I have a pack");
        String html = loggedIn("omar").language("ar").get(path(request) + "?done=responded").body();
        assertTrue(html.contains("<p class=\"notice\" role=\"status\">أُرسل ردّك. صاحب المنشور وحده يراه.</p>"), html);
        assertFalse(html.contains("صاحب العرض"), "«the offer's owner», under a request: " + html);
    }

    @Test
    void theLinkToAWholeConversationCountsItsMessagesInArabicPlural() {
        ProposalEntity offer = post("layla", Purpose.OFFER, Audience.PUBLIC, "Three jars of jam");
        long id = respond(offer, "One jar, please");
        for (String text : List.of("Saturday?", "Saturday morning is good.", "Then at ten.")) {
            PageClient writer = text.startsWith("Saturday m") ? omar : layla;
            assertEquals(303, writer.submit(path(offer), "/conversations/" + id + "/messages",
                    Map.of("text", text, "back", "proposal")).statusCode());
        }
        // Three to ten take the plural «رسائل», not the singular after a number.
        String html = words(loggedIn("omar").language("ar").get(path(offer)).body());
        assertTrue(html.contains("المحادثة كاملة (٣ رسائل)"), html);
    }

    /** Text without the isolate marks around people's names, which a reader does not see. */
    private static String words(String text) {
        return text.replace("\u2066", "").replace("\u2068", "").replace("\u2069", "");
    }

    /** The help the posting form gives beside one audience choice: who will see the post. */
    private static String help(String form, String audience) {
        Matcher help = Pattern.compile("<p class=\"help\" id=\"reach-" + audience + "\">([^<]*)</p>").matcher(form);
        assertTrue(help.find(), "no help beside " + audience + ": " + form);
        return help.group(1);
    }

    /**
     * The conversation's page leads each side back to its own place: Layla, the author, to Omar's response on her
     * offer's page (to "My proposals" once she withdrew it), Omar, who answered, to "My responses".
     */
    @Test
    void theConversationPageLeadsEachSideBackToItsOwnPlace() {
        ProposalEntity offer = post("layla", Purpose.OFFER, Audience.PUBLIC, "A sewing kit");
        long id = respond(offer, "Could I have it?");
        String page = "/conversations/" + id;
        Messages en = Messages.forLanguage("en");

        List<Element> authors = linksIn(layla.get(page).body());
        String toResponse = path(offer) + "#response-" + id;
        assertTrue(authors.stream().anyMatch(a -> a.attr("href").equals(toResponse)
                && a.text().equals(en.get("conversation.backToProposal"))), authors.toString());
        assertTrue(authors.stream().noneMatch(a -> a.attr("href").equals("/me/responses")), "not hers: " + authors);
        assertTrue(layla.get(path(offer)).body().contains("id=\"response-" + id + "\""), "where the link leads");

        List<Element> responders = linksIn(omar.get(page).body());
        assertTrue(responders.stream().anyMatch(a -> a.attr("href").equals("/me/responses")
                && a.text().equals(en.get("conversation.myResponses"))), responders.toString());
        assertTrue(responders.stream().noneMatch(a -> a.attr("href").equals(toResponse)), responders.toString());

        weft.server().proposals().service().changeStatus("layla", offer.getId(), ProposalStatus.WITHDRAWN);
        List<Element> withdrawn = linksIn(layla.get(page).body());
        assertTrue(withdrawn.stream().anyMatch(a -> a.attr("href").equals("/me/proposals")
                && a.text().equals(en.get("nav.mine"))), withdrawn.toString());
    }

    /** The links in the page's own content, the menu left out. */
    private static List<Element> linksIn(String html) {
        return Jsoup.parse(html).select("main a");
    }

    private static PageClient loggedIn(String username) {
        PageClient client = new PageClient(weft.base());
        client.login(username, "a long enough password");
        return client;
    }

    private static ProposalEntity post(String member, Purpose purpose, Audience audience, String title) {
        return weft.server().proposals().service().create(member, ProposalDraft.builder().community("camp").purpose(purpose)
                .audience(audience).language("en").title(title).categories("bedding").build());
    }

    /** Omar answers from the page, as a member does; returns the response's id, read off Layla's page. */
    private static long respond(ProposalEntity p, String text) {
        assertEquals(303, omar.submit(path(p), path(p) + "/respond", Map.of("text", text)).statusCode());
        Matcher form = WRITE.matcher(omar.get(path(p)).body());
        assertTrue(form.find(), "the responder has a conversation on the page");
        return Long.parseLong(form.group(1));
    }

    private static long notifications() {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select coalesce(sum(count), 0) from NotificationEntity", Long.class).getSingleResult());
    }

    private static long messages() {
        return weft.server().db().inTransaction(s -> s.createSelectionQuery(
                "select count(*) from ConversationMessageEntity", Long.class).getSingleResult());
    }

    private static String path(ProposalEntity p) {
        return URI.create(p.getUri()).getPath();
    }

    private static List<Object> field(JsonNode items, String name) {
        List<Object> values = new ArrayList<>();
        items.forEach(item -> values.add(item.path(name).asText()));
        return values;
    }

    /** Whether an API refusal's {@code message} is the sentence of {@code key}, in English or Arabic (the caller's). */
    private static boolean said(JsonNode answer, String key, Object... arguments) {
        String message = answer.path("message").asText();
        return message.equals(Messages.forLanguage("en").get(key, arguments))
                || message.equals(Messages.forLanguage("ar").get(key, arguments));
    }
}
