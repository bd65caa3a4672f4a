package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.account.Operators;
import org.weft.server.domain.moderation.DomainBlocks;
import org.weft.server.model.DomainSeverity;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.testing.MastodonPeer;
import org.weft.server.testing.TestHttp;
import org.weft.server.testing.TestServers;
import org.weft.server.testing.WaitFor;
import org.weft.web.i18n.Messages;

/**
 * A community's public moderation log, read by anyone: the page in English and Arabic (right to left) and the JSON
 * list show a domain suspension and an account block with their public reasons; the member who reported never
 * appears, and the moderator's name appears only when the operator set {@code WEFT_MODERATION_LOG_NAMES}.
 */
class ModerationLogPageTest {

    @Test
    void theLogShowsActionsAndNeverTheReporter() throws Exception {
        try (TestServers.Instance weft = TestServers.start(); MastodonPeer rosa = new MastodonPeer(weft.base())) {
            String reporterName = "Reporting Reem";
            long blockId = scenario(weft, rosa, reporterName);

            HttpResponse<String> english = page(weft, "/moderation-log/block3", "en");
            assertEquals(200, english.statusCode());
            assertTrue(english.body().contains("Moderation log of " + Messages.isolate("Block 3")), english.body());
            assertTrue(english.body().contains("Account blocked") && english.body().contains(rosa.actor()));
            assertTrue(english.body().contains("Asks for money in advance"));
            assertTrue(english.body().contains("Server suspended") && english.body().contains("spam.example"));
            assertTrue(english.body().contains("a moderator"), "names hidden by default");
            assertFalse(english.body().contains(reporterName) || english.body().contains("reem"), "never the reporter");
            assertFalse(english.body().contains("Olga Operator"), "nor, by default, the moderator");

            HttpResponse<String> arabic = page(weft, "/moderation-log/block3", "ar");
            assertTrue(arabic.body().contains("dir=\"rtl\""), "Arabic reads right to left");
            assertTrue(arabic.body().contains("سجل الإشراف على " + Messages.isolate("Block 3")) && arabic.body().contains("حظر حساب"));

            JsonNode json = TestHttp.json(page(weft, "/moderation-log/block3?format=json", "en").body());
            // Each line says when to the minute, as the docs promise, in the reader's language and digits (UTC).
            Instant blocked = Instant.parse(json.path("items").get(0).path("time").asText());
            String minute = DateTimeFormatter.ofPattern("h:mm", Locale.ENGLISH).format(blocked.atZone(ZoneOffset.UTC));
            assertTrue(english.body().contains(Messages.forLanguage("en").dateTime(blocked))
                    && english.body().contains(minute) && english.body().contains(" UTC</time>"), english.body());
            assertTrue(arabic.body().contains(Messages.forLanguage("ar").dateTime(blocked)) && arabic.body()
                    .contains("بالتوقيت العالمي</time>"), arabic.body());
            assertEquals("account_blocked", json.path("items").get(0).path("kind").asText());
            assertEquals(rosa.actor(), json.path("items").get(0).path("target").asText());
            assertEquals("domain_suspended", json.path("items").get(1).path("kind").asText());
            assertEquals("instance", json.path("items").get(1).path("scope").asText());
            assertFalse(json.path("items").get(0).has("moderator"));
            assertFalse(json.toString().contains("reem"));
            assertEquals(404, page(weft, "/moderation-log/nowhere", "en").statusCode());
            assertTrue(blockId > 0);
        }
    }

    @Test
    void theOperatorMayChooseToNameModerators() throws Exception {
        try (TestServers.Instance weft = TestServers.start(Map.of("WEFT_MODERATION_LOG_NAMES", "true"));
             MastodonPeer rosa = new MastodonPeer(weft.base())) {
            scenario(weft, rosa, "Reporting Reem");
            HttpResponse<String> english = page(weft, "/moderation-log/block3", "en");
            assertTrue(english.body().contains("Olga Operator"), english.body());
            assertFalse(english.body().contains("Reporting Reem"));
            JsonNode json = TestHttp.json(page(weft, "/moderation-log/block3?format=json", "en").body());
            assertEquals("Olga Operator", json.path("items").get(0).path("moderator").asText());
        }
    }

    /** Olga (operator) blocks rosa for block3 after Reem reported her; the server spam.example is suspended. */
    private static long scenario(TestServers.Instance weft, MastodonPeer rosa, String reporterName) throws Exception {
        ActorEntity group = weft.server().localActors().createGroup("block3", "Block 3", null);
        ActorEntity olga = weft.server().localActors().createMember("olga", "Olga Operator", "correct horse battery", false);
        weft.server().localActors().createMember("reem", reporterName, "correct horse battery", false);
        new Operators(weft.server().db()).setAdmin("olga", true);
        weft.server().safety().domains().block(new DomainBlocks.Block("spam.example", DomainSeverity.SUSPEND, false,
                "Spam", false));
        String follow = rosa.fixture("mastodon/follow.json").replace(weft.base() + "/users/amina", group.getUri());
        assertEquals(202, rosa.deliver(URI.create(weft.base() + "/inbox"), follow).statusCode());
        WaitFor.condition("rosa is known", () -> weft.server().db().inTransaction(s -> ActorRepository.byUri(s,
                rosa.actor())).isPresent());
        long reem = weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, "reem").orElseThrow().getId());
        long report = weft.server().safety().reports().fromMember(reem, rosa.actor(), "She scares me");
        weft.server().safety().accounts().blockForCommunity("block3", rosa.actor(), Optional.of(olga.getId()),
                "Asks for money in advance");
        return report;
    }

    private static HttpResponse<String> page(TestServers.Instance weft, String path, String language) {
        return TestHttp.send(HttpRequest.newBuilder(URI.create(weft.base() + path)).header("Accept-Language", language)
                .GET().build());
    }
}
