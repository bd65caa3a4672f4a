package org.weft.server.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a login (or a sign-up) sends the person back to: a path on this site only. Anything that a browser could
 * read as another site ({@code //evil.example}, {@code /\evil.example}, {@code https:…}), control characters, and the
 * login and sign-up pages themselves are refused, so a link to {@code /login?next=…} cannot send anyone elsewhere.
 */
final class ReturnTo {
    private static final int MAX_LENGTH = 500;

    private ReturnTo() {
    }

    /** {@code next} when it is a safe path on this site. */
    static Optional<String> safe(String next) {
        if (next == null || next.isEmpty() || next.length() > MAX_LENGTH || !next.startsWith("/")) {
            return Optional.empty();
        }
        if (next.startsWith("//") || next.contains("\\")) {
            return Optional.empty();
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c < 0x21 || c == 0x7f) {
                return Optional.empty();
            }
        }
        String path = next.split("[?#]", 2)[0];
        if (path.equals("/login") || path.equals("/signup") || path.equals("/logout")) {
            return Optional.empty();
        }
        return Optional.of(next);
    }

    /** {@code page} with {@code ?next=} added when {@code target} is a safe place to come back to. */
    static String link(String page, String target) {
        return safe(target).map(t -> page + "?next=" + URLEncoder.encode(t, StandardCharsets.UTF_8)).orElse(page);
    }
}
