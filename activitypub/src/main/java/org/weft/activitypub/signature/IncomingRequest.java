package org.weft.activitypub.signature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as it arrived, before anything rewrote it: what signature verification needs.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param path the raw (still percent-encoded) path, e.g. {@code /users/amina/inbox}
 * @param rawQuery the raw query string without {@code ?}, or null when the URL had none
 * @param headers every header with every value, names matched case-insensitively
 * @param body the raw body bytes (empty for GET); not copied, so do not change the array afterwards
 */
public record IncomingRequest(String method, String path, String rawQuery, Map<String, List<String>> headers,
                              byte[] body) {

    /** Copies the headers into a case-insensitive, unmodifiable map. */
    public IncomingRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Map<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> caseInsensitive.computeIfAbsent(name, n -> new ArrayList<>())
                .addAll(values));
        caseInsensitive.replaceAll((name, values) -> List.copyOf(values));
        headers = Collections.unmodifiableMap(caseInsensitive);
        body = body == null ? new byte[0] : body;
    }

    /**
     * All values of a header joined with {@code ", "}, as draft-cavage builds the signing string.
     *
     * @param name the header name, any case
     * @return the joined value, or empty if the header is absent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
    }

    /** @return true if the request carries body bytes */
    public boolean hasBody() {
        return body.length > 0;
    }
}
