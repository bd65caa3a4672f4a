package org.weft.server.domain.taxonomy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One concept of the taxonomy, as read from the data file.
 *
 * @param id        stable kebab-case ASCII id, the fragment of {@code uri}
 * @param uri       {@code https://w3id.org/weft/taxonomy/v1#<id>}: what proposals carry and matching compares
 * @param hashtag   lowercase ASCII hashtag without {@code #}, as Mastodon would fold it
 * @param broader   id of the parent concept, or {@code null} for a top-level concept
 * @param narrower  ids of the direct children, in data-file order
 * @param related   ids of neighbouring concepts outside its own line of broader and narrower ones (SKOS {@code related}:
 *                  filling in forms and tech help), both ways, in data-file order; help in one often answers a need in the
 *                  other, so matching proposes them as a weaker match
 * @param labels    display label per language code
 * @param synonyms  words people write for this concept, per language code (may be empty for a language)
 * @param sensitive whether the data file marks it as sensitive help (childcare, health, money, housing…): see
 *                  {@link Taxonomy#isSensitive}, which also counts the marks of its broader concepts
 */
public record Concept(String id, String uri, String hashtag, String broader, List<String> narrower, List<String> related,
                      Map<String, String> labels, Map<String, List<String>> synonyms, boolean sensitive) {

    public Concept {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(hashtag, "hashtag");
        narrower = List.copyOf(narrower);
        related = List.copyOf(related);
        labels = Map.copyOf(labels);
        synonyms = Map.copyOf(synonyms);
    }

    public boolean isTopLevel() {
        return broader == null;
    }

    /** Synonyms for one language; empty when there are none. */
    public List<String> synonyms(String lang) {
        return synonyms.getOrDefault(lang, List.of());
    }
}
