package org.weft.server.ui;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** Renders the web module's precompiled templates to a response. */
public final class Templates {
    private final TemplateEngine engine =
            TemplateEngine.createPrecompiled(null, ContentType.Html, null, "org.weft.web.templates");

    /**
     * Renders a template with named parameters. Always the map overload: jte's {@code render(String, Object, …)}
     * treats its argument as the single parameter, so a map passed there fails with a type mismatch.
     */
    public void render(ServerResponse res, String template, Map<String, ?> params) {
        render(res, Status.OK_200, template, params);
    }

    /** Renders a page with another status, for errors a person should read rather than a bare code. */
    public void render(ServerResponse res, Status status, String template, Map<String, ?> params) {
        res.send(prepare(res, status, template, params));
    }

    /**
     * Renders a page and sets its status and headers without sending it: for a page rendered inside a transaction,
     * whose body is sent once that transaction has committed.
     */
    public byte[] prepare(ServerResponse res, Status status, String template, Map<String, ?> params) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(template, new HashMap<String, Object>(params), out);
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=" + StandardCharsets.UTF_8.name().toLowerCase());
        // No form-action directive: browsers apply it to the redirect after a submit, and the remote-follow form
        // must be able to land on the visitor's own server.
        res.header("Content-Security-Policy", "default-src 'self'; img-src 'self' https: data:; style-src 'self'; "
                + "script-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
        return out.toByteArray();
    }
}
