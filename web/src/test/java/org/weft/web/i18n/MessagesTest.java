package org.weft.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class MessagesTest {

    /**
     * Reads each language's own file, not the bundle: a bundle's keys include its English parent's, so a key missing
     * from a translation would pass unseen.
     */
    @Test
    void everyLanguageFileHasEveryEnglishKeyFilledIn() throws IOException {
        Properties english = file("messages.properties");
        assertFalse(english.isEmpty());
        for (String lang : Messages.LANGUAGES) {
            assertEquals(lang, Messages.forLanguage(lang).language());
            if ("en".equals(lang)) {
                continue;
            }
            Properties translated = file("messages_" + lang + ".properties");
            Set<String> missing = new TreeSet<>();
            Set<String> blank = new TreeSet<>();
            for (String key : english.stringPropertyNames()) {
                String value = translated.getProperty(key);
                if (value == null) {
                    missing.add(key);
                } else if (value.isBlank()) {
                    blank.add(key);
                }
            }
            assertTrue(missing.isEmpty(), lang + " lacks " + missing);
            assertTrue(blank.isEmpty(), lang + " has blank " + blank);
        }
        Set<String> blankEnglish = new TreeSet<>();
        english.stringPropertyNames().stream().filter(k -> english.getProperty(k).isBlank()).forEach(blankEnglish::add);
        assertTrue(blankEnglish.isEmpty(), "English has blank " + blankEnglish);
    }

    private static Properties file(String name) throws IOException {
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            assertTrue(in != null, "no file i18n/" + name);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    void languagesResolveWithFallbackAndDirection() {
        assertEquals("ar", Messages.supported("ar-SY"));
        assertEquals("en", Messages.supported("de"));
        assertEquals("en", Messages.supported(null));
        assertTrue(Messages.forLanguage("fa").isRightToLeft());
        assertFalse(Messages.forLanguage("uk").isRightToLeft());
        assertEquals("عرض", Messages.forLanguage("ar").get("wire.purpose.offer"));
        assertEquals("Until 3 May", Messages.forLanguage("en").get("wire.until", "3 May"));
    }
}
