package org.weft.server.ui;

import java.util.List;

import org.weft.server.domain.matching.Reason;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.web.i18n.Messages;

/**
 * A match's stored reasons in the member's language. The matching package words them in English for the API and
 * direct messages; pages need every language, so the words live in the web module's bundles, keyed by code.
 */
final class MatchReasons {
    private final Taxonomy taxonomy;

    MatchReasons(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    List<String> words(String stored, Messages m) {
        return Reason.decodeAll(stored).stream().map(r -> word(r, m)).toList();
    }

    String word(Reason r, Messages m) {
        String key = "match.reason." + r.code().name();
        return switch (r.code()) {
            case SAME_CATEGORY, NARROWER_OFFER, BROADER_OFFER -> m.get(key, concept(r.argument(), m));
            case WITHIN_KM -> m.get(key, r.argument() == null ? "?" : r.argument());
            // The argument names the kind both share; an unknown one reads as a gift, as in the English wording.
            case SAME_KIND -> m.get(key + "." + switch (r.argument() == null ? "" : r.argument()) {
                case "loan" -> "loan";
                case "time" -> "time";
                default -> "gift";
            });
            default -> m.get(key);
        };
    }

    private String concept(String id, Messages m) {
        String safe = id == null ? "" : id;
        return taxonomy.byId(safe).map(c -> taxonomy.label(c, m.language())).orElse(safe);
    }
}
