package org.weft.server.domain.matching;

import java.util.List;
import java.util.stream.Collectors;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.web.i18n.Messages;

/**
 * Reasons in words, in the reader's language ("same category: childcare · same area · both open this week"), for the
 * pages, the API and the direct messages about new matches. The sentences are the pages' translations
 * ({@code match.reason.<CODE>}), so every language a page speaks, the API and the messages speak too.
 */
public final class ReasonText {
    private final Taxonomy taxonomy;

    public ReasonText(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** Every reason in {@code m}'s language, joined with " · ". */
    public String words(List<Reason> reasons, Messages m) {
        return list(reasons, m).stream().collect(Collectors.joining(" · "));
    }

    /** The stored reasons (the {@code reasons} column) as one phrase each, in {@code m}'s language. */
    public List<String> list(String stored, Messages m) {
        return list(Reason.decodeAll(stored), m);
    }

    public List<String> list(List<Reason> reasons, Messages m) {
        return reasons.stream().map(r -> word(r, m)).toList();
    }

    /** In English: the benchmark's report and logs. */
    public String english(List<Reason> reasons) {
        return words(reasons, Messages.forLanguage("en"));
    }

    public String word(Reason r, Messages m) {
        String key = "match.reason." + r.code().name();
        return switch (r.code()) {
            case SAME_CATEGORY, NARROWER_OFFER, BROADER_OFFER, RELATED_CATEGORY -> m.get(key, concept(r.argument(), m));
            case WITHIN_KM -> m.get(key, r.argument() == null ? "?" : r.argument());
            // The argument names the kind both share; an unknown one reads as a gift.
            case SAME_KIND -> m.get(key + "." + switch (r.argument() == null ? "" : r.argument()) {
                case "loan" -> "loan";
                case "time" -> "time";
                default -> "gift";
            });
            default -> m.get(key);
        };
    }

    /** A concept's label in the reader's language, in lower case: it sits in the middle of a phrase. */
    private String concept(String id, Messages m) {
        String safe = id == null ? "" : id;
        return taxonomy.byId(safe).map(c -> taxonomy.label(c, m.language()).toLowerCase(m.locale())).orElse(safe);
    }
}
