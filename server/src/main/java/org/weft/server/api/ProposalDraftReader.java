package org.weft.server.api;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.weft.server.domain.proposal.ProposalDraft;
import org.weft.server.model.Audience;
import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;

/**
 * The JSON of {@code POST /proposals} and {@code PATCH /proposals/{id}} → a {@link ProposalDraft}.
 * Only the shape is checked here (known fields, right types); limits and meaning are the service's
 * rules, so the API and the web pages refuse exactly the same things.
 */
final class ProposalDraftReader {
    static final Set<String> CREATE_FIELDS = Set.of("community", "purpose", "title", "description", "language",
            "translations", "categories", "kind", "quantity", "unit", "area", "coordinates", "endsAt", "audience");
    /** What an edit may send: where and as what it was posted cannot change. */
    static final Set<String> EDIT_FIELDS = Set.of("title", "description", "language", "translations", "categories",
            "kind", "quantity", "unit", "area", "coordinates", "endsAt", "audience");
    private static final Set<String> COORDINATE_FIELDS = Set.of("latitude", "longitude");
    private static final Set<String> TEXT_FIELDS = Set.of("title", "description");

    private ProposalDraftReader() {
    }

    static ProposalDraft create(JsonBody body) {
        return read(body).community(body.text("community"))
                .purpose(body.word("purpose", Purpose::fromWire, "offer, request"))
                .build();
    }

    static ProposalDraft edit(JsonBody body) {
        if (body.has("unit") && !body.has("quantity")) {
            throw ApiException.badField("unit", "unit_needs_quantity");
        }
        return read(body).build();
    }

    private static ProposalDraft.Builder read(JsonBody body) {
        ProposalDraft.Builder draft = ProposalDraft.builder()
                .title(body.text("title"))
                .description(body.text("description"))
                .language(body.text("language"))
                .categories(body.textList("categories"))
                .kind(body.word("kind", ProposalDraftReader::kind, "gift, loan, time"))
                .area(body.text("area"))
                .endsAt(body.instant("endsAt"))
                .audience(body.word("audience", ProposalDraftReader::audience, "public, community, anonymous"))
                .translations(translations(body));
        BigDecimal quantity = body.decimal("quantity");
        String unit = body.text("unit");
        if (quantity != null || unit != null) {
            draft.quantity(quantity, unit);
        }
        JsonBody coordinates = body.object("coordinates", COORDINATE_FIELDS);
        if (coordinates != null) {
            Double latitude = coordinates.number("latitude");
            Double longitude = coordinates.number("longitude");
            if (latitude == null || longitude == null) {
                throw ApiException.badField("coordinates", "coordinates_incomplete");
            }
            draft.coordinates(latitude, longitude);
        }
        return draft;
    }

    private static Map<String, ProposalDraft.Text> translations(JsonBody body) {
        JsonBody languages = body.object("translations", null);
        if (languages == null) {
            return null;
        }
        Map<String, ProposalDraft.Text> texts = new LinkedHashMap<>();
        for (String language : languages.fieldNames()) {
            JsonBody text = languages.object(language, TEXT_FIELDS);
            if (text == null) {
                throw languages.wrongType(language, "api.type.translation");
            }
            texts.put(language, new ProposalDraft.Text(text.text("title"), text.text("description")));
        }
        return texts;
    }

    private static Optional<HelpKind> kind(String word) {
        return switch (word) {
            case "gift" -> Optional.of(HelpKind.GIFT);
            case "loan" -> Optional.of(HelpKind.LOAN);
            case "time" -> Optional.of(HelpKind.TIME);
            default -> Optional.empty();
        };
    }

    private static Optional<Audience> audience(String word) {
        try {
            return Optional.of(Audience.valueOf(word.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
