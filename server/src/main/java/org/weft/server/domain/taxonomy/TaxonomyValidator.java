package org.weft.server.domain.taxonomy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the rules every instance relies on before a taxonomy is used: a bad data file should stop start-up with a
 * message that names the concept, not surface later as a proposal that matches nothing.
 */
final class TaxonomyValidator {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Mastodon folds hashtags case-insensitively; we keep them lowercase ASCII so every server links them alike. */
    private static final Pattern HASHTAG = Pattern.compile("[a-z0-9]+");

    private TaxonomyValidator() {
    }

    static void validate(List<Concept> concepts) {
        Map<String, Concept> byId = new HashMap<>();
        Set<String> hashtags = new HashSet<>();
        for (Concept c : concepts) {
            if (!ID.matcher(c.id()).matches()) {
                throw new InvalidTaxonomyException("concept id \"" + c.id() + "\" is not kebab-case ASCII");
            }
            if (byId.put(c.id(), c) != null) {
                throw new InvalidTaxonomyException("concept id \"" + c.id() + "\" appears twice");
            }
            if (!HASHTAG.matcher(c.hashtag()).matches()) {
                throw new InvalidTaxonomyException("concept \"" + c.id() + "\" has hashtag \"" + c.hashtag()
                        + "\"; hashtags are lowercase ASCII letters and digits");
            }
            if (!hashtags.add(c.hashtag().toLowerCase(Locale.ROOT))) {
                throw new InvalidTaxonomyException("hashtag \"" + c.hashtag() + "\" is used by two concepts");
            }
            for (String lang : Taxonomy.LANGUAGES) {
                String label = c.labels().get(lang);
                if (label == null || label.isBlank()) {
                    throw new InvalidTaxonomyException("concept \"" + c.id() + "\" has no label in \"" + lang + "\"");
                }
            }
        }
        for (Concept c : concepts) {
            if (c.broader() != null && !byId.containsKey(c.broader())) {
                throw new InvalidTaxonomyException("concept \"" + c.id() + "\" has unknown broader \"" + c.broader() + "\"");
            }
            checkNoCycle(c, byId);
        }
        for (Concept c : concepts) {
            checkRelated(c, byId);
        }
    }

    /**
     * A related concept exists, is not the concept itself nor "other", and is not above or below it: SKOS keeps
     * {@code related} apart from the broader/narrower hierarchy, and matching already pairs a concept with its parent
     * and children.
     */
    private static void checkRelated(Concept c, Map<String, Concept> byId) {
        for (String id : c.related()) {
            Concept other = byId.get(id);
            if (other == null) {
                throw new InvalidTaxonomyException("concept \"" + c.id() + "\" has unknown related \"" + id + "\"");
            }
            if (id.equals(c.id()) || id.equals(Taxonomy.OTHER_ID) || c.id().equals(Taxonomy.OTHER_ID)) {
                throw new InvalidTaxonomyException("concept \"" + c.id() + "\" cannot be related to \"" + id + "\"");
            }
            if (isAbove(other, c, byId) || isAbove(c, other, byId)) {
                throw new InvalidTaxonomyException("concept \"" + c.id() + "\" is related to \"" + id
                        + "\", which is above or below it already");
            }
        }
    }

    private static boolean isAbove(Concept upper, Concept lower, Map<String, Concept> byId) {
        for (Concept c = lower.broader() == null ? null : byId.get(lower.broader()); c != null;
                c = c.broader() == null ? null : byId.get(c.broader())) {
            if (c.id().equals(upper.id())) {
                return true;
            }
        }
        return false;
    }

    private static void checkNoCycle(Concept start, Map<String, Concept> byId) {
        Set<String> seen = new HashSet<>();
        for (Concept c = start; c != null; c = c.broader() == null ? null : byId.get(c.broader())) {
            if (!seen.add(c.id())) {
                throw new InvalidTaxonomyException("the broader links of \"" + start.id() + "\" form a cycle through \""
                        + c.id() + "\"");
            }
        }
    }
}
