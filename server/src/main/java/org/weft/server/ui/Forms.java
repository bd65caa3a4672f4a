package org.weft.server.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.helidon.webserver.http.ServerRequest;
import org.weft.server.model.ControlCharacters;
import org.weft.server.model.LineBreaks;

/**
 * Reads a submitted form ({@code application/x-www-form-urlencoded}) with a size cap. Every value loses the control
 * characters no one types ({@link ControlCharacters#strip}): every page's form comes through here, so a title,
 * description, response, message or report stores none of them and nothing written from it later (an Atom feed, a
 * Note's {@code content}) inherits them. Its line breaks arrive as CR LF and are read as the one LF the browser counted
 * against the field's {@code maxlength} ({@link LineBreaks}), so every limit checked later counts as the browser did.
 */
final class Forms {
    private static final int MAX_BYTES = 64 * 1024;

    private Forms() {
    }

    static Map<String, List<String>> read(ServerRequest req) {
        if (!req.content().hasEntity()) {
            return new LinkedHashMap<>();
        }
        try (var in = req.content().inputStream()) {
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw new IllegalArgumentException("form.tooLarge");
            }
            return parse(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, List<String>> parse(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : LineBreaks.unify(ControlCharacters.strip(decode(pair.substring(eq + 1))));
            form.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return form;
    }

    /** The first value of a field, stripped; empty string when absent. */
    static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0).strip();
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
