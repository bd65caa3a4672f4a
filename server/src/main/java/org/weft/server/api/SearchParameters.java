package org.weft.server.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.helidon.webserver.http.ServerRequest;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ProposalCursor;
import org.weft.server.persistence.ProposalQuery;

/**
 * The query string of {@code GET /proposals} → a {@link ProposalQuery}. A category stands for itself
 * and everything narrower ({@code food} finds bread); several values of {@code category} or
 * {@code status} may be given, repeated or comma-separated. Unknown parameters are refused, so a
 * typo ({@code categroy=}) is an error rather than a silently unfiltered list. Pages are found by cursor
 * ({@code before}, {@code after}); {@code page} still works, for clients written before cursors.
 */
final class SearchParameters {
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE = 10_000;
    static final Set<String> SEARCH = Set.of("purpose", "category", "area", "status", "q", "community", "page", "size",
            "before", "after", "lang");

    private SearchParameters() {
    }

    /** The public search; community-only proposals are included only for a signed-in member. */
    static ProposalQuery search(ServerRequest req, Taxonomy taxonomy, boolean member) {
        allowOnly(req, SEARCH);
        String purposeText = single(req, "purpose");
        Purpose purpose = purposeText == null ? null : Purpose.fromWire(purposeText)
                .orElseThrow(() -> ApiException.badField("purpose", "field_choice", "purpose", "offer, request"));
        String community = single(req, "community");
        return keyset(req, new ProposalQuery(community == null ? null : community.toLowerCase(Locale.ROOT), purpose,
                categories(req, taxonomy), single(req, "area"), statuses(req), text(req), null, member, false,
                page(req), size(req)));
    }

    /** A member's own list: every status unless {@code status} narrows it. */
    static ProposalQuery mine(ServerRequest req, long memberId) {
        allowOnly(req, Set.of("status", "page", "size", "before", "after", "lang"));
        List<ProposalStatus> statuses = values(req, "status").isEmpty() ? List.of(ProposalStatus.values()) : statuses(req);
        return keyset(req, new ProposalQuery(null, null, null, null, statuses, null, memberId, true, false, page(req),
                size(req)));
    }

    /**
     * The query moved to the page {@code before} or {@code after} names: a cursor from an earlier answer's
     * {@code older} or {@code newer}. One of them, or {@code page} (kept for clients written before cursors).
     */
    private static ProposalQuery keyset(ServerRequest req, ProposalQuery query) {
        ProposalCursor before = cursor(req, "before");
        ProposalCursor after = cursor(req, "after");
        if ((before != null ? 1 : 0) + (after != null ? 1 : 0) + (single(req, "page") != null ? 1 : 0) > 1) {
            throw ApiException.badField(before != null ? "before" : "after", "Give at most one of 'before', 'after' and 'page'");
        }
        return before != null ? query.olderThan(before) : after != null ? query.newerThan(after) : query;
    }

    private static ProposalCursor cursor(ServerRequest req, String name) {
        String text = single(req, name);
        if (text == null) {
            return null;
        }
        return ProposalCursor.parse(text).orElseThrow(() -> ApiException.badField(name,
                "'" + name + "' must be a cursor from an earlier answer's 'older' or 'newer'"));
    }

    static void allowOnly(ServerRequest req, Set<String> allowed) {
        for (String name : req.query().names()) {
            if (!allowed.contains(name)) {
                throw ApiException.badField(name, "parameter_unknown", name, String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    static int page(ServerRequest req) {
        return integer(req, "page", 1, 1, MAX_PAGE);
    }

    static int size(ServerRequest req) {
        return integer(req, "size", DEFAULT_PAGE_SIZE, 1, ProposalQuery.MAX_PAGE_SIZE);
    }

    private static List<String> categories(ServerRequest req, Taxonomy taxonomy) {
        Set<String> uris = new LinkedHashSet<>();
        for (String value : values(req, "category")) {
            Concept concept = (value.contains(":") ? taxonomy.byUri(value) : taxonomy.byId(value))
                    .orElseThrow(() -> ApiException.badField("category", "category_unknown", value));
            addWithNarrower(taxonomy, concept, uris);
        }
        return new ArrayList<>(uris);
    }

    private static void addWithNarrower(Taxonomy taxonomy, Concept concept, Set<String> uris) {
        if (uris.add(concept.uri())) {
            taxonomy.narrower(concept).forEach(c -> addWithNarrower(taxonomy, c, uris));
        }
    }

    private static List<ProposalStatus> statuses(ServerRequest req) {
        List<ProposalStatus> statuses = new ArrayList<>();
        for (String value : values(req, "status")) {
            if (value.equalsIgnoreCase("all")) {
                return List.of(ProposalStatus.values());
            }
            statuses.add(ProposalStatus.fromWire(value).orElseThrow(() -> ApiException.badField("status", "field_choice",
                    "status", "open, promised, fulfilled, withdrawn, expired, all")));
        }
        return statuses;
    }

    /** Every value of a parameter, repeated or comma-separated, blanks dropped. */
    private static List<String> values(ServerRequest req, String name) {
        List<String> values = new ArrayList<>();
        for (String raw : req.query().all(name, List::of)) {
            for (String part : raw.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        return values;
    }

    /** The search text, refused here (naming the parameter) rather than deep in the query when it is too long. */
    private static String text(ServerRequest req) {
        String q = single(req, "q");
        if (q != null && q.length() > ProposalQuery.MAX_TEXT) {
            throw ApiException.badField("q", "parameter_too_long", "q", ProposalQuery.MAX_TEXT);
        }
        return q;
    }

    private static String single(ServerRequest req, String name) {
        List<String> values = req.query().all(name, List::of);
        if (values.size() > 1) {
            throw ApiException.badField(name, "parameter_repeated", name);
        }
        return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).strip();
    }

    /** An id given as {@code name} (a positive whole number), or null when none is given. */
    static Long id(ServerRequest req, String name) {
        String text = single(req, name);
        if (text == null) {
            return null;
        }
        try {
            long value = Long.parseLong(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw ApiException.badField(name, "parameter_range", name, 1, Long.MAX_VALUE);
    }

    private static int integer(ServerRequest req, String name, int defaultValue, int min, int max) {
        String text = single(req, name);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw ApiException.badField(name, "parameter_range", name, min, max);
    }
}
