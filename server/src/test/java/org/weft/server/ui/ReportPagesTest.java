package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.weft.server.api.ApiClient.expect;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.domain.account.Operators;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;

/**
 * The report path through the pages, as people use it: amina reports rosa's reply from her proposal's page; Olga, an
 * operator, finds it in the reports queue with the reply's text and amina's name, blocks rosa for the community; rosa's
 * server receives the Block, the queue is empty again, and the public log shows the block and not amina. Someone who
 * moderates nothing sees an empty queue and cannot act on the report (403, nothing changes).
 */
class ReportPagesTest {
    private static final String PASSWORD = "a long enough password";

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
            HttpResponse<String> reported = amina.submit(page, "/report", Map.of("response", String.valueOf(responseId),
                    "comment", "She wants money first"));
            assertEquals(200, reported.statusCode(), reported.body());
            assertTrue(reported.body().contains("Report sent"));

            weft.server().localActors().createMember("mo", "Mo Nobody", PASSWORD, false);
            PageClient mo = new PageClient(weft.base());
            mo.login("mo", PASSWORD);
            assertTrue(mo.get("/moderate/reports").body().contains("No open report."), "mo moderates nothing");
            long reportId = weft.server().safety().reports().all(1).get(0).getId();
            HttpResponse<String> refused = mo.submit("/moderate/reports", "/moderate/reports/" + reportId,
                    Map.of("action", "block", "reason", "x"));
            assertEquals(403, refused.statusCode());

            weft.server().localActors().createMember("olga", "Olga Operator", PASSWORD, false);
            new Operators(weft.server().db()).setAdmin("olga", true);
            PageClient olga = new PageClient(weft.base());
            olga.login("olga", PASSWORD);
            String queue = olga.get("/moderate/reports").body();
            assertTrue(queue.contains(rosa.actor()) && queue.contains("She wants money first") && queue.contains("Amina Reporter"),
                    queue);
            HttpResponse<String> blocked = olga.submit("/moderate/reports", "/moderate/reports/" + reportId,
                    Map.of("action", "block", "reason", "Asks for money in advance"));
            assertEquals(303, blocked.statusCode(), blocked.body());
            JsonNode block = WaitFor.value("rosa's server receives the Block", () -> rosa.inboxPosts().stream()
                    .map(r -> TestHttp.json(new String(r.getBody(), StandardCharsets.UTF_8)))
                    .filter(j -> "Block".equals(j.path("type").asText())).findFirst().orElse(null));
            assertEquals(rosa.actor(), block.path("object").asText());
            assertTrue(olga.get("/moderate/reports").body().contains("No open report."));

            String log = new PageClient(weft.base()).get("/moderation-log/block3").body();
            assertTrue(log.contains("Account blocked") && log.contains("Asks for money in advance"), log);
            assertFalse(log.contains("Amina") || log.contains("amina"), "never the reporter");
        }
    }
}
