package org.weft.activitypub.jsonld;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Decides, without JSON-LD processing, whether a document's terms already mean what Weft reads them as.
 *
 * <p>That holds when every context entry is a known URL, or an inline map that only adds new terms (Mastodon's
 * {@code toot:} terms, Misskey's, Lemmy's and so on). An inline map that renames a keyword, gives an
 * ActivityStreams IRI a different name, or points an ActivityStreams or security term elsewhere does not hold, and
 * the document goes through expansion and compaction instead.
 */
final class ContextInspector {

    private ContextInspector() {
    }

    /** Whether the {@code @context} value lists ActivityStreams in any spelling. */
    static boolean includesActivityStreams(JsonNode context) {
        if (context.isTextual()) {
            return ContextUrls.isActivityStreams(context.asText());
        }
        if (context.isArray()) {
            for (JsonNode entry : context) {
                if (entry.isTextual() && ContextUrls.isActivityStreams(entry.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether this document and every object embedded in it use only contexts that are safe to read as is. */
    static boolean usesOnlyKnownContexts(JsonNode document) {
        if (document.isObject()) {
            JsonNode context = document.get("@context");
            if (context != null && !isKnown(context)) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : document.properties()) {
                if (!"@context".equals(field.getKey()) && !usesOnlyKnownContexts(field.getValue())) {
                    return false;
                }
            }
        } else if (document.isArray()) {
            for (JsonNode item : document) {
                if (!usesOnlyKnownContexts(item)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isKnown(JsonNode context) {
        if (context.isTextual()) {
            return ContextUrls.isKnown(context.asText());
        }
        if (context.isObject()) {
            return onlyAddsTerms(context);
        }
        if (context.isArray()) {
            for (JsonNode entry : context) {
                if (!isKnown(entry)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean onlyAddsTerms(JsonNode map) {
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            String term = entry.getKey();
            if (term.startsWith("@")) {
                // @language only sets a default language; @vocab, @base, @version and the like change meanings.
                if (!"@language".equals(term)) {
                    return false;
                }
                continue;
            }
            String iri = BundledContexts.iriOf(entry.getValue(), map);
            String coreIri = BundledContexts.CORE_TERMS.get(term);
            if (coreIri != null) {
                if (!coreIri.equals(iri)) {
                    return false;
                }
                continue;
            }
            if (iri == null) {
                continue;
            }
            if (iri.startsWith("@")) {
                return false;
            }
            Set<String> names = BundledContexts.CORE_NAMES_BY_IRI.get(iri);
            if (names != null && !names.contains(term)) {
                return false;
            }
        }
        return true;
    }
}
