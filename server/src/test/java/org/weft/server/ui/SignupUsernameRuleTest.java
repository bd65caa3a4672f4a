package org.weft.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.Usernames;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.testing.TestServers;

/**
 * The sign-up form lets a browser submit exactly the usernames the server takes: a name the server would accept is
 * not stopped by the field's own check, and one it would refuse is caught before the round trip.
 */
class SignupUsernameRuleTest {
    private static final Pattern USERNAME_FIELD = Pattern.compile("<input id=\"username\"[^>]*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("(pattern|maxlength)=\"([^\"]*)\"");

    @Test
    void theFieldsCheckAndTheServersRuleAgree() {
        try (TestServers.Instance weft = TestServers.start(Map.of("WEFT_SIGNUP", "open"))) {
            PageClient visitor = new PageClient(weft.base());
            String page = visitor.get("/signup").body();
            Matcher field = USERNAME_FIELD.matcher(page);
            assertTrue(field.find(), page);
            Map<String, String> attributes = new java.util.HashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(field.group());
            while (attribute.find()) {
                attributes.put(attribute.group(1), attribute.group(2));
            }
            // A browser matches the whole value against the pattern, as Java's matches() does.
            Pattern browser = Pattern.compile(attributes.get("pattern"));
            int maxLength = Integer.parseInt(attributes.get("maxlength"));

            for (String name : List.of("amina", "Amina", "al-amin", "al.amin", "a_b", "_x_", "a1", "x", "a-b.c",
                    ".amina", "amina.", "-amina", "amina-", "a b", "amina!", "أمينة", "a".repeat(30), "a".repeat(31))) {
                boolean browserLetsItThrough = browser.matcher(name).matches() && name.length() <= maxLength;
                assertEquals(serverTakes(name), browserLetsItThrough, name);
            }

            HttpResponse<String> signedUp = visitor.submit("/signup", "/signup",
                    Map.of("username", "al-amin.k", "password", "al-amin-password-1"));
            assertEquals(303, signedUp.statusCode(), signedUp.body());
            assertTrue(weft.server().db().inTransaction(s -> ActorRepository.localByUsername(s, "al-amin.k")).isPresent(),
                    "a dot and a dash inside the name, as the help says");
        }
    }

    private static boolean serverTakes(String name) {
        try {
            Usernames.normalise(name);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }
}
