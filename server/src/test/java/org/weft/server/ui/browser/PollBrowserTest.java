package org.weft.server.ui.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * Issue 19's browser check, in real headless Chromium and in Arabic: Dina opens a community's poll page (right to
 * left, every sentence the Arabic message file's), chooses an option with the radio buttons and votes, without
 * JavaScript on the page; she is told her own choice; Amina, another member, then reads one vote through the API.
 * The pages are screenshotted to target/screenshots and checked by axe-core (no serious or critical violation) and
 * for sideways scrolling on a phone.
 */
class PollBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = "a long enough password";

    private final List<String> violations = new ArrayList<>();

    @Test
    void dinaVotesInArabic() throws IOException {
        PhoneBrowser.requireChromium();
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            ApiClient.newMember(weft, "dina", "Dina");
            weft.server().moderators().add("block3", "amina", Optional.empty());
            String pollUri = ApiClient.expect(201, amina.post("/groups/block3/polls", "{\"question\":\"أي يوم ننظف الثلاجة؟\","
                    + "\"options\":[\"الجمعة\",\"الأحد\"],\"endsAt\":\"" + Instant.now().plus(Duration.ofDays(2)) + "\"}"))
                    .path("uri").asText();
            String pollPath = URI.create(pollUri).getRawPath();
            Messages ar = Messages.forLanguage("ar");

            try (PhoneBrowser dina = new PhoneBrowser(weft.base(), "ar", SHOTS, violations)) {
                dina.login("dina", PASSWORD);
                dina.open("/groups/block3/polls");
                dina.assertShows("the polls", ar.get("poll.anonymity"));
                dina.check("poll-list-ar");
                dina.clickAndWaitForNewPage("ul.polls a");
                dina.waitFor(pollPath);
                dina.assertLanguage("ar", "rtl");
                dina.assertShows("the poll", ar.get("poll.chooseOne"));
                dina.check("poll-ar");
                dina.find("input[type=radio][value='1']").click();
                dina.clickAndWaitForNewPage("form:has(input[name=choice]) button[type=submit]");
                dina.waitFor(pollPath + "?done=pollVoted");
                dina.assertShows("voted", ar.get("notice.pollVoted"), ar.get("poll.youVoted", Messages.isolate("الأحد")));
                assertTrue(dina.findAll("input[type=radio]").isEmpty(), "voted once: no form");
                dina.check("poll-voted-ar");
            }
            JsonNode seen = ApiClient.expect(200, amina.get(pollPath));
            assertEquals(1, seen.path("votersCount").asInt());
            assertEquals(1, seen.path("options").path(1).path("votes").asInt());
            assertFalse(seen.toString().contains("dina"));
        }
        assertTrue(violations.isEmpty(), "axe-core (serious or critical) or sideways scrolling on a phone: " + violations);
    }
}
