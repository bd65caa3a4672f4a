package org.weft.server.domain;

import java.util.regex.Pattern;

import org.weft.activitypub.content.HtmlSanitizer;

/**
 * Turns text a person typed into the small HTML that ActivityPub fields carry, with nothing left to interpret; and a
 * message's HTML back into the words a person reads.
 */
public final class PlainText {
    /** Mentions at the start of a direct message ({@code @amina@camp.example}), which servers add to address it. */
    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(?:\\s*@[\\p{L}\\p{N}_.-]+(?:@[\\p{L}\\p{N}_.:-]+)?)+\\s*");

    private PlainText() {
    }

    /** A message's words as plain text, without the mentions a direct message opens with. */
    public static String ofMessage(String html) {
        return LEADING_MENTIONS.matcher(HtmlSanitizer.toPlainText(html == null ? "" : html)).replaceFirst("");
    }

    /** Escapes and wraps in paragraphs (blank lines separate them; single newlines become line breaks). */
    public static String toHtml(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            html.append("<p>").append(escape(paragraph.strip()).replaceAll("\\R", "<br>")).append("</p>");
        }
        return html.toString();
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
