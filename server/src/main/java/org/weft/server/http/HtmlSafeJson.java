package org.weft.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;

/**
 * JSON whose strings escape {@code < > & '} as {@code \u003C}…: every parser reads back exactly what was written, and a
 * careless reader that pastes the text into a page cannot be made to run markup (the API writes its answers the
 * same way). Streams, for documents too long to build in memory.
 */
public final class HtmlSafeJson {
    /** Declared before {@link #FACTORY}, which is built with it. */
    private static final CharacterEscapes ESCAPES = new Escapes();
    /** A factory whose generators write HTML-safe strings and plain decimals. */
    public static final JsonFactory FACTORY = factory();

    private HtmlSafeJson() {
    }

    /** The escapes alone, for a mapper of its own (the API's); they hold no state, so one serves every writer. */
    public static CharacterEscapes escapes() {
        return ESCAPES;
    }

    private static JsonFactory factory() {
        JsonFactory factory = JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
        factory.setCharacterEscapes(ESCAPES);
        return factory;
    }

    /** Standard JSON escapes plus the characters that mean something in HTML. */
    private static final class Escapes extends CharacterEscapes {
        private final int[] escapes;

        Escapes() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            for (char c : new char[] {'<', '>', '&', '\''}) {
                escapes[c] = CharacterEscapes.ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
