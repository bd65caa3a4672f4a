package org.weft.activitypub.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Objects;

/**
 * A JSON object fetched with {@link ActivityPubClient#fetchDocument}, before any {@code id} check.
 *
 * @param finalUri the URL the document was finally served from, after redirects
 * @param json the parsed object
 */
public record FetchedDocument(URI finalUri, JsonNode json) {

    /** Rejects null components. */
    public FetchedDocument {
        Objects.requireNonNull(finalUri, "finalUri");
        Objects.requireNonNull(json, "json");
    }

    /** @return the document's {@code id} if it is a string, else null */
    public String id() {
        JsonNode id = json.get("id");
        return id != null && id.isTextual() ? id.asText() : null;
    }
}
