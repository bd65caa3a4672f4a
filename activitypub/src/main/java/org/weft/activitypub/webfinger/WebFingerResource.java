package org.weft.activitypub.webfinger;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code resource} of a WebFinger query, in one of the forms peers send: an account ({@code acct:user@host},
 * percent-encoded, bare {@code user@host}, or {@code @user@host}) or an {@code https://} URL (an actor id, a profile
 * page, or the bare origin that FEP-d556 uses to find the instance actor).
 */
public sealed interface WebFingerResource permits WebFingerResource.Acct, WebFingerResource.Url {

    /** Longest resource accepted; anything longer is not a real lookup. */
    int MAX_LENGTH = 1024;

    /**
     * An account address.
     *
     * @param user the user part as given (usernames compare case-insensitively in Mastodon; the caller decides)
     * @param host the host, lower-cased, with a port when one was given
     */
    record Acct(String user, String host) implements WebFingerResource {

        /** Checks both parts are present. */
        public Acct {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(host, "host");
        }

        /**
         * The {@code acct:} URI, the form a JRD {@code subject} takes.
         *
         * @return {@code acct:user@host}
         */
        public String uri() {
            return "acct:" + user + "@" + host;
        }

        /**
         * The address people type.
         *
         * @return {@code user@host}
         */
        public String address() {
            return user + "@" + host;
        }
    }

    /**
     * An http(s) URL.
     *
     * @param uri the URL as given
     */
    record Url(URI uri) implements WebFingerResource {

        /** Checks the URL is there. */
        public Url {
            Objects.requireNonNull(uri, "uri");
        }

        /**
         * Whether the URL is a bare origin ({@code https://host} or {@code https://host/}), which per FEP-d556 asks
         * for the instance actor.
         *
         * @return true for an origin without path, query or fragment
         */
        public boolean isOrigin() {
            String path = uri.getRawPath();
            return (path == null || path.isEmpty() || "/".equals(path)) && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        }

        /**
         * The lower-cased host, with the port when one was given, to compare with the instance's own.
         *
         * @return e.g. {@code camp.weft.test} or {@code localhost:8080}
         */
        public String host() {
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
        }
    }

    /**
     * Parses a {@code resource} parameter.
     *
     * @param resource the parameter value, as decoded once by the HTTP server (a second encoding is undone here)
     * @return the account or URL it names
     * @throws IllegalArgumentException if it is missing or in none of the accepted forms (the server answers 400)
     */
    static WebFingerResource parse(String resource) {
        return ResourceParser.parse(resource);
    }
}
