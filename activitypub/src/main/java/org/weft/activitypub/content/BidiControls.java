package org.weft.activitypub.content;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Unicode bidirectional formatting characters (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates).
 * People writing Arabic or Persian next to Latin text use them legitimately, so they are kept; but one that is never
 * closed keeps reversing everything after it on the page (the "RTL override" trick that disguises names and links).
 * Closing each at the end of its own text node keeps its effect inside the text that contains it.
 */
final class BidiControls {

    private static final char PDF = '\u202C';
    private static final char PDI = '\u2069';

    private BidiControls() {
    }

    /**
     * Appends the closing characters for every embedding, override or isolate the text opens and does not close.
     *
     * @param text a run of text
     * @return the text, balanced
     */
    static String balance(String text) {
        Deque<Character> open = new ArrayDeque<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u202A' && c <= '\u202E' && c != PDF) {
                open.push(PDF);
            } else if (c >= '\u2066' && c <= '\u2068') {
                open.push(PDI);
            } else if (c == PDF && !open.isEmpty() && open.peek() == PDF) {
                open.pop();
            } else if (c == PDI) {
                // A PDI also closes any embeddings opened inside the isolate.
                while (!open.isEmpty() && open.pop() != PDI) {
                    // keep popping
                }
            }
        }
        if (open.isEmpty()) {
            return text;
        }
        StringBuilder balanced = new StringBuilder(text);
        open.forEach(balanced::append);
        return balanced.toString();
    }

    /**
     * Removes every bidirectional formatting character, for text that is indexed or classified rather than shown.
     *
     * @param text any text
     * @return the text without them
     */
    static String strip(String text) {
        return text.replaceAll("[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C]", "");
    }
}
