package org.weft.server.ui;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.weft.server.config.IpAddresses;
import org.weft.server.model.DomainNames;

/**
 * The server a moderation page is asked about ({@code ?server=}, or a form's {@code server}), read as actors'
 * {@code domain} names it and as the delivery queue's hosts and the operator's domain blocks match it: a host name as
 * {@link DomainNames} reads one (lower case, punycode, no trailing dot), or an IPv6 literal in brackets as a URI writes
 * it ({@code [2001:db8::1]}), either with a port. A wildcard is none: a community refuses one server at a time.
 */
final class ServerName {
    private static final Pattern BRACKETED = Pattern.compile("\\[([0-9a-f:.]{2,45})](:\\d{1,5})?");

    private ServerName() {
    }

    /** The name as stored; empty when {@code value} is none (null, garbage, a bare IPv6, a port past 65535). */
    static Optional<String> read(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String name = value.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("*.")) {
            return Optional.empty();
        }
        Matcher literal = BRACKETED.matcher(name);
        if (!literal.matches()) {
            return DomainNames.normalise(name);
        }
        // Parsed as a literal, never resolved; an IPv4 address in brackets is no host a URI names.
        String port = literal.group(2);
        boolean portFits = port == null || Integer.parseInt(port.substring(1)) <= 65_535;
        return portFits && literal.group(1).contains(":") && IpAddresses.parse(literal.group(1)).isPresent()
                ? Optional.of(name) : Optional.empty();
    }
}
