package org.weft.server.model;

/**
 * One line break, one character. A browser sends every line break of a text area as CR LF, yet counts it as one
 * character against the field's {@code maxlength} (HTML's API value has LF only): counted as sent, 20 lines of 99
 * characters that the browser allowed in a 2,000-character box came to 2,019 and were refused. Text is read with its
 * breaks as LF, before any length is checked or anything is stored, so what the browser allows the server accepts.
 */
public final class LineBreaks {
    private LineBreaks() {
    }

    /** {@code text} with each CR LF, and each CR alone (old Mac text), as one LF; null stays null. */
    public static String unify(String text) {
        if (text == null || text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
