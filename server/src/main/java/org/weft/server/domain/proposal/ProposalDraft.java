package org.weft.server.domain.proposal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.weft.server.model.Audience;
import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;

/**
 * What a member submits to create or edit a proposal, before validation. Text is plain text (never
 * HTML): it is escaped when rendered. Null means "not given" (defaults apply on create, no change on
 * edit).
 *
 * @param community    username of the community it is posted to
 * @param categories   taxonomy concept ids or URIs, best first
 * @param translations more languages: language tag → title and description
 */
public record ProposalDraft(String community, Purpose purpose, String title, String description, String language,
                            List<String> categories, HelpKind kind, BigDecimal quantity, String unit, String areaCode,
                            Double latitude, Double longitude, Instant endsAt, Audience audience,
                            Map<String, Text> translations) {

    /** Title and description in one language. */
    public record Text(String title, String description) {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction for tests, the CLI and the API. */
    public static final class Builder {
        private String community;
        private Purpose purpose;
        private String title;
        private String description;
        private String language;
        private List<String> categories;
        private HelpKind kind;
        private BigDecimal quantity;
        private String unit;
        private String areaCode;
        private Double latitude;
        private Double longitude;
        private Instant endsAt;
        private Audience audience;
        private Map<String, Text> translations;

        public Builder community(String value) {
            community = value;
            return this;
        }

        public Builder purpose(Purpose value) {
            purpose = value;
            return this;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder language(String value) {
            language = value;
            return this;
        }

        public Builder categories(String... value) {
            categories = List.of(value);
            return this;
        }

        public Builder categories(List<String> value) {
            categories = value;
            return this;
        }

        public Builder kind(HelpKind value) {
            kind = value;
            return this;
        }

        public Builder quantity(BigDecimal value, String unitName) {
            quantity = value;
            unit = unitName;
            return this;
        }

        public Builder area(String value) {
            areaCode = value;
            return this;
        }

        public Builder coordinates(Double lat, Double lon) {
            latitude = lat;
            longitude = lon;
            return this;
        }

        public Builder endsAt(Instant value) {
            endsAt = value;
            return this;
        }

        public Builder audience(Audience value) {
            audience = value;
            return this;
        }

        public Builder translations(Map<String, Text> value) {
            translations = value;
            return this;
        }

        public ProposalDraft build() {
            return new ProposalDraft(community, purpose, title, description, language, categories, kind, quantity, unit,
                    areaCode, latitude, longitude, endsAt, audience, translations);
        }
    }
}
