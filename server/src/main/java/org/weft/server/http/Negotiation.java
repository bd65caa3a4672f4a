package org.weft.server.http;

import java.util.Locale;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/**
 * The one question error answers ask of a request: does it want a page? A browser gets a styled HTML page in its
 * language; API and ActivityPub clients keep getting JSON. HTML only when {@code Accept} names {@code text/html} (or
 * XHTML) explicitly and ranks it at least as high as any JSON type, and never under {@code /api/}: a bare
 * {@code *}{@code /*}, a missing header or a JSON type mean JSON.
 */
public final class Negotiation {
    private Negotiation() {
    }

    public static boolean wantsHtml(ServerRequest req) {
        if (req.path().path().startsWith("/api/")) {
            return false;
        }
        return wantsHtml(req.headers().first(HeaderNames.ACCEPT).orElse(""));
    }

    static boolean wantsHtml(String accept) {
        double html = 0;
        double json = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = quality(parts);
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, q);
            } else if (type.equals("application/json") || type.endsWith("+json")) {
                json = Math.max(json, q);
            }
        }
        return html > 0 && html >= json;
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String p = parameters[i].strip();
            if (p.startsWith("q=") || p.startsWith("Q=")) {
                try {
                    return Double.parseDouble(p.substring(2).strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
