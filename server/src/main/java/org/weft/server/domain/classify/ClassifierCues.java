package org.weft.server.domain.classify;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.weft.activitypub.jsonld.PlainJson;
import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;

/** The cue data of {@code taxonomy/classifier-cues.json}: phrases, hashtags, weak words and default kinds. */
final class ClassifierCues {

    static final String RESOURCE = "/taxonomy/classifier-cues.json";

    final Map<String, Purpose> purposeHashtags = new HashMap<>();
    final CueSet purposePhrases;
    final CueSet kindPhrases;
    /** Words that aim a question at the reader ("anyone", "alguien", "хтось", "کسی"): see {@link PurposeDetector}. */
    final CueSet readerWords;
    /** One-word purpose phrases that are a verb with its person ("віддам", "busco"): see {@link PurposeDetector}. */
    final CueSet firstPersonVerbs;
    final CueSet negationsBefore;
    final CueSet negationsAfter;
    final Map<String, HelpKind> conceptKinds = new HashMap<>();
    final Map<String, Set<String>> weakWords = new HashMap<>();
    final Map<String, List<String>> ignoredPhrases = new HashMap<>();
    /**
     * Per concept id, per language: words people use for the concept besides the taxonomy's labels and synonyms, from
     * the {@code conceptWords}, {@code conceptVocabulary} and {@code conceptSayings} sections of the cue file.
     */
    final Map<String, Map<String, List<String>>> conceptWords = new HashMap<>();

    private ClassifierCues(JsonNode root) {
        root.path("purposeHashtags").fields().forEachRemaining(e -> {
            Purpose purpose = Purpose.fromWire(e.getKey()).orElseThrow(() -> unknown("purpose", e.getKey()));
            e.getValue().forEach(tag -> purposeHashtags.put(hashtagKey(tag.asText()), purpose));
        });
        purposePhrases = cueSet(root.path("purposePhrases"));
        kindPhrases = cueSet(root.path("kindPhrases"));
        readerWords = cueSet(wrap("reader", withoutComments(root.path("readerWords"))));
        firstPersonVerbs = cueSet(wrap("verb", withoutComments(root.path("firstPersonVerbs"))));
        JsonNode negations = root.path("negations");
        negationsBefore = cueSet(wrap("negation", negations.path("before")));
        negationsAfter = cueSet(wrap("negation", negations.path("after")));
        wordsByLanguage(root.path("weakWords"), weakWords);
        root.path("ignoredPhrases").fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("_")) {
                List<String> phrases = new ArrayList<>();
                e.getValue().forEach(p -> phrases.add(p.asText()));
                ignoredPhrases.put(e.getKey(), phrases);
            }
        });
        // Words added from the misses of the tuning posts (conceptWords, sessions 22-23), words written concept by
        // concept from its meaning (conceptVocabulary, session 25) and the ways people say a need, as an action or in
        // dialect, written from knowledge of the languages (conceptSayings, session 35): the same kind of evidence, kept
        // apart in the file so that each can be measured, or taken out, on its own.
        for (String section : List.of("conceptWords", "conceptVocabulary", "conceptSayings")) {
            root.path(section).fields().forEachRemaining(concept -> {
                if (!concept.getKey().startsWith("_")) {
                    Map<String, List<String>> byLang = conceptWords.computeIfAbsent(concept.getKey(), k -> new HashMap<>());
                    concept.getValue().fields().forEachRemaining(lang -> {
                        List<String> words = byLang.computeIfAbsent(lang.getKey(), k -> new ArrayList<>());
                        lang.getValue().forEach(w -> words.add(w.asText()));
                    });
                }
            });
        }
        root.path("conceptKinds").fields().forEachRemaining(e -> conceptKinds.put(e.getKey(), kind(e.getValue().asText())));
    }

    static ClassifierCues load() {
        try (InputStream in = ClassifierCues.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classifier cues " + RESOURCE + " are missing from the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }

    /** Cues in the cue file's format from elsewhere: a test reads an older cue file beside the shipped one. */
    static ClassifierCues read(InputStream in) throws IOException {
        return new ClassifierCues(PlainJson.read(in));
    }

    /** Hashtags compare without '#', case, underscores or letter variants: see {@link TextAnalysis#hashtagKey}. */
    static String hashtagKey(String hashtag) {
        return TextAnalysis.hashtagKey(hashtag);
    }

    static HelpKind kind(String name) {
        return switch (name) {
            case "gift" -> HelpKind.GIFT;
            case "loan" -> HelpKind.LOAN;
            case "time" -> HelpKind.TIME;
            default -> throw unknown("kind", name);
        };
    }

    /** {lang: [word…]} into sets of the words' stems, as that language's analyzer gives them; '_' keys are comments. */
    private static void wordsByLanguage(JsonNode byLang, Map<String, Set<String>> into) {
        byLang.fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("_")) {
                Set<String> terms = new HashSet<>();
                e.getValue().forEach(w -> TextAnalysis.tokens(e.getKey(), w.asText()).forEach(t -> terms.addAll(t.terms())));
                into.put(e.getKey(), terms);
            }
        });
    }

    /** {label: {lang: [pattern…]}} into one cue set. */
    private static CueSet cueSet(JsonNode byLabel) {
        List<CuePattern> patterns = new ArrayList<>();
        byLabel.fields().forEachRemaining(label -> label.getValue().fields().forEachRemaining(lang ->
                lang.getValue().forEach(p -> patterns.add(CuePattern.parse(label.getKey(), lang.getKey(), p.asText())))));
        return new CueSet(patterns);
    }

    private static JsonNode withoutComments(JsonNode byLang) {
        var copy = PlainJson.object();
        byLang.fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("_")) {
                copy.set(e.getKey(), e.getValue());
            }
        });
        return copy;
    }

    private static JsonNode wrap(String label, JsonNode byLang) {
        return PlainJson.object().set(label, byLang);
    }

    private static IllegalStateException unknown(String what, String value) {
        return new IllegalStateException("classifier cues name an unknown " + what + " \"" + value + "\"");
    }
}
