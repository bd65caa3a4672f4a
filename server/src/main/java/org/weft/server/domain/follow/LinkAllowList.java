package org.weft.server.domain.follow;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.weft.server.domain.InvalidInputException;

/**
 * The operator's list of domains a community here may link to. Empty allows any. An entry with a port
 * allows that host and port only; without a port, every port of the host; {@code *.example.org} allows
 * the subdomains of example.org (not example.org itself).
 */
public final class LinkAllowList {
    private final List<String> entries;

    public LinkAllowList(List<String> entries) {
        this.entries = entries.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty()).toList();
    }

    public boolean isRestricted() {
        return !entries.isEmpty();
    }

    /** Whether a domain ({@code host} or {@code host:port}) may be linked to. */
    public boolean allows(String domain) {
        if (entries.isEmpty()) {
            return true;
        }
        String d = domain.strip().toLowerCase(Locale.ROOT);
        String host = d.contains(":") ? d.substring(0, d.lastIndexOf(':')) : d;
        for (String entry : entries) {
            if (entry.equals(d) || entry.equals(host)
                    || entry.startsWith("*.") && host.endsWith(entry.substring(1))) {
                return true;
            }
        }
        return false;
    }

    /** The domain of a handle ({@code @group@host}, {@code group@host}) or of an actor URL. */
    public static String domainOf(String target) {
        String t = target.strip();
        if (t.startsWith("http://") || t.startsWith("https://")) {
            String authority = URI.create(t).getRawAuthority();
            if (authority == null) {
                throw InvalidInputException.field("target", "link_target_invalid");
            }
            return authority.substring(authority.indexOf('@') + 1);
        }
        int at = t.lastIndexOf('@');
        if (at <= 0 || at == t.length() - 1) {
            throw InvalidInputException.field("target", "link_target_invalid");
        }
        return t.substring(at + 1);
    }
}
