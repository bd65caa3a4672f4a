package org.weft.server.domain;

import java.util.regex.Pattern;

import org.weft.activitypub.content.HtmlSanitizer;
import org.weft.server.model.ControlCharacters;
import org.weft.server.model.LineBreaks;

/**
 * Text from another server, kept under the rules of text typed here before it is stored: a proposal's words, a
 * response, a conversation or direct message, an actor's name and summary. Each area that keeps what another server
 * sent stores it through here, so what a member reads from elsewhere is held to what they could have typed themselves.
 */
public final class RemoteTexts {
    /**
     * What a name loses beyond {@link #asTyped}: the explicit embeddings and overrides (U+202A–U+202E), which
     * Unicode replaced with isolates and which no one types in a name (an override only draws letters against their
     * own direction: the trick that makes "‮asor" read as another person's name, or reorders the handle beside it);
     * and the invisible characters that only make a name look like another (zero-width space, word joiner, a byte
     * order mark). The zero-width joiner and non-joiner stay: Persian and emoji need them.
     */
    private static final Pattern NOT_IN_A_NAME = Pattern.compile("[\\u202A-\\u202E\\u200B\\u2060\\uFEFF]");
    /** Line breaks and tabs, with the spaces around them: a name is one line. */
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\n\\t\\u0085\\u2028\\u2029]\\s*");
    private static final char FIRST_ISOLATE = '\u2066';
    private static final char LAST_ISOLATE = '\u2068';
    private static final char POP_ISOLATE = '\u2069';

    private RemoteTexts() {
    }

    /**
     * Text from another server under the rules text typed here is kept by: without the control characters no one
     * means to type ({@link ControlCharacters#strip}: a NUL, an escape, a C1 control), its line breaks as LF
     * ({@link LineBreaks#unify}). Another server may send them (crafted, or from software that keeps them), and stored
     * they would reach our pages, feeds and data files as they would from a form that let them through. Bidirectional
     * controls are not among them, as they are not in a form: people writing Arabic or Persian use them (a post's words
     * lose them to {@link HtmlSanitizer#toPlainText}; a place's name, shown isolated, keeps them). Null stays null.
     */
    public static String asTyped(String text) {
        return LineBreaks.unify(ControlCharacters.strip(text));
    }

    /**
     * A post's HTML (a response, a conversation or direct message, an actor's summary) as it is stored: what Mastodon
     * keeps of it ({@link HtmlSanitizer#sanitize}, which also closes any bidirectional control left open), its text
     * under the rules of typed text, a control written as an entity ({@code &#x1b;}) too. Null is the empty text.
     */
    public static String html(String html) {
        return asTyped(HtmlSanitizer.sanitize(html, RemoteTexts::asTyped));
    }

    /**
     * An actor's name as it is stored and shown beside other people's: typed text ({@link #asTyped}) on one line (its
     * line breaks and tabs as one space), without what {@link #NOT_IN_A_NAME} holds, and with its isolates closed
     * within it (a stray closing one dropped), so that nothing in it reaches past the name on a page. Marks (LRM, RLM,
     * ALM) and isolates stay: a name mixing Arabic or Persian with Latin letters may need them. Null stays null.
     */
    public static String name(String name) {
        if (name == null) {
            return null;
        }
        String oneLine = LINE_BREAKS.matcher(asTyped(name)).replaceAll(" ");
        return balancedIsolates(NOT_IN_A_NAME.matcher(oneLine).replaceAll("").strip());
    }

    private static String balancedIsolates(String text) {
        StringBuilder kept = new StringBuilder(text.length() + 2);
        int open = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= FIRST_ISOLATE && c <= LAST_ISOLATE) {
                open++;
            } else if (c == POP_ISOLATE) {
                if (open == 0) {
                    continue; // it would close the isolate the page puts the name in
                }
                open--;
            }
            kept.append(c);
        }
        kept.append(String.valueOf(POP_ISOLATE).repeat(open));
        return kept.toString();
    }
}
