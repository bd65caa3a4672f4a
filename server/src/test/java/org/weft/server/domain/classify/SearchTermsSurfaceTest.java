package org.weft.server.domain.classify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A post keeps each word's folded surface beside its stems, and searches need it: the stem a search word gets in one
 * form is often the surface of another form of the same word, which the post's own stemmer cut shorter ("grosse" is
 * stemmed to "gros", the post's "gros" to "gro"). Storing the stems alone would take a fifth of the terms off, and
 * lose these findings: over the classifier's example posts (4,099 in six languages) and every word in them, 788 pairs
 * of a word and a post it finds, mostly in Arabic, French and Persian (BENCHMARKS.md, G15 storage3).
 */
class SearchTermsSurfaceTest {

    @ParameterizedTest(name = "{0}: \"{2}\" finds \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "fr | J'ai un gros sac de vêtements pour enfants | grosse",
            "fr | Entretien d'embauche jeudi, le premier depuis deux ans | première",
            "es | Puedo pagar el billete de autobús a quien lo necesite | autobuses",
            "ar | عندي تلفون قديم بيشتغل منيح | تلفوني",
            "ar | بساعد الكبار بالعمر: تنزيل واتساب ومكالمات فيديو | الواتساب",
            "fa | تحویل کنار باغ، عصرها در تابستان | تابستانی"})
    void aSearchWordFindsAnotherFormOfThePostsWordThroughItsSurface(String language, String post, String word) {
        List<Set<String>> query = SearchTerms.ofQuery(word);

        assertTrue(finds(SearchTerms.ofPost(language, post, null), query), "the stored terms hold a reading of the word");
        assertFalse(finds(stemsOnly(language, post), query), "and only through a surface: the stems alone miss it");
    }

    private static boolean finds(Set<String> stored, List<Set<String>> query) {
        return !query.isEmpty() && query.stream().allMatch(readings -> readings.stream().anyMatch(stored::contains));
    }

    private static Set<String> stemsOnly(String language, String text) {
        Set<String> stems = new HashSet<>();
        TextAnalysis.tokens(language, text).forEach(t -> stems.addAll(t.terms()));
        return stems;
    }
}
