package org.weft.server.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Which characters typed text and XML lose, and which stay (line breaks, tabs, every script, emoji). */
class ControlCharactersTest {
    @Test
    void typedTextLosesControlsButKeepsLinesTabsAndEveryScript() {
        assertEquals("abcdef", ControlCharacters.strip("abc\u0000def"));
        assertEquals("a\tb\nc\r\nd", ControlCharacters.strip("a\tb\u0007\nc\r\n\u001bd"));
        assertEquals("xy", ControlCharacters.strip("x\u007f\u0085\u009by"), "DEL and C1 controls too");
        assertEquals("ab", ControlCharacters.strip("a\ud800b\udc00"), "half a surrogate pair");
        assertEquals("ab", ControlCharacters.strip("a\ufffeb\uffff"));
        String kept = "خبز طازج 🍞 Brot\u200f";
        assertSame(kept, ControlCharacters.strip(kept), "clean text is returned as it is");
        assertNull(ControlCharacters.strip(null));
    }

    @Test
    void xmlLosesOnlyWhatXmlForbids() {
        assertEquals("Request: abcdef", ControlCharacters.forXml("Request: abc\u0000def"));
        assertEquals("a\u0085b\tc\n", ControlCharacters.forXml("a\u0085b\u0001\tc\n\ud83c"), "C1 is legal XML 1.0");
        assertEquals("🍞", ControlCharacters.forXml("🍞"));
    }
}
