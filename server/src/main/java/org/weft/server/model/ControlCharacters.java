package org.weft.server.model;

/**
 * Characters no one means to type or read: C0 and C1 control characters (a NUL, a bell, an escape), half a surrogate
 * pair, and the non-characters U+FFFE and U+FFFF. They arrive from a crafted form or a paste, show as nothing (or as
 * a box), and break what is written from the text later: XML 1.0 forbids most of them, so one NUL in a title stopped
 * a community's Atom feed for every reader. Tab, line feed and carriage return are ordinary text and stay.
 */
public final class ControlCharacters {
    private ControlCharacters() {
    }

    /**
     * Text a person typed, without the characters above. Dropped rather than refused, as Mastodon does: the person
     * cannot see them, so a refusal would name something they could not find to remove.
     */
    public static String strip(String text) {
        return keep(text, false);
    }

    /**
     * Text from anywhere (another server, an old row) as XML 1.0 may hold it: without what its {@code Char} production
     * forbids (C0 controls other than tab, line feed and carriage return; lone surrogates; U+FFFE, U+FFFF). C1
     * controls are legal XML, so they stay; text people type loses them already ({@link #strip}).
     */
    public static String forXml(String text) {
        return keep(text, true);
    }

    private static String keep(String text, boolean xmlOnly) {
        if (text == null) {
            return null;
        }
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (kept != null) {
                    kept.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean unwanted = unwanted(c, xmlOnly);
            if (unwanted && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!unwanted && kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? text : kept.toString();
    }

    private static boolean unwanted(char c, boolean xmlOnly) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return c < 0x20 || !xmlOnly && c >= 0x7F && c <= 0x9F || Character.isSurrogate(c) || c == '\uFFFE'
                || c == '\uFFFF';
    }
}
