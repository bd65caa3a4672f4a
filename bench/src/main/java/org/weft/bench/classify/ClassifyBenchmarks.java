package org.weft.bench.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.weft.server.domain.classify.Classification;
import org.weft.server.domain.classify.TextClassifier;
import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * One free-text post per invocation, the posts taken in turn: {@link #classify} runs the whole classifier as the
 * inbox does (Lingua, the Lucene analysis, concepts, purpose, kind, confidence); {@link #analyzeOnly}, the yardstick,
 * runs Lucene's stock analyzer of the post's language over the same text and reads every token. Sample-time mode,
 * so each invocation is one latency sample and the percentiles are per post.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClassifyBenchmarks {

    /** Posts written for this benchmark (not from any evaluation set): language, text. */
    static final List<String[]> POSTS = List.of(
            new String[] {"en", "Does anyone have a spare pushchair? Ours broke on the way back from the clinic"},
            new String[] {"en", "Got two bags of rice and some tins we won't use, free to whoever needs them #food"},
            new String[] {"fr", "Je peux garder des enfants le mercredi après-midi, j'ai l'habitude, écrivez-moi"},
            new String[] {"fr", "Quelqu'un aurait un matelas ou un canapé pour une nuit ou deux ? merci beaucoup"},
            new String[] {"es", "Necesito ayuda para llenar los papeles del asilo, no entiendo nada del formulario"},
            new String[] {"es", "Regalo ropa de invierno para niños, talla 6 a 8, todo limpio, paso a dejarla"},
            new String[] {"uk", "Потрібна допомога з перекладом документів з української на німецьку, терміново"},
            new String[] {"uk", "Маю зайві ковдри і подушки, віддам безкоштовно, пишіть у приват"},
            new String[] {"ar", "عندي طنجرة كبيرة وصحون زيادة، ببلاش لأي عيلة محتاجة بالمخيم"},
            new String[] {"ar", "محتاجين حليب أطفال ضروري، الصغير عمره ٣ شهور وخلص الحليب"},
            new String[] {"fa", "کسی می‌تونه فردا منو تا بیمارستان برسونه؟ وقت دکتر دارم"},
            new String[] {"fa", "چند تا پتو و یه بخاری برقی اضافه داریم، رایگان برای هر کی لازم داره"});

    /** The classifier, the stock analyzers and a cursor over the posts, per thread. */
    @State(Scope.Thread)
    public static class Posts {
        TextClassifier classifier;
        Map<String, Analyzer> analyzers;
        int next;

        @Setup
        public void setUp() {
            classifier = new TextClassifier(Taxonomy.load());
            analyzers = Map.of("en", new EnglishAnalyzer(), "fr", new FrenchAnalyzer(), "es", new SpanishAnalyzer(),
                    "uk", new UkrainianMorfologikAnalyzer(), "ar", new ArabicAnalyzer(), "fa", new PersianAnalyzer());
            for (String[] post : POSTS) {
                classifier.classify(post[1], List.of()); // the language models load on first use
            }
        }

        String[] take() {
            String[] post = POSTS.get(next);
            next = (next + 1) % POSTS.size();
            return post;
        }
    }

    @Benchmark
    public Classification classify(Posts posts) {
        return posts.classifier.classify(posts.take()[1], List.of());
    }

    @Benchmark
    public int analyzeOnly(Posts posts) {
        String[] post = posts.take();
        int tokens = 0;
        try (TokenStream stream = posts.analyzers.get(post[0]).tokenStream("text", post[1])) {
            stream.reset();
            while (stream.incrementToken()) {
                tokens++;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
