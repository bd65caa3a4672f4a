package org.weft.server.federation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.vocab.Activity;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.account.Operators;
import org.weft.server.domain.moderation.Reports;
import org.weft.server.model.ModerationActionKind;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.ModerationActionEntity;
import org.weft.server.persistence.ReportEntity;
import org.weft.server.testing.IndependentRfc9421;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.server.ui.PageClient;
import org.weft.web.i18n.Messages;

/**
 * Reports across servers: a Mastodon-shaped {@code Flag} (the instance actor, the account and a post, a comment) makes
 * a report for the community's moderators; a member's report of a Mastodon reply, forwarded, reaches Mastodon's inbox as
 * a {@code Flag} signed by Weft's instance actor that names no member of Weft; hiding the reply takes it off the
 * proposal, and the public log shows both actions and never the reporter.
 */
class ReportFederationTest {
    private static final String PASSWORD = "a long enough password";

    @Test
    void aMastodonFlagMakesAReport() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            JsonNode offer = aminasOffer(weft, mastodon);
            String flag = flagOf(weft, mastodon, offer);

            assertEquals(202, deliverAsInstance(mastodon, weft, flag));
            WaitFor.inboundDone(weft, TestHttp.json(flag).path("id").asText());

            List<ReportEntity> reports = weft.server().safety().reports().all(10);
            assertEquals(1, reports.size());
            ReportEntity report = reports.get(0);
            assertEquals(weft.base() + "/users/amina", report.getAccount().getUri());
            assertEquals("block3", report.getCommunity().getUsername());
            assertEquals(List.of(offer.path("uri").asText()), report.getContentUris());
            assertEquals("This account keeps asking people for money in advance.", report.getComment());
            assertEquals(mastodon.origin() + "/actor", report.getReporterUri());
            long operator = weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, "amina")
                    .orElseThrow().getId());
            assertTrue(weft.server().safety().reports().openFor(operator).isEmpty(), "amina moderates nothing");
        }
    }

    /**
     * Mastodon sends its report about Amina's offer three times while it is open here: a second Flag with other words,
     * and a third with the second's words again. Olga, an operator here, sees one report from that server, with each of its words once and
     * one reporter of the account, in English and Arabic. A Flag about the account alone is another report. Once the
     * first is dismissed, a Flag about the offer again is a new report.
     */
    @Test
    void aRepeatedFlagFromTheSameServerJoinsItsOpenReport() {
        Messages ar = Messages.forLanguage("ar");
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            JsonNode offer = aminasOffer(weft, mastodon);
            String first = flagOf(weft, mastodon, offer);
            String firstId = TestHttp.json(first).path("id").asText();
            String second = first.replace(firstId, firstId + "-2")
                    .replace("This account keeps asking people for money in advance.", "Now she asks for a deposit.");
            String secondAgain = second.replace(firstId + "-2", firstId + "-3");
            for (String flag : List.of(first, second, secondAgain)) {
                assertEquals(202, deliverAsInstance(mastodon, weft, flag));
                WaitFor.inboundDone(weft, TestHttp.json(flag).path("id").asText());
            }

            weft.server().localActors().createMember("olga", "Olga Operator", PASSWORD, false);
            new Operators(weft.server().db()).setAdmin("olga", true);
            PageClient olga = new PageClient(weft.base());
            olga.login("olga", PASSWORD);
            String queue = olga.get("/moderate/reports").body();
            assertEquals(1, sections(queue), "one report from that server: " + queue);
            assertEquals(1, queue.split("money in advance", -1).length - 1, queue);
            assertEquals(1, queue.split("Now she asks for a deposit.", -1).length - 1, queue);
            // The server's name is isolated left to right: inside an Arabic sentence too it reads as written.
            String server = Messages.isolateLeftToRight(URI.create(mastodon.origin()).getAuthority());
            assertTrue(queue.contains("1 reporter of this account so far") && queue.contains("1 open report from this"
                    + " reporter") && queue.contains("someone on " + server), queue);
            String inArabic = olga.language("ar").get("/moderate/reports").body();
            assertTrue(inArabic.contains(ar.get("reports.history", 1)), inArabic);
            assertTrue(inArabic.contains(ar.get("reports.fromServer", server)), inArabic);
            olga.language("en");

            String aboutTheAccount = first.replace(firstId, firstId + "-4")
                    .replace(",\n    \"" + offer.path("uri").asText() + "\"", "");
            assertEquals(202, deliverAsInstance(mastodon, weft, aboutTheAccount));
            WaitFor.inboundDone(weft, firstId + "-4");
            assertEquals(2, sections(olga.get("/moderate/reports").body()), "the account alone is another report");

            long reportId = weft.server().safety().reports().all(10).getLast().getId();
            weft.server().safety().reports().dismiss(reportId, Optional.empty());
            String later = first.replace(firstId, firstId + "-5");
            assertEquals(202, deliverAsInstance(mastodon, weft, later));
            WaitFor.inboundDone(weft, firstId + "-5");
            assertEquals(2, sections(olga.get("/moderate/reports").body()), "after a dismissal, a new report");
            assertEquals(3, weft.server().safety().reports().all(10).size());
        }
    }

    /**
     * Six Flags from one server about the same offer, each with its own words, taken at the same moment (the inbound
     * worker runs activities side by side): they take turns on the account's row, so the moderators find one report
     * from that server holding each Flag's words once, not several reports of one thing.
     */
    @Test
    void flagsTakenAtTheSameMomentMakeOneReport() throws Exception {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            JsonNode offer = aminasOffer(weft, mastodon);
            String flag = flagOf(weft, mastodon, offer);
            String flagId = TestHttp.json(flag).path("id").asText();
            Reports reports = weft.server().safety().reports();
            int atOnce = 6;
            ExecutorService threads = Executors.newFixedThreadPool(atOnce);
            try {
                CountDownLatch ready = new CountDownLatch(atOnce);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Optional<Long>>> taken = new ArrayList<>();
                for (int i = 0; i < atOnce; i++) {
                    Activity activity = Activity.fromJson(
                            TestHttp.json(flag.replace(flagId, flagId + "-" + i)
                                    .replace("This account keeps asking people for money in advance.", "Words " + i)));
                    taken.add(threads.submit(() -> {
                        ready.countDown();
                        go.await();
                        return reports.fromFlag(activity);
                    }));
                }
                assertTrue(ready.await(20, TimeUnit.SECONDS));
                go.countDown();
                for (Future<Optional<Long>> f : taken) {
                    assertTrue(f.get(60, TimeUnit.SECONDS).isPresent(), "each Flag names the offer");
                }
            } finally {
                threads.shutdownNow();
            }
            List<ReportEntity> all = reports.all(10);
            assertEquals(1, all.size(), "one report from that server");
            for (int i = 0; i < atOnce; i++) {
                String words = "Words " + i;
                assertEquals(1, all.getFirst().getComment().split(words, -1).length - 1, all.getFirst().getComment());
            }
        }
    }

    /** Block 3 with Amina's offer, and Mastodon's instance actor served (it signs Mastodon's Flags); the offer. */
    private static JsonNode aminasOffer(TestServers.Instance weft, MastodonPeer mastodon) {
        weft.server().localActors().createGroup("block3", "Block 3", null);
        ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
        JsonNode offer = expect(201, amina.post("/proposals", """
                {"community": "block3", "purpose": "offer", "title": "Cool bags to lend", "categories": ["kitchenware"],
                 "kind": "loan"}"""));
        mastodon.wireMock().stubFor(get(urlPathEqualTo("/actor")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/activity+json; charset=utf-8")
                .withBody(mastodon.fixture("mastodon/moderation-and-polls/actor-instance.json"))));
        return offer;
    }

    /** Mastodon's Flag of {@code offer}: the account and the post, with a comment (its fixture, re-aimed). */
    private static String flagOf(TestServers.Instance weft, MastodonPeer mastodon, JsonNode offer) {
        return mastodon.fixture("mastodon/moderation-and-polls/flag.json")
                .replace(weft.base() + "/proposals/7f3c9a", offer.path("uri").asText());
    }

    private static int sections(String queue) {
        return queue.split("<section class=\"report\"", -1).length - 1;
    }

    @Test
    void aForwardedReportIsAFlagFromTheInstanceNamingNoMember() throws Exception {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            JsonNode offer = expect(201, amina.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "Cool bags to lend", "categories": ["kitchenware"],
                     "kind": "loan"}"""));
            String responses = "/proposals/" + offer.path("id").asLong() + "/responses";
            String reply = mastodon.fixture("mastodon/create-note-reply.json")
                    .replace(weft.base() + "/proposals/7f3c9a", offer.path("uri").asText());
            String replyId = TestHttp.json(reply).path("object").path("id").asText();
            assertEquals(202, mastodon.deliver(URI.create(weft.base() + "/inbox"), reply).statusCode());
            WaitFor.condition("rosa's reply reaches amina", () -> expect(200, amina.get(responses)).path("items").size() == 1);

            long aminaId = weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, "amina").orElseThrow()
                    .getId());
            long reportId = weft.server().safety().reports().fromMember(aminaId, replyId, "She asked me to pay first");
            // Two moderators press "Send to their server" at the same moment (and a double tap or two): one Flag goes.
            assertEquals(1, forwardedAtOnce(weft, reportId, 6), "one of the requests sends it, the others say it was sent");

            LoggedRequest sent = WaitFor.value("the Flag reaches Mastodon", () -> mastodon.inboxPosts().stream()
                    .filter(r -> "Flag".equals(json(r).path("type").asText())).findFirst().orElse(null));
            WaitFor.deliveriesDrained(weft);
            assertEquals(1, mastodon.inboxPosts().stream().filter(r -> "Flag".equals(json(r).path("type").asText()))
                    .count(), "Mastodon gets the report once");
            JsonNode flag = json(sent);
            String instance = weft.base() + "/actor";
            assertEquals(instance, flag.path("actor").asText());
            assertEquals(List.of(mastodon.rosa(), replyId), List.of(flag.path("object").get(0).asText(),
                    flag.path("object").get(1).asText()));
            assertEquals("She asked me to pay first", flag.path("content").asText());
            String body = new String(sent.getBody(), StandardCharsets.UTF_8);
            assertFalse(body.contains("amina"), "no member of Weft is named: " + body);
            assertFalse(body.contains(offer.path("uri").asText()), "nor her proposal");
            assertEquals(instance + "#main-key", IndependentRfc9421.keyIdOf(sent::getHeader));
            JsonNode published = TestHttp.activityJson(instance);
            assertTrue(IndependentRfc9421.verify("POST", URI.create(sent.getAbsoluteUrl()), sent::getHeader,
                    sent.getHeader("Signature-Input"), sent.getHeader("Signature"),
                    MastodonFollowTest.publicKey(published.path("publicKey").path("publicKeyPem").asText())),
                    "signed by the instance actor's published key");

            assertEquals(1, weft.server().safety().reports().hideContent(reportId, Optional.empty(), "Scam"));
            assertEquals(0, expect(200, amina.get(responses)).path("items").size(), "the reply is hidden");

            long community = weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, "block3").orElseThrow()
                    .getId());
            List<ModerationActionEntity> log = weft.server().safety().log().forCommunity(community);
            assertEquals(List.of(ModerationActionKind.POST_HIDDEN, ModerationActionKind.REPORT_FORWARDED),
                    log.stream().map(ModerationActionEntity::getKind).toList());
            assertTrue(log.stream().noneMatch(l -> (l.getTarget() + l.getReason()).contains("amina")
                    || l.getModeratorId() != null && l.getModeratorId() == aminaId), "never the reporter");
        }
    }

    /**
     * An operator forwards a report from the queue with a public reason: the log (page and JSON) keeps the reason, the
     * queue says when and where it went and no longer offers to send it, and the report stays open for what is decided
     * here. Sending it again (a fresh form, confirmed, from a page opened before) sends nothing, logs nothing, and says
     * so: the account's server receives one Flag.
     */
    @Test
    void aReportIsForwardedOnceWithItsPublicReason() {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer mastodon = new MastodonPeer(weft.base())) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            JsonNode offer = expect(201, amina.post("/proposals", """
                    {"community": "block3", "purpose": "offer", "title": "Cool bags to lend", "categories": ["kitchenware"],
                     "kind": "loan"}"""));
            String reply = mastodon.fixture("mastodon/create-note-reply.json")
                    .replace(weft.base() + "/proposals/7f3c9a", offer.path("uri").asText());
            String replyId = TestHttp.json(reply).path("object").path("id").asText();
            assertEquals(202, mastodon.deliver(URI.create(weft.base() + "/inbox"), reply).statusCode());
            WaitFor.condition("rosa's reply reaches amina", () -> expect(200, amina.get("/proposals/"
                    + offer.path("id").asLong() + "/responses")).path("items").size() == 1);
            long aminaId = weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, "amina").orElseThrow()
                    .getId());
            long reportId = weft.server().safety().reports().fromMember(aminaId, replyId, "She asked me to pay first");

            weft.server().localActors().createMember("olga", "Olga Operator", PASSWORD, false);
            new Operators(weft.server().db()).setAdmin("olga", true);
            PageClient olga = new PageClient(weft.base());
            olga.login("olga", PASSWORD);
            String action = "/moderate/reports/" + reportId;
            Map<String, String> staleForm = new HashMap<>(PageClient.hiddenFields(olga.get("/moderate/reports").body(), action));
            String reason = "Possible scam / احتيال محتمل";
            HttpResponse<String> asked = olga.submit("/moderate/reports", action, Map.of("action", "forward", "reason", reason));
            assertEquals(200, asked.statusCode(), asked.body());
            assertEquals(303, olga.post(action, PageClient.hiddenFields(asked.body(), action)).statusCode());

            JsonNode log = TestHttp.json(new PageClient(weft.base()).get("/moderation-log/block3?format=json").body());
            assertEquals("report_forwarded", log.path("items").get(0).path("kind").asText());
            assertEquals(reason, log.path("items").get(0).path("reason").asText(), log.toString());
            assertTrue(new PageClient(weft.base()).get("/moderation-log/block3").body().contains(reason), "the page too");

            String host = URI.create(mastodon.rosa()).getAuthority();
            String queue = olga.get("/moderate/reports").body();
            assertTrue(queue.contains("id=\"report-" + reportId + "\""), "still open: " + queue);
            assertTrue(queue.contains("Sent to \u2066" + host + "\u2069 on "), queue);
            assertFalse(queue.contains("value=\"forward\""), "not offered again: " + queue);

            staleForm.put("action", "forward");
            staleForm.put("confirm", "yes");
            HttpResponse<String> again = olga.post(action, staleForm);
            assertEquals(303, again.statusCode(), again.body());
            String said = olga.get(again.headers().firstValue("Location").orElseThrow()).body();
            assertTrue(said.contains("This report had already been sent to its server; nothing was sent again."), said);
            HttpResponse<String> askedAgain = olga.submit("/moderate/reports", action, Map.of("action", "forward"));
            assertEquals(303, askedAgain.statusCode(), "not asked again: " + askedAgain.body());

            WaitFor.deliveriesDrained(weft);
            assertEquals(1, mastodon.inboxPosts().stream().filter(r -> "Flag".equals(json(r).path("type").asText()))
                    .count(), "the account's server receives one Flag");
            assertEquals(1, TestHttp.json(new PageClient(weft.base()).get("/moderation-log/block3?format=json").body())
                    .path("items").size(), "logged once");
        }
    }

    private static int deliverAsInstance(MastodonPeer mastodon, TestServers.Instance weft, String json) {
        return mastodon.deliver(URI.create(weft.base() + "/inbox"), json.getBytes(StandardCharsets.UTF_8),
                ZonedDateTime.now(), MastodonPeer.privateKey("keys/mastodon-instance.pem"),
                mastodon.origin() + "/actor#main-key").statusCode();
    }

    private static JsonNode json(LoggedRequest r) {
        return TestHttp.json(new String(r.getBody(), StandardCharsets.UTF_8));
    }

    /** Forwards the report from {@code requests} threads released together; returns how many said they sent it. */
    private static long forwardedAtOnce(TestServers.Instance weft, long reportId, int requests) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Reports.Forwarding>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(threads.submit(() -> {
                    go.await();
                    return weft.server().safety().reports().forward(reportId, Optional.empty(), null);
                }));
            }
            go.countDown();
            long sentNow = 0;
            for (Future<Reports.Forwarding> answer : answers) {
                sentNow += answer.get(60, TimeUnit.SECONDS).sentNow() ? 1 : 0;
            }
            return sentNow;
        } finally {
            threads.shutdown();
        }
    }
}
