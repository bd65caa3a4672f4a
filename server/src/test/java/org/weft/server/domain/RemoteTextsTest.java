package org.weft.server.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The rules a name from another server is kept by: what goes, and what people writing Persian or Arabic keep. */
class RemoteTextsTest {

    @Test
    void aNameIsOneLineWithoutOverridesControlsOrInvisibleLookAlikes() {
        assertEquals("Rosa Martínez", RemoteTexts.name(" Ro\u202Esa\r\n\tM\u0007artínez\u200B\u2060\uFEFF "));
        assertEquals("Rosa", RemoteTexts.name("\u202BRo\u202Dsa\u202C\u202A"), "embeddings and overrides go");
        assertNull(RemoteTexts.name(null));
    }

    @Test
    void aNameKeepsWhatPersianArabicAndEmojiNeedWithItsIsolatesClosedWithinIt() {
        String persian = "سارا\u200Cجان \u200F(Sara)";
        assertEquals(persian, RemoteTexts.name(persian), "the zero-width non-joiner and the RLM stay");
        assertEquals("\uD83D\uDC69\u200D\uD83C\uDF3E Rosa", RemoteTexts.name("\uD83D\uDC69\u200D\uD83C\uDF3E Rosa"));
        assertEquals("\u2067رزا\u2069 Rosa", RemoteTexts.name("\u2067رزا\u2069 Rosa"));
        assertEquals("Rosa \u2067رزا\u2069", RemoteTexts.name("Rosa \u2067رزا"), "an isolate left open is closed");
        assertEquals("Rosa", RemoteTexts.name("Rosa\u2069"), "a closing one without its opening would close the page's");
    }

    @Test
    void textAndHtmlLoseControlsAndKeepTheirLineBreaksAsLf() {
        assertEquals("ab\nc\nd", RemoteTexts.asTyped("a\u0000b\r\nc\rd\u009B"));
        assertEquals("<p>ab</p>", RemoteTexts.html("<p>a\u001Bb</p>"));
        assertEquals("", RemoteTexts.html(null));
    }
}
