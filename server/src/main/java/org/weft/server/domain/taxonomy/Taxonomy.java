package org.weft.server.domain.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The shared help taxonomy: immutable, validated on load, and looked up by id, URI or hashtag.
 * Distances between concepts are what the matcher ranks by (issue 4): an exact concept beats a broader one.
 */
public final class Taxonomy {

    public static final String VERSION = "1";
    public static final String BASE_URI = "https://w3id.org/weft/taxonomy/v" + VERSION + "#";
    /** The languages every concept carries a label in; English is the fallback. */
    public static final List<String> LANGUAGES = List.of("en", "ar", "fr", "es", "uk", "fa");
    public static final String FALLBACK_LANGUAGE = "en";
    public static final String OTHER_ID = "other";
    static final String RESOURCE = "/taxonomy/v" + VERSION + ".json";

    private final List<Concept> all;
    private final Map<String, Concept> byId = new LinkedHashMap<>();
    private final Map<String, Concept> byHashtag = new LinkedHashMap<>();

    private Taxonomy(List<Concept> concepts) {
        TaxonomyValidator.validate(concepts);
        this.all = List.copyOf(concepts);
        for (Concept c : concepts) {
            byId.put(c.id(), c);
            byHashtag.put(c.hashtag().toLowerCase(Locale.ROOT), c);
        }
        if (!byId.containsKey(OTHER_ID)) {
            throw new InvalidTaxonomyException("the taxonomy has no \"" + OTHER_ID + "\" concept for unclassified help");
        }
    }

    /** The taxonomy shipped with Weft, read once from the classpath. */
    public static Taxonomy load() {
        return Shipped.INSTANCE;
    }

    /** Reads and validates a taxonomy in the data-file format; throws {@link InvalidTaxonomyException} if broken. */
    public static Taxonomy read(InputStream in) {
        return new Taxonomy(TaxonomyReader.read(in));
    }

    public Optional<Concept> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** Only URIs of this version's base resolve; anything else (another scheme, a typo) is unknown. */
    public Optional<Concept> byUri(String uri) {
        if (uri == null || !uri.startsWith(BASE_URI)) {
            return Optional.empty();
        }
        return byId(uri.substring(BASE_URI.length()));
    }

    /** Case-insensitive, with or without the leading {@code #}. */
    public Optional<Concept> byHashtag(String hashtag) {
        if (hashtag == null) {
            return Optional.empty();
        }
        String tag = hashtag.strip();
        if (tag.startsWith("#")) {
            tag = tag.substring(1);
        }
        return Optional.ofNullable(byHashtag.get(tag.toLowerCase(Locale.ROOT)));
    }

    public List<Concept> all() {
        return all;
    }

    public List<Concept> topLevel() {
        return all.stream().filter(Concept::isTopLevel).toList();
    }

    public List<Concept> narrower(Concept concept) {
        return concept.narrower().stream().map(byId::get).toList();
    }

    /** The URIs of a concept and of every concept below it: a search for "food" finds "baby food" too. */
    public List<String> withNarrowerUris(Concept concept) {
        List<String> uris = new ArrayList<>();
        uris.add(concept.uri());
        for (Concept n : narrower(concept)) {
            uris.addAll(withNarrowerUris(n));
        }
        return uris;
    }

    public Concept other() {
        return byId.get(OTHER_ID);
    }

    /** The label in {@code lang}, or the English one when the language is unknown or missing. */
    public String label(Concept concept, String lang) {
        String label = lang == null ? null : concept.labels().get(lang.toLowerCase(Locale.ROOT));
        return label != null ? label : concept.labels().get(FALLBACK_LANGUAGE);
    }

    /**
     * Whether help in this concept is sensitive: the data marks it or one of its broader concepts (childcare, eldercare,
     * health, mental wellbeing, money, a place to stay). Posts in such categories default to community only, and
     * their forms carry a safety note.
     */
    public boolean isSensitive(Concept concept) {
        return concept.sensitive() || ancestors(concept).stream().anyMatch(Concept::sensitive);
    }

    /** Whether any of these category URIs (unknown ones ignored) is sensitive. */
    public boolean anySensitive(List<String> uris) {
        return uris != null && uris.stream().map(this::byUri).flatMap(Optional::stream).anyMatch(this::isSensitive);
    }

    /** Parent first, then grandparent, up to the top level; empty for a top-level concept. */
    public List<Concept> ancestors(Concept concept) {
        List<Concept> result = new ArrayList<>();
        for (Concept c = parent(concept); c != null; c = parent(c)) {
            result.add(c);
        }
        return Collections.unmodifiableList(result);
    }

    /** True when {@code broader} is {@code narrower} itself or one of its ancestors. */
    public boolean isSameOrBroader(Concept broader, Concept narrower) {
        return broader.id().equals(narrower.id()) || ancestors(narrower).stream().anyMatch(a -> a.id().equals(broader.id()));
    }

    /**
     * Steps through the hierarchy from {@code a} to {@code b}: 0 the same, 1 parent or child, 2 grandparent or
     * siblings, and so on; -1 when they share no ancestor (different top-level concepts).
     */
    public int distance(Concept a, Concept b) {
        List<Concept> upFromA = selfAndAncestors(a);
        List<Concept> upFromB = selfAndAncestors(b);
        for (int i = 0; i < upFromA.size(); i++) {
            for (int j = 0; j < upFromB.size(); j++) {
                if (upFromA.get(i).id().equals(upFromB.get(j).id())) {
                    return i + j;
                }
            }
        }
        return -1;
    }

    private List<Concept> selfAndAncestors(Concept concept) {
        List<Concept> chain = new ArrayList<>();
        chain.add(concept);
        chain.addAll(ancestors(concept));
        return chain;
    }

    private Concept parent(Concept concept) {
        return concept.broader() == null ? null : byId.get(concept.broader());
    }

    /** Holder idiom: the shipped file is parsed on first use, once, and a broken file fails loudly there. */
    private static final class Shipped {
        static final Taxonomy INSTANCE = readShipped();

        private static Taxonomy readShipped() {
            try (InputStream in = Taxonomy.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new InvalidTaxonomyException("taxonomy resource " + RESOURCE + " is missing from the classpath");
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + RESOURCE, e);
            }
        }
    }
}
