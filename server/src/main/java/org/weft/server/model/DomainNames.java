package org.weft.server.model;

import java.net.IDN;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Server names as domain blocks hold them: lower case, punycode, no trailing dot, and a port only when one is given
 * ({@code localhost:8081}, for test and development setups where several servers share a host). A block of
 * {@code example.org} covers {@code example.org} on any port and every {@code *.example.org}.
 */
public final class DomainNames {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_LENGTH = 253;

    private DomainNames() {
    }

    /**
     * @param input what an operator typed or a blocklist holds ({@code Example.ORG}, {@code *.example.org},
     *              {@code bücher.example}, {@code localhost:8081})
     * @return the name as blocks hold it, or empty when it is no server name
     */
    public static Optional<String> normalise(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String name = input.strip();
        if (name.startsWith("*.")) {
            name = name.substring(2);
        }
        String port = "";
        int colon = name.lastIndexOf(':');
        if (colon > 0) {
            port = name.substring(colon + 1);
            name = name.substring(0, colon);
            if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65_535) {
                return Optional.empty();
            }
            port = ":" + Integer.parseInt(port);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        try {
            name = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(name + port);
    }

    /**
     * {@code host} or {@code host:port} (a port only when the URI gives one) of a URI, lower case, as actors'
     * {@code domain}, the delivery queue's hosts and blocks hold it: a host's case means nothing, and
     * {@code Mastodon.Example} must meet a block of {@code mastodon.example} on either database. Null without a host.
     */
    public static String hostAndPort(URI uri) {
        if (uri.getHost() == null) {
            return null;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return uri.getPort() == -1 ? host : host + ":" + uri.getPort();
    }

    /**
     * The names a block could have been made under that cover {@code hostAndPort}, most specific first:
     * {@code a.b.example.org:8443}, {@code a.b.example.org}, {@code b.example.org}, {@code example.org}, {@code org}.
     */
    public static List<String> coveringNames(String hostAndPort) {
        List<String> names = new ArrayList<>();
        String host = hostAndPort.toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(']') < colon) {
            names.add(host);
            host = host.substring(0, colon);
        }
        while (!host.isEmpty()) {
            names.add(host);
            int dot = host.indexOf('.');
            host = dot < 0 ? "" : host.substring(dot + 1);
        }
        return names;
    }
}
