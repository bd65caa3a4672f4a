package org.weft.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void everyLanguageHasEveryKey() {
        Set<String> english = Messages.forLanguage("en").ownKeys();
        assertFalse(english.isEmpty());
        for (String lang : Messages.LANGUAGES) {
            Messages messages = Messages.forLanguage(lang);
            assertEquals(lang, messages.language());
            Set<String> missing = new TreeSet<>(english);
            missing.removeAll(messages.ownKeys());
            assertTrue(missing.isEmpty(), lang + " lacks " + missing);
            for (String key : english) {
                assertFalse(messages.get(key).isBlank(), lang + " has a blank " + key);
            }
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
