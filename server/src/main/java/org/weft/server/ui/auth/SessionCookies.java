package org.weft.server.ui.auth;

import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/**
 * The cookies the pages use and their flags: HttpOnly (no script can read them), SameSite=Lax (not sent on
 * cross-site form posts), Secure when the instance is served over https.
 */
public final class SessionCookies {
    /** The login session's secret. */
    public static final String SESSION = "weft_session";
    /** A visitor's CSRF secret before logging in (double-submit: the form field must equal it). */
    public static final String VISITOR = "weft_visitor";
    /** A visitor's chosen language before logging in. */
    public static final String LANGUAGE = "weft_lang";
    /** Marks a browser a member has signed in from (see {@link LoginDevices}); sent only to the login form. */
    public static final String DEVICE = "weft_device";
    /** The path the device cookie is limited to. */
    public static final String DEVICE_PATH = "/login";

    private final boolean secure;

    public SessionCookies(boolean secure) {
        this.secure = secure;
    }

    public String set(String name, String value, long maxAgeSeconds) {
        return set(name, value, maxAgeSeconds, "/");
    }

    public String set(String name, String value, long maxAgeSeconds, String path) {
        return name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : "");
    }

    public String clear(String name) {
        return set(name, "", 0);
    }

    /** The value of a request cookie, if sent (the first one when a name repeats). */
    public static Optional<String> read(ServerRequest req, String name) {
        for (String header : req.headers().values(HeaderNames.COOKIE)) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).strip().equals(name)) {
                    return Optional.of(part.substring(eq + 1).strip());
                }
            }
        }
        return Optional.empty();
    }
}
