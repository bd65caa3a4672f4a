package org.weft.server.domain.classify;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

import morfologik.stemming.Dictionary;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.es.SpanishPluralStemFilter;
import org.apache.lucene.analysis.fa.PersianCharFilter;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.fa.PersianStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.morfologik.MorfologikFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The Lucene analysis chain of one language, used alike for a post and for the vocabulary (taxonomy labels and
 * synonyms, cue phrases), so that both meet in the same form. Every chain tokenises by Unicode word rules, folds case
 * and the letter variants of its script, then emits each word twice ({@link KeywordRepeatFilter}): once as it is
 * (the surface, for cue phrases) and once stemmed or lemmatised (the terms, for concepts).
 *
 * <ul>
 *   <li>en: possessives dropped, diacritics folded, the minimal (plural) stemmer: on the free-text development set
 *       it finds what Porter and KStem find (28 of 35 needs) with fewer wrong concepts (27 instead of 31), because
 *       it does not merge words that only share a root.</li>
 *   <li>fr: elisions dropped (l', d', qu'…), light stemmer, then diacritics folded, so that "demenagement" typed
 *       without accents meets "déménagement" (the light stemmer found one need more than the minimal one).</li>
 *   <li>es: the plural stemmer, then diacritics and ñ folded as people type without them. The light stemmer leaves
 *       words under five letters alone, so "niño" never met "niños"; the plural one finds as much with two wrong
 *       concepts fewer.</li>
 *   <li>ar and fa: Arabic and Persian normalisers both, so an Arabic and a Persian keyboard type the same letters
 *       (ي/ی, ك/ک, ة/ه, hamza forms, marks and tatweel dropped) and Eastern digits become 0–9; then the Arabic light
 *       stemmer (articles, conjunctions, plural and feminine endings) or the Persian one. For Persian the ZWNJ splits
 *       a word, and a verb prefix typed apart is joined again ({@link PersianVerbPrefixFilter}). Possessive
 *       endings the light stemmers leave are offered as alternatives ({@link ArabicScriptSuffixFilter}).</li>
 *   <li>uk: apostrophe variants and ґ unified as in Lucene's Ukrainian analyzer, then the morfologik dictionary gives
 *       every dictionary form of a word (ковдрами → ковдра).</li>
 * </ul>
 * Latin-script words inside an Arabic, Persian or Ukrainian post are loanwords far more often than not ("SIM",
 * "wifi"): they go through the English stemmer, as the English vocabulary does. No stopwords are removed: "no",
 * "не" and "ما" carry negations and purposes.
 */
final class PostAnalyzer extends Analyzer {

    private static final CharArraySet FRENCH_ELISIONS = new CharArraySet(
            Arrays.asList("l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"), true);
    private static final NormalizeCharMap UKRAINIAN_CHARACTERS = ukrainianCharacters();
    private static final NormalizeCharMap ARABIC_BORROWED_LETTERS = arabicBorrowedLetters();
    private static final String UKRAINIAN_DICTIONARY = "ua/net/nlp/ukrainian.dict";

    /** No language: case, diacritics and Arabic-script letters folded, nothing stemmed (for hashtags). */
    static final String NEUTRAL = "und";

    /**
     * Lucene keeps each thread's last chain for reuse; the Ukrainian chain is built afresh for each text instead, so
     * that no thread holds the dictionary once the text is read (see {@link UkrainianDictionary}). Building it costs
     * a few small objects.
     */
    private static final ReuseStrategy FRESH_CHAIN_EACH_TIME = new ReuseStrategy() {
        @Override
        public TokenStreamComponents getReusableComponents(Analyzer analyzer, String fieldName) {
            return null;
        }

        @Override
        public void setReusableComponents(Analyzer analyzer, String fieldName, TokenStreamComponents components) {
        }
    };

    private final String language;

    /** @param language en, fr, es, ar, fa, uk or {@link #NEUTRAL} */
    PostAnalyzer(String language) {
        super(language.equals("uk") ? FRESH_CHAIN_EACH_TIME : GLOBAL_REUSE_STRATEGY);
        this.language = language;
    }

    String language() {
        return language;
    }

    /** Drops the Ukrainian dictionary as the collector does once it has gone unused (for tests of reading it again). */
    static void forgetUkrainianDictionary() {
        UkrainianDictionary.forget();
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return switch (language) {
            case "fa" -> new PersianCharFilter(reader);
            case "uk" -> new MappingCharFilter(UKRAINIAN_CHARACTERS, reader);
            case "ar" -> new MappingCharFilter(ARABIC_BORROWED_LETTERS, reader);
            default -> reader;
        };
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = switch (language) {
            case "en" -> english(new KeywordRepeatFilter(new ASCIIFoldingFilter(
                    new LowerCaseFilter(new EnglishPossessiveFilter(source)))));
            case "fr" -> new ASCIIFoldingFilter(new FrenchLightStemFilter(new KeywordRepeatFilter(
                    new LowerCaseFilter(new ElisionFilter(source, FRENCH_ELISIONS)))));
            case "es" -> new ASCIIFoldingFilter(new SpanishPluralStemFilter(
                    new KeywordRepeatFilter(new LowerCaseFilter(source))));
            case "ar" -> new ArabicStemFilter(new ArabicScriptSuffixFilter(
                    latinAsEnglish(new KeywordRepeatFilter(arabicScript(source))), false));
            case "fa" -> new PersianStemFilter(new ArabicScriptSuffixFilter(latinAsEnglish(new KeywordRepeatFilter(
                    new PersianVerbPrefixFilter(arabicScript(source)))), true));
            case "uk" -> new LowerCaseFilter(new MorfologikFilter(latinAsEnglish(new KeywordRepeatFilter(
                    new LowerCaseFilter(source))), UkrainianDictionary.get()));
            case NEUTRAL -> new ASCIIFoldingFilter(arabicScript(source));
            default -> throw new IllegalArgumentException("no analysis for language " + language);
        };
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    private static TokenStream english(TokenStream in) {
        return new EnglishMinimalStemFilter(in);
    }

    /** Folds what an Arabic and a Persian keyboard type differently into one spelling. */
    private static TokenStream arabicScript(TokenStream in) {
        return new PersianNormalizationFilter(new ArabicNormalizationFilter(new DecimalDigitFilter(new LowerCaseFilter(in))));
    }

    /** English folding and stemming for Latin-script words only; other words pass untouched. */
    private static TokenStream latinAsEnglish(TokenStream in) {
        Function<TokenStream, TokenStream> englishChain = s -> english(new ASCIIFoldingFilter(s));
        return new ConditionalTokenFilter(in, englishChain) {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

            @Override
            protected boolean shouldFilter() {
                return term.length() > 0 && Script.of(term.charAt(0)) == Script.LATIN;
            }
        };
    }

    /**
     * Letters Arabic writers borrow for foreign and dialect sounds, folded to the letter the vocabulary spells them
     * with: Levantine and Maghrebi "ڤ" for v ("سي ڤي", a CV, is "سي في"), Maghrebi "ڨ" for g, "پ" for p. Only for
     * Arabic: in Persian "پ" is a letter of its own.
     */
    private static NormalizeCharMap arabicBorrowedLetters() {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        map.add("\u06A4", "\u0641"); // veh -> feh
        map.add("\u06A8", "\u0642"); // qaf with three dots -> qaf
        map.add("\u067E", "\u0628"); // peh -> beh
        return map.build();
    }

    private static NormalizeCharMap ukrainianCharacters() {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        for (String apostrophe : new String[] {"\u2019", "\u2018", "\u02BC", "`", "\u00B4"}) {
            map.add(apostrophe, "'");
        }
        map.add("\u0301", ""); // stress mark
        map.add("\u00AD", ""); // soft hyphen
        map.add("ґ", "г");
        map.add("Ґ", "Г");
        return map.build();
    }

    /**
     * The morfologik dictionary of Ukrainian, 7 MB of automaton: a seventh of an idle server's live heap. It is read
     * when a Ukrainian text (or the Ukrainian vocabulary, at start-up) needs it and then held only softly, so the
     * collector drops it once it has gone unused for a while (the JVM's default: one second per MB of the maximum heap
     * left free, at a full collection, such as the one {@code IdleMemory} asks for when the server falls quiet). An
     * instance that reads Ukrainian posts keeps it; the next text after it was dropped reads it again (about 0.15 s).
     * Immutable, so one copy is shared by all threads.
     */
    private static final class UkrainianDictionary {
        private static SoftReference<Dictionary> held = new SoftReference<>(null);

        static synchronized Dictionary get() {
            Dictionary dictionary = held.get();
            if (dictionary == null) {
                dictionary = load();
                held = new SoftReference<>(dictionary);
            }
            return dictionary;
        }

        static synchronized void forget() {
            held.clear();
        }

        private static Dictionary load() {
            try {
                return Dictionary.read(Objects.requireNonNull(
                        PostAnalyzer.class.getClassLoader().getResource(UKRAINIAN_DICTIONARY),
                        UKRAINIAN_DICTIONARY + " is missing from the class path"));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + UKRAINIAN_DICTIONARY, e);
            }
        }
    }
}
