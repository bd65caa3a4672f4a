package org.weft.server.ui.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.weft.server.api.ApiClient;
import org.weft.server.testing.TestServers;
import org.weft.web.i18n.Messages;

/**
 * The decisions page in real headless Chromium, in Arabic, after Amina's vote on new rules closed: Dina (a member)
 * reads the outcome and the counts in Arabic, opens the proposed text (a {@code <details>}, no JavaScript), and Amina,
 * a moderator, sees the forms. Screenshots in target/screenshots; axe-core finds no serious or critical violation and
 * nothing scrolls sideways on a phone.
 */
class DecisionBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = "a long enough password";

    private final List<String> violations = new ArrayList<>();

    @Test
    void theDecisionsPageInArabic() throws IOException {
        PhoneBrowser.requireChromium();
        try (TestServers.Instance weft = TestServers.start()) {
            weft.server().localActors().createGroup("block3", "Block 3", null);
            ApiClient amina = ApiClient.newMember(weft, "amina", "Amina");
            ApiClient dina = ApiClient.newMember(weft, "dina", "Dina");
            weft.server().moderators().add("block3", "amina", Optional.empty());
            String pollUri = ApiClient.expect(201, amina.post("/groups/block3/decisions?lang=ar",
                    "{\"rules\":\"كونوا لطفاء.\\nتُنظَّف الثلاجة المشتركة يوم الجمعة.\",\"endsAt\":\""
                            + Instant.now().plus(Duration.ofDays(2)) + "\"}")).path("uri").asText();
            String pollPath = URI.create(pollUri).getRawPath();
            ApiClient.expect(200, dina.post(pollPath + "/votes", "{\"choices\":[0]}"));
            ApiClient.expect(200, amina.post(pollPath + "/close", null));
            Messages ar = Messages.forLanguage("ar");

            try (PhoneBrowser reader = new PhoneBrowser(weft.base(), "ar", SHOTS, violations)) {
                reader.login("dina", PASSWORD);
                reader.open("/groups/block3/decisions");
                reader.assertLanguage("ar", "rtl");
                reader.assertShows("the decision", ar.get("decision.outcome.adopted"),
                        ar.get("decision.counts", ar.number(1), ar.number(0)));
                reader.find("details summary").click();
                reader.assertShows("the proposed rules", "تُنظَّف الثلاجة المشتركة يوم الجمعة.");
                reader.check("decisions-ar");
            }
            try (PhoneBrowser moderator = new PhoneBrowser(weft.base(), "ar", SHOTS, violations)) {
                moderator.login("amina", PASSWORD);
                moderator.open("/groups/block3/decisions");
                moderator.assertShows("the forms", ar.get("decision.openTitle"), ar.get("decision.setMajority"));
                moderator.check("decisions-moderator-ar");
            }
        }
        assertTrue(violations.isEmpty(), "axe-core (serious or critical) or sideways scrolling on a phone: " + violations);
    }
}
