package org.weft.server.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The site's icon, an SVG from the web module: at {@code /favicon.svg} (the pages link it) and, for browsers and
 * tools that ask for {@code /favicon.ico} by habit, a permanent redirect there rather than a 404.
 */
public final class Favicon {
    private static final String RESOURCE = "/static/favicon.svg";
    private final byte[] svg;

    public Favicon() {
        try (InputStream in = Favicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path (web module)");
            }
            svg = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void svg(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "image/svg+xml");
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=604800");
        res.send(svg);
    }

    public void ico(ServerRequest req, ServerResponse res) {
        res.status(Status.MOVED_PERMANENTLY_301);
        res.header(HeaderNames.LOCATION, "/favicon.svg");
        res.send();
    }
}
