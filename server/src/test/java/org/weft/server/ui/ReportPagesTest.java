package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.account.Operators;
import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.ActorKind;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.ConversationMessageEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ReportEntity;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.web.i18n.Messages;

/**
 * The report path through the pages, as people use it: amina reports rosa's reply from her proposal's page; Olga, an
 * operator, finds it in the reports queue with the reply's text and amina's name, blocks rosa for the community; rosa's
 * server receives the Block (after a confirmation page; a repeated form blocks once), the queue is empty again, and
 * the public log shows the block and not amina. Someone who
 * moderates nothing sees an empty queue and cannot act on the report (403, nothing changes).
 */
class ReportPagesTest {
    private static final String PASSWORD = "a long enough password";

    private static long communityId(TestServers.Instance weft, String name) {
        return weft.server().db().inTransaction(s -> ActorRepository.local(s, ActorKind.GROUP, name).orElseThrow().getId());
    }

    @Test
    void aMemberReportsAResponseAndAModeratorBlocksTheAccount() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer rosa = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient api = ApiClient.newMember(weft, "amina", "Amina Reporter");
            JsonNode offer = expect(201, api.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "Cool bags to lend", "categories": ["kitchenware"],
                     "kind": "loan"}"""));
            String reply = rosa.fixture("mastodon/create-note-reply.json")
                    .replace(weft.base() + "/proposals/7f3c9a", offer.path("uri").asText());
            assertEquals(202, rosa.deliver(URI.create(weft.base() + "/inbox"), reply).statusCode());
            String responses = "/proposals/" + offer.path("id").asLong() + "/responses";
            long responseId = WaitFor.value("rosa's reply", () -> {
                JsonNode items = expect(200, api.get(responses)).path("items");
                return items.isEmpty() ? null : items.get(0).path("id").asLong();
            });
            String page = URI.create(offer.path("uri").asText()).getPath();

            PageClient amina = new PageClient(weft.base());
            amina.login("amina", PASSWORD);
            assertTrue(amina.get(page).body().contains("name=\"response\" value=\"" + responseId + "\""), "a report form");
            Map<String, String> reportForm = new HashMap<>(PageClient.hiddenFields(amina.get(page).body(), "/report"));
            reportForm.put("response", String.valueOf(responseId));
            reportForm.put("comment", "She wants money first");
            HttpResponse<String> reported = amina.post("/report", reportForm);
            assertEquals(303, reported.statusCode(), reported.body());
            String sent = reported.headers().firstValue("Location").orElseThrow();
            assertEquals("/report/sent?back=" + java.net.URLEncoder.encode(page + "#responses",
                    java.nio.charset.StandardCharsets.UTF_8), sent);
            String thanks = amina.get(sent).body();
            assertTrue(thanks.contains("Report sent") && thanks.contains("<a href=\"" + page + "#responses\">Back to where you"
                    + " reported it</a>"), "back to the responses she reported from: " + thanks);
            // Only a path on this site is a way back: anything else leaves the start page alone.
            for (String elsewhere : new String[] {"//evil.example/x", "https://evil.example/", "/\\evil.example"}) {
                String page2 = amina.get("/report/sent?back=" + java.net.URLEncoder.encode(elsewhere,
                        java.nio.charset.StandardCharsets.UTF_8)).body();
                assertFalse(page2.contains("evil.example"), page2);
            }
            // The same form sent again (a double tap: its one-time token repeated) stores no second report.
            assertEquals(303, amina.post("/report", reportForm).statusCode());
            assertEquals(1, weft.server().safety().reports().all(10).size(), "one report");

            weft.server().localActors().createMember("mo", "Mo Nobody", PASSWORD, false);
            PageClient mo = new PageClient(weft.base());
            mo.login("mo", PASSWORD);
            assertTrue(mo.get("/moderate/reports").body().contains("No open report."), "mo moderates nothing");
            long reportId = weft.server().safety().reports().all(1).get(0).getId();
            HttpResponse<String> refused = mo.submit("/moderate/reports", "/moderate/reports/" + reportId,
                    Map.of("action", "block", "reason", "x"));
            assertEquals(403, refused.statusCode(), "not even asked");
            assertEquals(403, mo.submit("/moderate/reports", "/moderate/reports/" + reportId,
                    Map.of("action", "block", "reason", "x", "confirm", "yes")).statusCode());

            weft.server().localActors().createMember("olga", "Olga Operator", PASSWORD, false);
            new Operators(weft.server().db()).setAdmin("olga", true);
            PageClient olga = new PageClient(weft.base());
            olga.login("olga", PASSWORD);
            String queue = olga.get("/moderate/reports").body();
            assertTrue(queue.contains(rosa.actor()) && queue.contains("She wants money first") && queue.contains("Amina Reporter"),
                    queue);
            // Forwarding asks first, naming the server it goes to; only the confirmation sends the Flag, from the
            // instance, with the comment and without amina.
            HttpResponse<String> forwardAsked = olga.submit("/moderate/reports", "/moderate/reports/" + reportId,
                    Map.of("action", "forward"));
            assertEquals(200, forwardAsked.statusCode(), forwardAsked.body());
            assertTrue(forwardAsked.body().contains("Send this report to " + URI.create(rosa.actor()).getAuthority() + "?"),
                    forwardAsked.body());
            WaitFor.deliveriesDrained(weft);
            assertTrue(flags(rosa).isEmpty(), "asking sends nothing");
            assertEquals(303, olga.post("/moderate/reports/" + reportId,
                    PageClient.hiddenFields(forwardAsked.body(), "/moderate/reports/" + reportId)).statusCode());
            JsonNode flag = WaitFor.value("rosa's server receives the Flag", () -> flags(rosa).stream().findFirst().orElse(null));
            assertTrue(flag.path("actor").asText().startsWith(weft.base()) && !flag.path("actor").asText().contains("amina"),
                    "from this server's instance actor: " + flag.path("actor"));
            assertTrue(flag.toString().contains("She wants money first") && !flag.toString().contains("amina"), flag.toString());

            // Hiding asks first too; asking hides nothing.
            HttpResponse<String> hideAsked = olga.submit("/moderate/reports", "/moderate/reports/" + reportId,
                    Map.of("action", "hide", "reason", "Spam"));
            assertEquals(200, hideAsked.statusCode(), hideAsked.body());
            assertTrue(hideAsked.body().contains("Hide the reported posts?"), hideAsked.body());
            assertEquals(1, expect(200, api.get(responses)).path("items").size(), "rosa's reply is still shown");

            // Blocking asks first, on a page that carries the public reason; nothing is blocked or sent until she confirms.
            HttpResponse<String> asked = olga.submit("/moderate/reports", "/moderate/reports/" + reportId,
                    Map.of("action", "block", "reason", "Asks for money in advance"));
            assertEquals(200, asked.statusCode(), asked.body());
            assertTrue(asked.body().contains("Block this account for the community?") && asked.body().contains(rosa.actor()),
                    asked.body());
            assertTrue(weft.server().safety().accounts().blockedBy(communityId(weft, "block3")).isEmpty(), "not yet");
            Map<String, String> confirmation = PageClient.hiddenFields(asked.body(), "/moderate/reports/" + reportId);
            assertEquals("Asks for money in advance", confirmation.get("reason"));
            HttpResponse<String> blocked = olga.post("/moderate/reports/" + reportId, confirmation);
            assertEquals(303, blocked.statusCode(), blocked.body());
            assertEquals(1, weft.server().safety().accounts().blockedBy(communityId(weft, "block3")).size());
            // Confirming twice (the token repeated) is sent on, not refused, and blocks nothing more.
            HttpResponse<String> again = olga.post("/moderate/reports/" + reportId, confirmation);
            assertEquals(303, again.statusCode(), again.body());
            JsonNode block = WaitFor.value("rosa's server receives the Block", () -> rosa.inboxPosts().stream()
                    .map(r -> TestHttp.json(new String(r.getBody(), StandardCharsets.UTF_8)))
                    .filter(j -> "Block".equals(j.path("type").asText())).findFirst().orElse(null));
            assertEquals(rosa.actor(), block.path("object").asText());
            WaitFor.deliveriesDrained(weft);
            assertEquals(1, rosa.inboxPosts().stream().filter(r -> new String(r.getBody(), StandardCharsets.UTF_8)
                    .contains("\"Block\"")).count(), "one Block, not one per submit");
            assertTrue(olga.get("/moderate/reports").body().contains("No open report."));

            String log = new PageClient(weft.base()).get("/moderation-log/block3").body();
            assertTrue(log.contains("Account blocked") && log.contains("Asks for money in advance"), log);
            assertFalse(log.contains("Amina") || log.contains("amina"), "never the reporter");
        }
    }

    /**
     * Amina reports Rosa's reply five times, from fresh forms, in English and in Arabic. She is told, in her language,
     * that her words joined her open report; Olga, an operator, sees one report of it with each of Amina's different
     * words once, one reporter of the account, one open report from this reporter. Forwarded, it reaches Rosa's server
     * as one Flag, and Amina's report after that is not sent again. Zaid's report of the same reply is his own: the
     * account then has two reporters, in English and Arabic.
     */
    @Test
    void aRepeatedReportOfTheSameThingByTheSamePersonCountsOnceAndIsSentOnce() {
        Messages ar = Messages.forLanguage("ar");
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer rosa = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient api = ApiClient.newMember(weft, "amina", "Amina Reporter");
            JsonNode offer = expect(201, api.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "Cool bags to lend", "categories": ["kitchenware"],
                     "kind": "loan"}"""));
            String reply = rosa.fixture("mastodon/create-note-reply.json")
                    .replace(weft.base() + "/proposals/7f3c9a", offer.path("uri").asText());
            assertEquals(202, rosa.deliver(URI.create(weft.base() + "/inbox"), reply).statusCode());
            long responseId = WaitFor.value("rosa's reply", () -> {
                JsonNode items = expect(200, api.get("/proposals/" + offer.path("id").asLong() + "/responses"))
                        .path("items");
                return items.isEmpty() ? null : items.get(0).path("id").asLong();
            });
            String page = URI.create(offer.path("uri").asText()).getPath();
            PageClient amina = new PageClient(weft.base());
            amina.login("amina", PASSWORD);
            List<String> sent = new ArrayList<>();
            for (String comment : List.of("She wants money first", "Again", "She wants money first", "Again")) {
                sent.add(report(amina, page, responseId, comment));
            }
            assertFalse(sent.getFirst().contains("again="), "the first is a new report: " + sent.getFirst());
            assertTrue(sent.stream().skip(1).allMatch(l -> l.contains("again=1")), sent.toString());
            String told = amina.get(sent.get(1)).body();
            assertTrue(told.contains("Added to your report") && told.contains("your words were added to it"), told);
            amina.language("ar");
            String toldInArabic = amina.get(report(amina, page, responseId, "تطلب المال أولًا")).body();
            assertTrue(toldInArabic.contains(ar.get("report.added")) && toldInArabic.contains(ar.get("report.addedTitle")),
                    toldInArabic);

            weft.server().localActors().createMember("olga", "Olga Operator", PASSWORD, false);
            new Operators(weft.server().db()).setAdmin("olga", true);
            PageClient olga = new PageClient(weft.base());
            olga.login("olga", PASSWORD);
            String queue = olga.get("/moderate/reports").body();
            assertEquals(1, queue.split("<section class=\"report\"", -1).length - 1, "one report: " + queue);
            assertEquals(1, queue.split("She wants money first", -1).length - 1, "each of her words once: " + queue);
            assertTrue(queue.contains("Again") && queue.contains("تطلب المال أولًا"), queue);
            assertTrue(queue.contains("1 reporter of this account so far")
                    && queue.contains("1 open report from this reporter"), queue);
            long reportId = weft.server().safety().reports().all(10).getFirst().getId();
            assertEquals(1, weft.server().safety().reports().all(10).size());

            HttpResponse<String> asked = olga.submit("/moderate/reports", "/moderate/reports/" + reportId,
                    Map.of("action", "forward"));
            assertEquals(303, olga.post("/moderate/reports/" + reportId,
                    PageClient.hiddenFields(asked.body(), "/moderate/reports/" + reportId)).statusCode());
            WaitFor.value("rosa's server receives the Flag", () -> flags(rosa).stream().findFirst().orElse(null));
            amina.language("en");
            assertTrue(report(amina, page, responseId, "Still asking").contains("again=1"), "joins the sent one");
            queue = olga.get("/moderate/reports").body();
            assertTrue(queue.contains("Still asking") && !queue.contains("value=\"forward\""), "not offered again: " + queue);
            WaitFor.deliveriesDrained(weft);
            assertEquals(1, flags(rosa).size(), "Rosa's server counts one report");

            weft.server().localActors().createMember("zaid", "Zaid", PASSWORD, false);
            PageClient zaid = new PageClient(weft.base());
            zaid.login("zaid", PASSWORD);
            assertFalse(report(zaid, page, responseId, "Asked me too").contains("again="), "his own report");
            queue = olga.get("/moderate/reports").body();
            assertEquals(2, queue.split("<section class=\"report\"", -1).length - 1, queue);
            assertEquals(2, queue.split("2 different reporters of this account so far", -1).length - 1, queue);
            String inArabic = olga.language("ar").get("/moderate/reports").body();
            assertEquals(2, inArabic.split(ar.get("reports.history", 2), -1).length - 1, inArabic);
            assertEquals(2, inArabic.split(ar.get("reports.fromReporter", 1), -1).length - 1, inArabic);
        }
    }

    /**
     * Bob sends six reports of Amina's offer at the same moment (six tabs, or a script): they take turns, so the
     * moderator's queue shows one report, with each of his words.
     */
    @Test
    void reportsOfTheSameThingSentAtOnceMakeOneReport() throws Exception {
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            weft.server().localActors().createMember("amina", "Amina", PASSWORD, false);
            long bob = weft.server().localActors().createMember("bob", "Bob", PASSWORD, false).getId();
            ProposalEntity offer = weft.server().proposals().service().create("amina", ProposalDraft.builder()
                    .community("block3").purpose(Purpose.OFFER).language("en").title("A pram to lend")
                    .categories("prams").build());
            var reports = weft.server().safety().reports();
            int requests = 6;
            ExecutorService threads = Executors.newFixedThreadPool(requests);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Long>> answers = new ArrayList<>();
                for (int i = 0; i < requests; i++) {
                    String comment = "Words " + i;
                    answers.add(threads.submit(() -> {
                        go.await();
                        return reports.fromMember(bob, offer.getUri(), comment);
                    }));
                }
                go.countDown();
                for (Future<Long> answer : answers) {
                    answer.get(60, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdown();
            }

            weft.server().localActors().createMember("olga", "Olga Operator", PASSWORD, false);
            new Operators(weft.server().db()).setAdmin("olga", true);
            PageClient olga = new PageClient(weft.base());
            olga.login("olga", PASSWORD);
            String queue = olga.get("/moderate/reports").body();
            assertEquals(1, queue.split("<section class=\"report\"", -1).length - 1, "one report: " + queue);
            for (int i = 0; i < requests; i++) {
                assertTrue(queue.contains("Words " + i), queue);
            }
        }
    }

    /**
     * Bob files twenty reports in a minute, about twenty different posts: seventeen in Block 3 and three in Block 4;
     * Zaid files one. Olga, an operator, sees on each of Bob's "20 open reports from this reporter" (in English and
     * Arabic) and on Zaid's one; Mona, who moderates Block 4 only, counts the three she is shown, never the reports
     * she may not see. The reporter is named as before (a member's name), and nowhere else.
     */
    @Test
    void eachReportInTheQueueSaysHowManyOpenReportsItsReporterMade() {
        Messages ar = Messages.forLanguage("ar");
        try (TestServers.Instance weft = TestServers.start()) {
            var actors = weft.server().localActors();
            actors.createGroup("block3", "Block 3", null);
            actors.createGroup("block4", "Block 4", null);
            actors.createMember("amina", "Amina", PASSWORD, false);
            long bob = actors.createMember("bob", "Bob Flooder", PASSWORD, false).getId();
            long zaid = actors.createMember("zaid", "Zaid Neighbour", PASSWORD, false).getId();
            actors.createMember("mona", "Mona", PASSWORD, false);
            weft.server().moderators().add("block4", "mona", Optional.empty());
            actors.createMember("olga", "Olga Operator", PASSWORD, false);
            new Operators(weft.server().db()).setAdmin("olga", true);
            var reports = weft.server().safety().reports();
            for (int i = 0; i < 20; i++) {
                ProposalEntity post = weft.server().proposals().service().create("amina", ProposalDraft.builder()
                        .community(i < 17 ? "block3" : "block4").purpose(Purpose.OFFER).language("en")
                        .title("Pram number " + i).categories("prams").build());
                reports.fromMember(bob, post.getUri(), "Not allowed " + i);
                if (i == 0) {
                    reports.fromMember(zaid, post.getUri(), "Looks odd");
                }
            }

            PageClient olga = new PageClient(weft.base());
            olga.login("olga", PASSWORD);
            String queue = olga.get("/moderate/reports").body();
            assertEquals(21, queue.split("<section class=\"report\"", -1).length - 1, queue);
            assertEquals(20, queue.split("Bob Flooder</bdi> · [^<]* · 20 open reports from this reporter</p>", -1).length - 1,
                    queue);
            assertEquals(1, queue.split("Zaid Neighbour</bdi> · [^<]* · 1 open report from this reporter</p>", -1).length - 1,
                    queue);
            String inArabic = olga.language("ar").get("/moderate/reports").body();
            assertEquals(20, inArabic.split(ar.get("reports.fromReporter", 20), -1).length - 1, inArabic);
            assertEquals(1, inArabic.split(ar.get("reports.fromReporter", 1), -1).length - 1, inArabic);

            PageClient mona = new PageClient(weft.base());
            mona.login("mona", PASSWORD);
            String hers = mona.get("/moderate/reports").body();
            assertEquals(3, hers.split("<section class=\"report\"", -1).length - 1, hers);
            assertEquals(3, hers.split("3 open reports from this reporter", -1).length - 1, hers);
            assertFalse(hers.contains("20 open reports") || hers.contains("Zaid"), "only what she may see: " + hers);
        }
    }

    /** Reports the response from a fresh form on the proposal's page; returns where the report sent the member. */
    private static String report(PageClient member, String page, long responseId, String comment) {
        Map<String, String> form = new HashMap<>(PageClient.hiddenFields(member.get(page).body(), "/report"));
        form.put("response", String.valueOf(responseId));
        form.put("comment", comment);
        HttpResponse<String> reported = member.post("/report", form);
        assertEquals(303, reported.statusCode(), reported.body());
        return reported.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void aMemberReportsAMessageFromTheConversationPage() {
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("block4", "Block 4", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            JsonNode offer = expect(201, amina.post("/proposals", """
                    {"community": "block4", "purpose": "offer", "title": "A spare heater", "categories": ["kitchenware"],
                     "kind": "loan"}"""));
            weft.server().localActors().createMember("zaid", "Zaid", PASSWORD, false);
            long responseId = weft.server().proposals().responses().respond("zaid", offer.path("id").asLong(),
                    "I would like it for the winter").getId();
            expect(201, amina.post("/responses/" + responseId + "/messages", """
                    {"text": "Send me twenty euros first"}"""));

            PageClient zaid = new PageClient(weft.base());
            zaid.login("zaid", PASSWORD);
            String conversation = zaid.get("/conversations/" + responseId).body();
            Map<String, String> form = new HashMap<>(PageClient.hiddenFields(conversation, "/report"));
            assertTrue(form.containsKey("message"), "a report form under amina's message: " + form);
            form.put("comment", "Money before the hand-over");
            HttpResponse<String> reported = zaid.post("/report", form);
            assertEquals(303, reported.statusCode(), reported.body());
            String sent = reported.headers().firstValue("Location").orElseThrow();
            assertTrue(zaid.get(sent).body().contains("<a href=\"/conversations/" + responseId + "\">"),
                    "back to the conversation he reported from: " + sent);

            long reportId = weft.server().safety().reports().all(1).get(0).getId();
            String messageUri = weft.server().db().inTransaction(s -> s.find(ConversationMessageEntity.class,
                    Long.parseLong(form.get("message"))).getUri());
            ReportEntity report = weft.server().db().inTransaction(s -> {
                ReportEntity r = s.find(ReportEntity.class, reportId);
                r.getAccount().getUri();
                return r;
            });
            assertEquals(weft.base() + "/users/amina", report.getAccount().getUri(), "amina's account is reported");
            assertEquals(List.of(messageUri), report.getContentUris());
            assertEquals("Money before the hand-over", report.getComment());
        }
    }

    /**
     * Bob answers Hana's anonymous request; the community's side writes to him, and he reports that message twice (the
     * second time his words join his open report). The moderator's queue shows the message's words (escaped) and whom
     * it went to, never the member behind the request. Hiding it really hides it: Bob's conversation says a moderator
     * removed it, the public log lists it, and the report is closed. A report of a message already hidden hides
     * nothing, and the page says so.
     */
    @Test
    void aModeratorHidesAReportedMessageOfAnAnonymousRequest() {
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient hana = ApiClient.newMember(weft, "hana", "Hana Asker");
            JsonNode request = expect(201, hana.post("/proposals", """
                    {"community": "block3", "purpose": "request", "audience": "anonymous", "title": "A ride to the clinic",
                     "categories": ["kitchenware"], "kind": "gift"}"""));
            weft.server().localActors().createMember("bob", "Bob Helper", PASSWORD, false);
            long responseId = weft.server().proposals().responses().respond("bob", request.path("id").asLong(),
                    "I can drive you").getId();
            expect(201, hana.post("/responses/" + responseId + "/messages", """
                    {"text": "Thanks! Which day suits you? <b>soon</b>"}"""));

            PageClient bob = new PageClient(weft.base());
            bob.login("bob", PASSWORD);
            String conversation = "/conversations/" + responseId;
            assertTrue(bob.get(conversation).body().contains("Which day suits you?"));
            for (String comment : List.of("Not what I asked", "Again")) {
                Map<String, String> form = new HashMap<>(PageClient.hiddenFields(bob.get(conversation).body(), "/report"));
                form.put("comment", comment);
                assertEquals(303, bob.post("/report", form).statusCode());
            }
            List<ReportEntity> reports = weft.server().safety().reports().all(10);
            assertEquals(1, reports.size(), "one report of the same message by the same person");
            assertEquals("Not what I asked\n\nAgain", reports.getFirst().getComment());
            long reportId = reports.getLast().getId();

            weft.server().localActors().createMember("olga", "Olga Operator", PASSWORD, false);
            new Operators(weft.server().db()).setAdmin("olga", true);
            PageClient olga = new PageClient(weft.base());
            olga.login("olga", PASSWORD);
            String queue = olga.get("/moderate/reports").body();
            assertTrue(queue.contains("Thanks! Which day suits you? &lt;b&gt;soon&lt;/b&gt;"), "the words, escaped: " + queue);
            assertTrue(queue.contains("A private message to \u2068Bob Helper\u2069, in the conversation about"
                    + " “\u2068A ride to the clinic\u2069”"), queue);
            assertFalse(queue.contains("Hana") || queue.contains("hana"), "never who asked: " + queue);
            assertFalse(queue.contains("/notes/"), "no address nobody can open");

            HttpResponse<String> asked = olga.submit("/moderate/reports", "/moderate/reports/" + reportId,
                    Map.of("action", "hide", "reason", "Rude"));
            assertEquals(200, asked.statusCode(), asked.body());
            // Asked about a message in a conversation, not about posts on a board.
            assertTrue(asked.body().contains("Hide the reported message?") && asked.body().contains("for both people in the"
                    + " conversation, who can still write to each other") && asked.body().contains("Hide the message"),
                    asked.body());
            assertFalse(asked.body().contains("Hide the reported posts?") || asked.body().contains("they match nothing"),
                    asked.body());
            HttpResponse<String> inArabic = olga.language("ar").submit("/moderate/reports", "/moderate/reports/" + reportId,
                    Map.of("action", "hide", "reason", "Rude"));
            assertTrue(inArabic.body().contains(Messages.forLanguage("ar").get("confirm.hideMessage")), inArabic.body());
            olga.language("en");
            HttpResponse<String> hidden = olga.post("/moderate/reports/" + reportId,
                    PageClient.hiddenFields(asked.body(), "/moderate/reports/" + reportId));
            assertEquals(303, hidden.statusCode(), hidden.body());
            assertTrue(olga.get(hidden.headers().firstValue("Location").orElseThrow()).body().contains("Done."));

            String bobsView = bob.get(conversation).body();
            assertFalse(bobsView.contains("Which day suits you?"), bobsView);
            assertTrue(bobsView.contains("Removed by a moderator."), bobsView);
            assertFalse(bobsView.contains("name=\"message\""), "nothing left to report");
            assertTrue(olga.get("/moderate/reports").body().contains("No open report."), "the second report is closed too");
            assertTrue(weft.server().safety().reports().all(10).stream()
                    .allMatch(r -> r.getState() == ReportEntity.State.RESOLVED));
            String log = new PageClient(weft.base()).get("/moderation-log/block3").body();
            assertTrue(log.contains("Post hidden") && log.contains("Rude"), log);
            assertFalse(log.contains("Hana") || log.contains("Bob"), log);

            // A report that comes after the message is hidden: hiding again changes nothing, and is not called done.
            String messageUri = reports.getLast().getContentUris().getFirst();
            long late = weft.server().safety().reports().fromMember(bobId(weft), messageUri, "late");
            HttpResponse<String> again = olga.post("/moderate/reports/" + late, PageClient.hiddenFields(
                    olga.submit("/moderate/reports", "/moderate/reports/" + late, Map.of("action", "hide")).body(),
                    "/moderate/reports/" + late));
            assertEquals(303, again.statusCode(), again.body());
            String after = olga.get(again.headers().firstValue("Location").orElseThrow()).body();
            assertTrue(after.contains("Nothing was hidden") && !after.contains("Done."), after);
            assertTrue(after.contains("id=\"report-" + late + "\""), "the late report stays open");
            assertEquals(1, new PageClient(weft.base()).get("/moderation-log/block3").body().split("Post hidden", -1).length - 1,
                    "one line in the log");
        }
    }

    /**
     * Hana posts an anonymous request and, under her name, an offer; Carla reports the request, Bob and Zaid the offer.
     * The queue shows the offer's reports with her address and her history, which counts the two reporters of her
     * named offer only: Carla's report of the anonymous request counted there would tell the moderator, who sees it
     * listed beside them, who asked. The anonymous request's report is still in the queue, naming nobody.
     */
    @Test
    void anAnonymousRequestsReportIsLeftOutOfItsAuthorsHistory() {
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient hana = ApiClient.newMember(weft, "hana", "Hana Asker");
            JsonNode request = expect(201, hana.post("/proposals", """
                    {"community": "block3", "purpose": "request", "audience": "anonymous", "title": "A ride to the clinic",
                     "categories": ["kitchenware"], "kind": "gift"}"""));
            JsonNode offer = expect(201, hana.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "audience": "public", "title": "A spare kettle",
                     "categories": ["kitchenware"], "kind": "gift"}"""));
            weft.server().localActors().createMember("bob", "Bob Helper", PASSWORD, false);
            long carla = weft.server().localActors().createMember("carla", "Carla", PASSWORD, false).getId();
            long zaid = weft.server().localActors().createMember("zaid", "Zaid", PASSWORD, false).getId();
            var reports = weft.server().safety().reports();
            long anonymousReport = reports.fromMember(carla, request.path("uri").asText(), "Not a real request");
            reports.fromMember(bobId(weft), offer.path("uri").asText(), "Wants money for it");
            reports.fromMember(zaid, offer.path("uri").asText(), "Wants money");

            weft.server().localActors().createMember("olga", "Olga Operator", PASSWORD, false);
            new Operators(weft.server().db()).setAdmin("olga", true);
            PageClient olga = new PageClient(weft.base());
            olga.login("olga", PASSWORD);
            String queue = olga.get("/moderate/reports").body();
            String hers = weft.base() + "/users/hana";
            assertEquals(2, queue.split("<code dir=\"ltr\">" + hers + "</code> · 2 different reporters of this account so far",
                    -1).length - 1, "each named report counts the two reporters of her named offer: " + queue);
            assertFalse(queue.contains("3 different reporters"), queue);
            String anonymousItem = queue.substring(queue.indexOf("id=\"report-" + anonymousReport + "\""));
            anonymousItem = anonymousItem.substring(0, anonymousItem.indexOf("</section>"));
            assertTrue(anonymousItem.contains("the member who posted an anonymous request (not named here)")
                    && anonymousItem.contains("A ride to the clinic"), anonymousItem);
            assertFalse(anonymousItem.contains(hers) || anonymousItem.contains("reporters of this account"), anonymousItem);
        }
    }

    /**
     * The public moderation log, as a visitor reads it, never names the member behind a reported anonymous request. A
     * block from its report (a form sent by hand: the queue offers none for a member of this server) is refused, in the
     * moderator's language, and writes nothing; hiding the request writes one line, naming the post by its own address.
     */
    @Test
    void thePublicLogNamesNobodyBehindAReportedAnonymousRequest() {
        Messages ar = Messages.forLanguage("ar");
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient hana = ApiClient.newMember(weft, "hana", "Hana Asker");
            JsonNode request = expect(201, hana.post("/proposals", """
                    {"community": "block3", "purpose": "request", "audience": "anonymous", "title": "A ride to the clinic",
                     "categories": ["kitchenware"], "kind": "gift"}"""));
            weft.server().localActors().createMember("bob", "Bob Helper", PASSWORD, false);
            long reportId = weft.server().safety().reports().fromMember(bobId(weft), request.path("uri").asText(), "Rude");
            weft.server().localActors().createMember("olga", "Olga Operator", PASSWORD, false);
            new Operators(weft.server().db()).setAdmin("olga", true);
            PageClient olga = new PageClient(weft.base()).language("ar");
            olga.login("olga", PASSWORD);
            String item = olga.get("/moderate/reports").body();
            assertFalse(item.contains("value=\"block\""), "no block offered: " + item);

            HttpResponse<String> blocked = olga.submit("/moderate/reports", "/moderate/reports/" + reportId,
                    Map.of("action", "block", "reason", "Not allowed here", "confirm", "yes"));
            assertEquals(400, blocked.statusCode(), blocked.body());
            assertTrue(blocked.body().contains(ar.get("error.block_account_local")), blocked.body());
            assertTrue(weft.server().safety().accounts().blockedBy(communityId(weft, "block3")).isEmpty(), "no block");
            String log = new PageClient(weft.base()).get("/moderation-log/block3").body();
            assertTrue(log.contains("No moderation action yet."), "nothing was done, so nothing is logged: " + log);

            HttpResponse<String> hidden = olga.submit("/moderate/reports", "/moderate/reports/" + reportId,
                    Map.of("action", "hide", "reason", "Not allowed here", "confirm", "yes"));
            assertEquals(303, hidden.statusCode(), hidden.body());
            log = new PageClient(weft.base()).get("/moderation-log/block3").body();
            assertTrue(log.contains("Post hidden") && log.contains(request.path("uri").asText()), log);
            assertFalse(log.contains("Account blocked"), log);
            assertFalse(log.contains("/users/hana") || log.contains("Hana"), "never the member who asked: " + log);
            String json = new PageClient(weft.base()).get("/moderation-log/block3?format=json").body();
            assertFalse(json.contains("/users/hana") || json.contains("account_blocked"), json);
        }
    }

    /**
     * A report names a response or a message by its number, so it is taken only from someone who may read it. Oksana,
     * a bystander reading Persian, probing with the number of Bob's answer to Hana's anonymous request, of Hana's
     * private message to him, and of ones that do not exist, asking and confirming, gets the same 404 each time, in her
     * language: nothing is stored and the moderators' queue stays empty. Under Rosa's public answer to Amina's offer,
     * which she reads, she may report; Bob, in the conversation, may report the message.
     */
    @Test
    void onlyWhoMayReadAResponseOrMessageMayReportIt() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer rosa = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block6", "Block 6", null);
            ApiClient hana = ApiClient.newMember(weft, "hana", "Hana Asker");
            JsonNode request = expect(201, hana.post("/proposals", """
                    {"community": "block6", "purpose": "request", "audience": "anonymous", "title": "A ride to the clinic",
                     "categories": ["kitchenware"], "kind": "gift"}"""));
            weft.server().localActors().createMember("bob", "Bob Helper", PASSWORD, false);
            long secret = weft.server().proposals().responses().respond("bob", request.path("id").asLong(),
                    "I can drive you").getId();
            expect(201, hana.post("/responses/" + secret + "/messages", """
                    {"text": "Thanks! Which day suits you?"}"""));
            ApiClient aminaApi = ApiClient.newMember(weft, "amina", "Amina");
            JsonNode offer = expect(201, aminaApi.post("/proposals", """
                    {"community": "block6", "purpose": "offer", "title": "A pram to lend", "categories": ["prams"],
                     "kind": "loan"}"""));
            String reply = rosa.fixture("mastodon/create-note-reply.json")
                    .replace(weft.base() + "/proposals/7f3c9a", offer.path("uri").asText());
            assertEquals(202, rosa.deliver(URI.create(weft.base() + "/inbox"), reply).statusCode());
            String offerPage = URI.create(offer.path("uri").asText()).getPath();
            WaitFor.value("rosa's public answer", () -> !expect(200, aminaApi.get("/proposals/"
                    + offer.path("id").asLong() + "/responses")).path("items").isEmpty() ? true : null);

            PageClient bob = new PageClient(weft.base());
            bob.login("bob", PASSWORD);
            String conversation = "/conversations/" + secret;
            Map<String, String> bobsForm = new HashMap<>(PageClient.hiddenFields(bob.get(conversation).body(), "/report"));
            String message = bobsForm.get("message");
            assertTrue(message != null && !message.isBlank(), "a report form under Hana's message: " + bobsForm);

            weft.server().localActors().createMember("oksana", "Oksana", PASSWORD, false);
            PageClient oksana = new PageClient(weft.base()).language("fa");
            oksana.login("oksana", PASSWORD);
            weft.server().localActors().createMember("olga", "Olga Operator", PASSWORD, false);
            new Operators(weft.server().db()).setAdmin("olga", true);
            PageClient olga = new PageClient(weft.base());
            olga.login("olga", PASSWORD);
            String notFound = Messages.forLanguage("fa").get("error.notFound");
            for (Map<String, String> item : List.of(Map.of("response", String.valueOf(secret)), Map.of("message", message),
                    Map.of("response", "999999"), Map.of("message", "999999"))) {
                for (boolean confirming : new boolean[] {false, true}) {
                    Map<String, String> probe = new HashMap<>(item);
                    probe.put("comment", "Looks odd");
                    if (confirming) {
                        probe.put("confirm", "yes");
                    }
                    HttpResponse<String> probed = oksana.submit(offerPage, "/report", probe);
                    assertEquals(404, probed.statusCode(), probe + ": " + probed.body());
                    assertTrue(probed.body().contains(notFound), "the not-found page, in Persian: " + probed.body());
                }
            }
            assertTrue(weft.server().safety().reports().all(10).isEmpty(), "no report stored");
            assertTrue(olga.get("/moderate/reports").body().contains("No open report."), "the moderators' queue is empty");

            // What she reads she may report: Rosa's public answer under Amina's offer.
            String offerSeen = oksana.get(offerPage).body();
            assertTrue(offerSeen.contains("Thursday slot"), "she reads rosa's public answer: " + offerSeen);
            Map<String, String> publicForm = new HashMap<>(PageClient.hiddenFields(offerSeen, "/report"));
            assertTrue(publicForm.containsKey("response"), "the report form under the answer: " + publicForm);
            publicForm.put("comment", "Wants money first");
            assertEquals(303, oksana.post("/report", publicForm).statusCode());
            // And Bob, in the conversation, may report Hana's message.
            bobsForm.put("comment", "Not what I asked");
            assertEquals(303, bob.post("/report", bobsForm).statusCode());
            assertEquals(2, weft.server().safety().reports().all(10).size(), "both reports stored");
        }
    }

    /**
     * A proposal is reported only by someone its page is shown to: oksana, reading Ukrainian, probes by address one
     * waiting for a moderator, one a moderator hid, one withdrawn and one deleted, as well as a made-up address, by the
     * form and by GET: each time the same not-found page in Ukrainian, nothing stored, the moderators' queue empty. An
     * open one and a community-only one, whose pages she reads, she may report.
     */
    @Test
    void onlyWhoMayReadAProposalMayReportIt() {
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("block7", "Block 7", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            Map<String, JsonNode> posted = new LinkedHashMap<>();
            for (String title : List.of("Held pram", "Hidden pram", "Withdrawn pram", "Deleted pram", "Open pram")) {
                posted.put(title, expect(201, amina.post("/proposals", """
                        {"community": "block7", "purpose": "offer", "title": "%s", "categories": ["prams"],
                         "kind": "loan"}""".formatted(title))));
            }
            JsonNode communityOnly = expect(201, amina.post("/proposals", """
                    {"community": "block7", "purpose": "offer", "title": "Members' pram", "categories": ["prams"],
                     "kind": "loan", "audience": "community"}"""));
            weft.server().db().inTransaction(s -> {
                s.find(ProposalEntity.class, posted.get("Held pram").path("id").asLong())
                        .setModeration(ProposalEntity.Moderation.PENDING);
                s.find(ProposalEntity.class, posted.get("Hidden pram").path("id").asLong())
                        .setModeration(ProposalEntity.Moderation.REJECTED);
                return null;
            });
            expect(200, amina.post("/proposals/" + posted.get("Withdrawn pram").path("id").asLong() + "/status",
                    "{\"status\": \"withdrawn\"}"));
            expect(204, amina.delete("/proposals/" + posted.get("Deleted pram").path("id").asLong()));

            weft.server().localActors().createMember("oksana", "Oksana", PASSWORD, false);
            PageClient oksana = new PageClient(weft.base()).language("uk");
            oksana.login("oksana", PASSWORD);
            weft.server().localActors().createMember("olga", "Olga Operator", PASSWORD, false);
            new Operators(weft.server().db()).setAdmin("olga", true);
            PageClient olga = new PageClient(weft.base());
            olga.login("olga", PASSWORD);
            String openPage = URI.create(posted.get("Open pram").path("uri").asText()).getPath();
            String notFound = Messages.forLanguage("uk").get("error.notFound");
            List<String> hidden = List.of(posted.get("Held pram").path("uri").asText(),
                    posted.get("Hidden pram").path("uri").asText(), posted.get("Withdrawn pram").path("uri").asText(),
                    posted.get("Deleted pram").path("uri").asText(), weft.base() + "/proposals/999999");
            for (String uri : hidden) {
                for (boolean confirming : new boolean[] {false, true}) {
                    Map<String, String> probe = new HashMap<>(Map.of("proposal", uri, "comment", "Looks odd"));
                    if (confirming) {
                        probe.put("confirm", "yes");
                    }
                    HttpResponse<String> probed = oksana.submit(openPage, "/report", probe);
                    assertEquals(404, probed.statusCode(), uri + ": " + probed.body());
                    assertTrue(probed.body().contains(notFound), "the not-found page, in Ukrainian: " + probed.body());
                }
                HttpResponse<String> asked = oksana.get("/report?proposal="
                        + URLEncoder.encode(uri, StandardCharsets.UTF_8));
                assertEquals(404, asked.statusCode(), "GET " + uri);
                assertTrue(asked.body().contains(notFound), asked.body());
            }
            assertTrue(weft.server().safety().reports().all(10).isEmpty(), "no report stored");
            assertTrue(olga.get("/moderate/reports").body().contains("No open report."), "the moderators' queue is empty");

            for (JsonNode readable : List.of(posted.get("Open pram"), communityOnly)) {
                HttpResponse<String> reported = oksana.submit(openPage, "/report",
                        Map.of("proposal", readable.path("uri").asText(), "comment", "Wants money first"));
                assertEquals(303, reported.statusCode(), reported.body());
            }
            assertEquals(2, weft.server().safety().reports().all(10).size(), "both reports stored");
        }
    }

    /**
     * Refusals say why, in the reader's language, and change nothing: zaid (reading Arabic) cannot report his own
     * offer; an operator cannot forward a report about a member of this server, because there is no other server.
     */
    @Test
    void refusalsAreExplainedInTheReadersLanguageAndStoreNothing() {
        Messages ar = Messages.forLanguage("ar");
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("block5", "Block 5", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            JsonNode hers = expect(201, amina.post("/proposals", """
                    {"community": "block5", "purpose": "offer", "title": "A pram to lend", "categories": ["kitchenware"],
                     "kind": "loan"}"""));
            ApiClient zaidApi = ApiClient.newMember(weft, "zaid", "Zaid");
            JsonNode his = expect(201, zaidApi.post("/proposals", """
                    {"community": "block5", "purpose": "offer", "title": "Winter boots", "categories": ["kitchenware"],
                     "kind": "gift"}"""));

            PageClient zaid = new PageClient(weft.base()).language("ar");
            zaid.login("zaid", PASSWORD);
            Map<String, String> form = new HashMap<>(PageClient.hiddenFields(
                    zaid.get(URI.create(hers.path("uri").asText()).getPath()).body(), "/report"));
            form.put("proposal", his.path("uri").asText());
            form.put("comment", "mine");
            HttpResponse<String> own = zaid.post("/report", form);
            assertEquals(400, own.statusCode(), own.body());
            assertTrue(own.body().contains(ar.get("error.report_own")), own.body());
            assertTrue(weft.server().safety().reports().all(10).isEmpty(), "nothing stored");

            form = new HashMap<>(PageClient.hiddenFields(zaid.get(URI.create(hers.path("uri").asText()).getPath()).body(),
                    "/report"));
            form.put("comment", "Asks for money");
            assertEquals(303, zaid.post("/report", form).statusCode());
            long reportId = weft.server().safety().reports().all(1).get(0).getId();

            weft.server().localActors().createMember("olga", "Olga Operator", PASSWORD, false);
            new Operators(weft.server().db()).setAdmin("olga", true);
            PageClient olga = new PageClient(weft.base()).language("ar");
            olga.login("olga", PASSWORD);
            HttpResponse<String> forward = olga.submit("/moderate/reports", "/moderate/reports/" + reportId,
                    Map.of("action", "forward", "confirm", "yes"));
            assertEquals(400, forward.statusCode(), forward.body());
            assertTrue(forward.body().contains(ar.get("error.report_forward_local")), forward.body());
            assertFalse(forward.body().contains("nowhere to forward"), "no English developer text");
            assertEquals(1, weft.server().safety().reports().openFor(olgaId(weft)).size(), "the report stays open");
        }
    }

    private static List<JsonNode> flags(MastodonPeer peer) {
        return peer.inboxPosts().stream().map(r -> TestHttp.json(new String(r.getBody(), StandardCharsets.UTF_8)))
                .filter(j -> "Flag".equals(j.path("type").asText())).toList();
    }

    private static long bobId(TestServers.Instance weft) {
        return weft.server().db().inTransaction(s -> ActorRepository.local(s, ActorKind.PERSON, "bob").orElseThrow().getId());
    }

    private static long olgaId(TestServers.Instance weft) {
        return weft.server().db().inTransaction(s -> ActorRepository.local(s, ActorKind.PERSON, "olga").orElseThrow().getId());
    }
}
