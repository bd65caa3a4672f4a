package org.weft.server.domain.proposal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.weft.activitypub.jsonld.PlainJson;
import org.weft.server.persistence.ProposalEntity;

/**
 * A proposal's translations as they are stored, {@code {"uk": {"title": …, "description": …}}}, read for the Note other
 * servers get and for the API. A row that does not hold them so (damaged, written by hand, older than the column's
 * JSON) must not take the outbox page it is on, or the proposal's document, down with it: what cannot be read is
 * left out, and the proposal goes out in its own language. Such a row is logged once, not on every read.
 */
public final class StoredTranslations {
    private static final Logger LOG = Logger.getLogger(StoredTranslations.class.getName());
    /** Proposals already named in the log (by address, unique across servers); a crawler reads the same rows again. */
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private StoredTranslations() {
    }

    /** Each language's {@code {title, description}}, in the order stored; none when there are none it can read. */
    public static Map<String, JsonNode> of(ProposalEntity p) {
        Map<String, JsonNode> readable = new LinkedHashMap<>();
        String stored = p.getTranslations();
        if (stored == null || stored.isBlank()) {
            return readable;
        }
        JsonNode all = read(stored);
        if (all == null || !all.isObject()) {
            unreadable(p);
            return readable;
        }
        all.properties().forEach(language -> {
            if (language.getValue().isObject()) {
                readable.put(language.getKey(), language.getValue());
            } else {
                unreadable(p);
            }
        });
        return readable;
    }

    private static JsonNode read(String stored) {
        try {
            return PlainJson.read(stored);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Names the row, never its text (it may be anything). */
    private static void unreadable(ProposalEntity p) {
        if (REPORTED.add(p.getUri())) {
            LOG.warning("Stored translations of proposal row " + p.getId() + " cannot be read; what cannot is left out");
        }
    }
}
