package org.weft.server.domain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Local usernames: the form Mastodon can @-mention ({@code [a-z0-9_]+([a-z0-9_.-]+[a-z0-9_]+)?}),
 * and not a name the instance uses for itself.
 */
public final class Usernames {
    private static final Pattern VALID = Pattern.compile("[a-z0-9_]+([a-z0-9_.-]+[a-z0-9_]+)?");
    private static final Set<String> RESERVED = Set.of("actor", "admin", "inbox", "outbox", "users", "groups",
            "api", "well-known", "nodeinfo", "instance", "root", "support", "weft", "activities", "proposals", "tags");
    private static final int MAX_LENGTH = 30;

    private Usernames() {
    }

    /** Lower-cases and checks a username; throws with a message a person can act on. */
    public static String normalise(String username) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("A username is required");
        }
        String name = username.trim().toLowerCase(Locale.ROOT);
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A username can be at most " + MAX_LENGTH + " characters");
        }
        if (!VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("A username may use a-z, 0-9 and _ (and . or - inside): '" + username + "'");
        }
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is reserved");
        }
        return name;
    }
}
