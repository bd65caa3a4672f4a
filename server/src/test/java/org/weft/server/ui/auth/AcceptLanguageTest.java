package org.weft.server.ui.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The page language from a browser's Accept-Language, when the visitor has chosen none. */
class AcceptLanguageTest {
    @Test
    void theFirstOfWeftsLanguagesTheBrowserAccepts() {
        assertEquals("ar", Visitors.fromAcceptLanguage("ar-SY,ar;q=0.9,en;q=0.8"));
        assertEquals("fr", Visitors.fromAcceptLanguage("de-DE, fr;q=0.7, en;q=0.5"));
    }

    @Test
    void aLanguageRefusedWithWeightZeroIsNotChosen() {
        assertEquals("en", Visitors.fromAcceptLanguage("ar;q=0, en;q=0.5"));
    }

    @Test
    void noHeaderAMalformedOneOrOnlyOtherLanguagesGiveEnglish() {
        assertEquals("en", Visitors.fromAcceptLanguage(""));
        assertEquals("en", Visitors.fromAcceptLanguage("   "));
        assertEquals("en", Visitors.fromAcceptLanguage("ar;q=oops"));
        assertEquals("en", Visitors.fromAcceptLanguage("de, ja"));
    }
}
