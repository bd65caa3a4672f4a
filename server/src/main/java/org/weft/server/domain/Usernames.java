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
    public static final int MAX_LENGTH = 30;

    private Usernames() {
    }

    /** Lower-cases and checks a username; refuses with an {@link InvalidInputException} a person can act on. */
    public static String normalise(String username) {
        if (username == null || username.isBlank()) {
            throw InvalidInputException.field("username", "username_required");
        }
        String name = username.trim().toLowerCase(Locale.ROOT);
        if (name.length() > MAX_LENGTH) {
            throw InvalidInputException.field("username", "username_too_long", MAX_LENGTH);
        }
        if (!VALID.matcher(name).matches()) {
            throw InvalidInputException.field("username", "username_invalid");
        }
        if (RESERVED.contains(name)) {
            throw InvalidInputException.field("username", "username_reserved", name);
        }
        return name;
    }
}
