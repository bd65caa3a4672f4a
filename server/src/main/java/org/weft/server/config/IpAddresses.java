package org.weft.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads IP address literals, and only literals: a string that is not one never reaches the resolver, so a header
 * value can never make the server look a name up. ({@link InetAddress#getByName} resolves whatever it cannot parse,
 * and its IPv4 parser also takes legacy forms such as {@code 127.1}; Java 21 has no literal-only parser.)
 */
public final class IpAddresses {
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    /**
     * Hex groups, colons and an optional dotted tail, starting with a hex digit or a colon: the JDK then takes it as
     * a literal and refuses a malformed one instead of resolving it. The exact form is left to the JDK.
     */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");

    private IpAddresses() {
    }

    /** A bare literal, {@code 192.0.2.1} or {@code 2001:db8::1}. IPv4-mapped IPv6 addresses come back as IPv4. */
    public static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        return IPV4.matcher(value).matches() ? literal(value) : ipv6(value);
    }

    /**
     * An address as proxies write it in {@code X-Forwarded-For}: bare, in brackets ({@code [2001:db8::1]}), or with
     * a port ({@code 192.0.2.1:4711}, {@code [2001:db8::1]:4711}).
     */
    public static Optional<InetAddress> parseHop(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0 || !(close == value.length() - 1 || value.charAt(close + 1) == ':')) {
                return Optional.empty();
            }
            return ipv6(value.substring(1, close));
        }
        int colon = value.indexOf(':');
        if (colon >= 0 && colon == value.lastIndexOf(':')) {
            value = value.substring(0, colon); // IPv4 with a port: IPv6 has at least two colons
        }
        return parse(value);
    }

    /**
     * The unit one client is counted by: an IPv4 address, or the /64 an IPv6 address lies in (a home or a phone
     * usually gets a whole /64 and can take any address in it).
     */
    public static String clientKey(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return address.getHostAddress();
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            key.append(Integer.toHexString((bytes[i] & 0xFF) << 8 | bytes[i + 1] & 0xFF)).append(':');
        }
        return key.append(":/64").toString();
    }

    private static Optional<InetAddress> ipv6(String value) {
        return IPV6.matcher(value).matches() ? literal(value) : Optional.empty();
    }

    /** Only called with strings the patterns above let through, which the JDK parses without resolving. */
    private static Optional<InetAddress> literal(String value) {
        try {
            return Optional.of(InetAddress.getByName(value));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
