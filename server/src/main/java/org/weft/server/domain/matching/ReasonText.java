package org.weft.server.domain.matching;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.weft.server.domain.taxonomy.Taxonomy;

/** Reasons in words, for the API and direct messages: "same category: Childcare · same area · both open this week". */
public final class ReasonText {
    private final Taxonomy taxonomy;

    public ReasonText(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public String english(List<Reason> reasons) {
        return reasons.stream().map(this::english).collect(Collectors.joining(" · "));
    }

    public String english(Reason r) {
        return switch (r.code()) {
            case SAME_CATEGORY -> "same category: " + concept(r.argument());
            case NARROWER_OFFER -> "offers a kind of what you asked for: " + concept(r.argument());
            case BROADER_OFFER -> "related category: " + concept(r.argument());
            case SAME_AREA -> "same area";
            case NEARBY_AREA -> "nearby area";
            case SAME_TOP_AREA -> "elsewhere in the same place";
            case WITHIN_KM -> "about " + r.argument() + " km apart";
            case BOTH_OPEN_THIS_WEEK -> "both open this week";
            case TIMES_OVERLAP -> "both open for a few days";
            case SAME_KIND -> switch (r.argument() == null ? "" : r.argument()) {
                case "loan" -> "both a loan";
                case "time" -> "both time given";
                default -> "both a gift";
            };
            case KIND_FITS -> "a gift where a loan was asked for";
            case ENOUGH_QUANTITY -> "enough for what was asked";
            case PARTLY_ENOUGH_QUANTITY -> "part of what was asked";
        };
    }

    private String concept(String id) {
        return taxonomy.byId(id == null ? "" : id).map(c -> taxonomy.label(c, "en").toLowerCase(Locale.ROOT))
                .orElse(id);
    }
}
