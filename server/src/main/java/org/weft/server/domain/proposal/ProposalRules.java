package org.weft.server.domain.proposal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.Audience;
import org.weft.server.model.Purpose;

/**
 * The limits a proposal must respect, and the defaults it gets. Every refusal is an {@link InvalidInputException}
 * naming the field and what to change.
 */
public final class ProposalRules {
    public static final int MAX_TITLE = 120;
    public static final int MAX_DESCRIPTION = 5_000;
    public static final int MAX_CATEGORIES = 3;
    public static final BigDecimal MAX_QUANTITY = new BigDecimal("10000");
    public static final int MAX_DECIMALS = 3;
    /** OM2 unit names accepted for quantities, in the order forms offer them. */
    public static final List<String> UNITS = List.of("one", "hour", "day", "kilogram", "litre", "metre");
    /** Offers stay up two weeks and requests one week unless the member says otherwise; renewable. */
    public static final Duration DEFAULT_OFFER_LIFETIME = Duration.ofDays(14);
    public static final Duration DEFAULT_REQUEST_LIFETIME = Duration.ofDays(7);
    public static final Duration MAX_LIFETIME = Duration.ofDays(90);
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private final Taxonomy taxonomy;

    public ProposalRules(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public String title(String title) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            throw InvalidInputException.field("title", "title_required");
        }
        if (t.codePointCount(0, t.length()) > MAX_TITLE) {
            throw InvalidInputException.field("title", "title_too_long", MAX_TITLE);
        }
        return t;
    }

    public String description(String description) {
        String d = description == null ? "" : description.strip();
        if (d.codePointCount(0, d.length()) > MAX_DESCRIPTION) {
            throw InvalidInputException.field("description", "description_too_long", MAX_DESCRIPTION);
        }
        return d;
    }

    public String language(String language) {
        String lang = language == null || language.isBlank() ? "en" : language.strip();
        if (!LANGUAGE.matcher(lang).matches()) {
            throw InvalidInputException.field("language", "language_invalid", language);
        }
        return lang;
    }

    /**
     * The audience a post gets when its author did not choose one: community only for sensitive help (whatever the
     * purpose: the community posts it, so the member is anonymous outside) and for requests, public for other offers.
     */
    public Audience defaultAudience(Purpose purpose, List<String> categoryUris) {
        return purpose == Purpose.REQUEST || taxonomy.anySensitive(categoryUris) ? Audience.COMMUNITY : Audience.PUBLIC;
    }

    /** Category ids or URIs → concept URIs, in order, without repeats. */
    public List<String> categories(List<String> categories) {
        if (categories == null || categories.isEmpty()) {
            throw InvalidInputException.field("categories", "categories_required");
        }
        Set<String> uris = new LinkedHashSet<>();
        for (String category : categories) {
            Concept concept = (category != null && category.contains(":") ? taxonomy.byUri(category) : taxonomy.byId(category))
                    .orElseThrow(() -> InvalidInputException.field("categories", "category_unknown", category));
            uris.add(concept.uri());
        }
        if (uris.size() > MAX_CATEGORIES) {
            throw InvalidInputException.field("categories", "categories_too_many", MAX_CATEGORIES);
        }
        return new ArrayList<>(uris);
    }

    public void quantity(BigDecimal quantity, String unit) {
        if (quantity == null) {
            if (unit != null && !unit.isBlank()) {
                throw InvalidInputException.field("quantity", "unit_needs_quantity");
            }
            return;
        }
        if (quantity.signum() <= 0 || quantity.compareTo(MAX_QUANTITY) > 0) {
            throw InvalidInputException.field("quantity", "quantity_out_of_range", MAX_QUANTITY);
        }
        if (quantity.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw InvalidInputException.field("quantity", "quantity_too_precise", MAX_DECIMALS);
        }
        if (unit == null || unit.isBlank()) {
            throw InvalidInputException.field("unit", "unit_required");
        }
        if (!UNITS.contains(unit)) {
            throw InvalidInputException.field("unit", "unit_unknown", unit);
        }
    }

    /** The end date, defaulted by purpose; refused when past or further away than the longest lifetime. */
    public Instant endsAt(Instant requested, Purpose purpose, Instant now) {
        if (requested == null) {
            return now.plus(purpose == Purpose.OFFER ? DEFAULT_OFFER_LIFETIME : DEFAULT_REQUEST_LIFETIME);
        }
        if (!requested.isAfter(now)) {
            throw InvalidInputException.field("endsAt", "ends_not_in_future");
        }
        if (requested.isAfter(now.plus(MAX_LIFETIME))) {
            throw InvalidInputException.field("endsAt", "ends_too_far", MAX_LIFETIME.toDays());
        }
        return requested;
    }
}
