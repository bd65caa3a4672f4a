package org.weft.server.ui;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.weft.server.config.IpAddresses;

/**
 * The server a moderation page is asked about ({@code ?server=}, or a form's {@code server}), read as actors'
 * {@code domain} names it and as the delivery queue's hosts and the operator's domain blocks match it: a host name,
 * or an IPv6 literal in brackets as a URI writes it ({@code [2001:db8::1]}), either with a port. Lower case, as the
 * queue's links write it; anything else is no server's name.
 */
final class ServerName {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,252})(:\\d{1,5})?");
    private static final Pattern BRACKETED = Pattern.compile("\\[([0-9a-f:.]{2,45})](:\\d{1,5})?");

    private ServerName() {
    }

    /** The name, lower-cased; empty when {@code value} is none (null, garbage, a bare IPv6, a port past 65535). */
    static Optional<String> read(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String name = value.strip().toLowerCase(Locale.ROOT);
        Matcher host = NAME.matcher(name);
        if (host.matches()) {
            return portFits(host.group(2)) ? Optional.of(name) : Optional.empty();
        }
        Matcher literal = BRACKETED.matcher(name);
        // Parsed as a literal, never resolved; an IPv4 address in brackets is no host a URI names.
        if (literal.matches() && portFits(literal.group(2)) && literal.group(1).contains(":")
                && IpAddresses.parse(literal.group(1)).isPresent()) {
            return Optional.of(name);
        }
        return Optional.empty();
    }

    private static boolean portFits(String port) {
        return port == null || Integer.parseInt(port.substring(1)) <= 65_535;
    }
}
