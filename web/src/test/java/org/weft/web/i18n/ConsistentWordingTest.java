package org.weft.web.i18n;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Words a translation must keep the same from page to page, and wording that would mislead: a reader who meets two
 * words for "community" wonders whether they are two things, one addressed both as "tú" and as "usted" wonders who is
 * spoken to, and one told an anonymous post goes out "in my name" may not post at all, or post believing the opposite.
 */
class ConsistentWordingTest {

    /** Persian says اجتماع for a community, as the menus and forms do; جامعه (society) nowhere. */
    @Test
    void persianCallsACommunityByOneWord() throws IOException {
        Set<String> keys = keysMatching("messages_fa.properties", Pattern.compile("جامعه"));
        assertTrue(keys.isEmpty(), "جامعه in " + keys);
    }

    /** Spanish speaks to the reader as "tú" everywhere: no "usted", nor its imperatives. */
    @Test
    void spanishAddressesTheReaderAsTu() throws IOException {
        Pattern formal = Pattern.compile("(?iu)(?<![\\p{L}])(usted|ustedes|elija|pulse|introduzca"
                + "|seleccione|compruebe|inténtelo)(?![\\p{L}])");
        Set<String> keys = keysMatching("messages_es.properties", formal);
        assertTrue(keys.isEmpty(), "formal address in " + keys);
    }

    /**
     * Ukrainian never says a post goes out "від мого імені" (in my name): a public post is under the member's name, and
     * an anonymous one is posted by the community for them, without it.
     */
    @Test
    void ukrainianNeverSaysAnAnonymousPostIsInTheMembersName() throws IOException {
        Pattern inMyName = Pattern.compile("від мого імені");
        Set<String> keys = keysMatching("messages_uk.properties", inMyName);
        assertTrue(keys.isEmpty(), "\"від мого імені\" in " + keys);
        String anonymous = file("messages_uk.properties").getProperty("audience.anonymous");
        assertTrue(anonymous.contains("без мого імені"), anonymous);
    }

    private static Set<String> keysMatching(String name, Pattern pattern) throws IOException {
        Properties p = file(name);
        Set<String> keys = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (pattern.matcher(p.getProperty(key)).find()) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static Properties file(String name) throws IOException {
        try (InputStream in = ConsistentWordingTest.class.getResourceAsStream("/i18n/" + name)) {
            assertTrue(in != null, "no file i18n/" + name);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}
