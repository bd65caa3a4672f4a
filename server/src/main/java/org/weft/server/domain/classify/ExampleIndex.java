package org.weft.server.domain.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The labelled posts ({@link LabelledExample}) in an in-memory Lucene index, to find the ones nearest to a new post:
 * each example is indexed as the stems its own language's {@link PostAnalyzer} gives ({@link TextAnalysis}), and a post
 * is read with the analyzer of its detected language and looked up by BM25 over those stems. Examples in other
 * languages are found only through words the languages share (loanwords, names, hashtags). Built once, read by any
 * number of threads.
 */
final class ExampleIndex {

    private static final String TERMS = "terms";
    private static final String ORDINAL = "n";
    /** Lucene refuses larger boolean queries; a post is far shorter. */
    private static final int MAX_TERMS = 1000;

    private final List<LabelledExample> examples;
    private final Terms terms;
    /** The Lucene index the scores come from; searched only by {@link #nearestByLucene}, the reference. */
    private final IndexSearcher searcher;
    /** Each document's example, read once at build time: a stored field read per hit costs more than the search. */
    private final int[] exampleOfDoc;
    /**
     * Each indexed term's examples and what the term adds to each one's BM25 score, as Lucene scores it, computed once
     * at build time. A look-up through Lucene's query machinery spent most of its time setting up per term (a terms
     * enumeration, cloned index inputs, BM25's explanation of the term's weight, the disjunction's scorer), not adding
     * scores up (G9, BENCHMARKS.md); the index is small and never changes, so the sums are done here, the same way.
     */
    private final Map<String, Postings> postings;
    private final long indexBytes;

    /** One labelled post near a new one, and how near (its BM25 score, only comparable within one look-up). */
    record Neighbour(LabelledExample example, float score) {
    }

    /**
     * What a text is indexed and looked up by: distinct words without spaces, given the text's language. Distinct
     * matters: the look-up would add a repeated word's score once per repetition, where Lucene's query weighted the
     * word by its count, which can round to another float.
     */
    interface Terms {
        List<String> of(String language, String text);

        /** As {@link #of(String, String)}, given the text's words as {@link TextAnalysis#tokens} gives them. */
        default List<String> of(String language, String text, List<Token> tokens) {
            return of(language, text);
        }
    }

    /** The stems ({@link #stems}), taken from the words when the classifier has read them already. */
    private static final Terms STEMS = new Terms() {
        @Override
        public List<String> of(String language, String text) {
            return stems(language, text);
        }

        @Override
        public List<String> of(String language, String text, List<Token> tokens) {
            return stems(tokens);
        }
    };

    /** The documents holding one term, in document order, and the term's BM25 score in each (Lucene's own float). */
    private record Postings(int[] docs, float[] scores) {
    }

    private ExampleIndex(List<LabelledExample> examples, Terms terms, IndexSearcher searcher, long indexBytes)
            throws IOException {
        this.examples = examples;
        this.terms = terms;
        this.searcher = searcher;
        this.indexBytes = indexBytes;
        this.exampleOfDoc = new int[searcher.getIndexReader().maxDoc()];
        StoredFields stored = searcher.storedFields();
        for (int doc = 0; doc < exampleOfDoc.length; doc++) {
            exampleOfDoc[doc] = stored.document(doc).getField(ORDINAL).numericValue().intValue();
        }
        this.postings = postings(searcher);
    }

    /**
     * Every term's postings scored as a {@link TermQuery}'s scorer scores them: the searcher's similarity (BM25) given
     * the same collection and term statistics, fed each document's frequency and length norm. The index is merged
     * into one segment, so each term's statistics are its segment's.
     */
    private static Map<String, Postings> postings(IndexSearcher searcher) throws IOException {
        Map<String, Postings> all = new HashMap<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        if (leaves.size() > 1) {
            throw new IllegalStateException("the example index is expected in one segment, not " + leaves.size());
        }
        CollectionStatistics collection = searcher.collectionStatistics(TERMS);
        for (LeafReaderContext leaf : leaves) {
            var indexed = leaf.reader().terms(TERMS);
            if (indexed == null || collection == null) {
                continue;
            }
            NumericDocValues norms = leaf.reader().getNormValues(TERMS);
            long[] norm = new long[leaf.reader().maxDoc()];
            for (int doc = norms == null ? DocIdSetIterator.NO_MORE_DOCS : norms.nextDoc();
                 doc != DocIdSetIterator.NO_MORE_DOCS; doc = norms.nextDoc()) {
                norm[doc] = norms.longValue();
            }
            TermsEnum term = indexed.iterator();
            PostingsEnum docs = null;
            for (BytesRef bytes = term.next(); bytes != null; bytes = term.next()) {
                TermStatistics statistics = searcher.termStatistics(new Term(TERMS, bytes), term.docFreq(),
                        term.totalTermFreq());
                Similarity.SimScorer scorer = searcher.getSimilarity().scorer(1f, collection, statistics);
                int[] ids = new int[term.docFreq()];
                float[] scores = new float[ids.length];
                docs = term.postings(docs, PostingsEnum.FREQS);
                int n = 0;
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    ids[n] = doc;
                    scores[n++] = scorer.score(docs.freq(), norm[doc]);
                }
                all.put(bytes.utf8ToString(), new Postings(ids, scores));
            }
        }
        return all;
    }

    /** Analyses and indexes every example; the index lives on the heap (a few MB for a few thousand posts). */
    static ExampleIndex of(List<LabelledExample> examples) {
        return of(examples, STEMS);
    }

    /**
     * As {@link #of(List)}, with other terms than the stems: character n-grams were measured this way (session 35,
     * {@code NewWriterResearchTest}) and not kept, as they held fewer posts at the cost of board precision.
     */
    static ExampleIndex of(List<LabelledExample> examples, Terms terms) {
        List<LabelledExample> copy = List.copyOf(examples);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            for (int i = 0; i < copy.size(); i++) {
                LabelledExample example = copy.get(i);
                Document doc = new Document();
                String indexed = String.join(" ", terms.of(example.language(), example.text()));
                doc.add(new TextField(TERMS, indexed, Field.Store.NO));
                doc.add(new StoredField(ORDINAL, i));
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory index failed", e); // no disk involved
        }
        try {
            long bytes = 0;
            for (String file : directory.listAll()) {
                bytes += directory.fileLength(file);
            }
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
            searcher.setQueryCache(null); // no two posts ask the same question
            return new ExampleIndex(copy, terms, searcher, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory index failed", e);
        }
    }

    int size() {
        return examples.size();
    }

    /** The bytes the index's files take on the heap (the examples' texts and the reader's structures come on top). */
    long indexBytes() {
        return indexBytes;
    }

    /**
     * The {@code k} examples nearest to {@code text}, nearest first, read in {@code language} (or the language of most
     * of its letters when none was detected). Empty when no word of the post is in any example.
     */
    List<Neighbour> nearest(String text, Optional<String> language, int k) {
        return nearest(terms.of(language.orElseGet(() -> Script.majorityLanguage(text)), text), k);
    }

    /**
     * As {@link #nearest(String, Optional, int)}, for a text already analysed: {@code tokens} are its words as {@link
     * TextAnalysis#tokens} gives them in {@code language} (or in the language of most of its letters when none was
     * detected), as the classifier's reading has them.
     */
    List<Neighbour> nearest(String text, Optional<String> language, List<Token> tokens, int k) {
        return nearest(terms.of(language.orElseGet(() -> Script.majorityLanguage(text)), text, tokens), k);
    }

    /**
     * The {@code k} examples with the highest BM25 score over {@code words}, as a Lucene disjunction of one term query
     * per word ({@link #nearestByLucene}) ranks them: each example's score is the sum, in double, of its terms' float
     * scores, rounded to float, and equal scores go to the lower document. Lucene sums in double too, so the order of
     * the terms cannot change a sum's float; {@code ExampleIndexTest} checks every shipped post gets the same
     * neighbours and scores both ways.
     */
    private List<Neighbour> nearest(List<String> words, int k) {
        if (words.isEmpty()) {
            return List.of();
        }
        double[] sums = new double[exampleOfDoc.length];
        int[] matched = new int[exampleOfDoc.length];
        int count = 0;
        for (String word : words.size() > MAX_TERMS ? words.subList(0, MAX_TERMS) : words) {
            Postings term = postings.get(word);
            if (term == null) {
                continue;
            }
            for (int i = 0; i < term.docs().length; i++) {
                int doc = term.docs()[i];
                if (sums[doc] == 0) { // every score of a term in a document is above 0
                    matched[count++] = doc;
                }
                sums[doc] += term.scores()[i];
            }
        }
        int[] best = new int[Math.min(k, count)];
        float[] bestScores = new float[best.length];
        int kept = 0;
        for (int m = 0; m < count; m++) {
            int doc = matched[m];
            float score = (float) sums[doc];
            int at = kept;
            while (at > 0 && ahead(score, doc, bestScores[at - 1], best[at - 1])) {
                at--;
            }
            if (at >= best.length) {
                continue;
            }
            int last = Math.min(kept, best.length - 1);
            System.arraycopy(best, at, best, at + 1, last - at);
            System.arraycopy(bestScores, at, bestScores, at + 1, last - at);
            best[at] = doc;
            bestScores[at] = score;
            kept = Math.min(kept + 1, best.length);
        }
        List<Neighbour> found = new ArrayList<>(kept);
        for (int i = 0; i < kept; i++) {
            found.add(new Neighbour(examples.get(exampleOfDoc[best[i]]), bestScores[i]));
        }
        return found;
    }

    /** Lucene's order of hits: the higher score first, and of equal scores the lower document. */
    private static boolean ahead(float score, int doc, float otherScore, int otherDoc) {
        return score > otherScore || (score == otherScore && doc < otherDoc);
    }

    /** The same look-up by Lucene's own search: the reference {@link #nearest(List, int)} is checked against. */
    List<Neighbour> nearestByLucene(String text, Optional<String> language, int k) {
        List<String> words = terms.of(language.orElseGet(() -> Script.majorityLanguage(text)), text);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (words.isEmpty()) {
            return List.of();
        }
        words.stream().limit(MAX_TERMS)
                .forEach(t -> query.add(new TermQuery(new Term(TERMS, t)), BooleanClause.Occur.SHOULD));
        try {
            List<Neighbour> found = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query.build(), new TopScoreDocCollectorManager(k, k)).scoreDocs) {
                found.add(new Neighbour(examples.get(exampleOfDoc[hit.doc]), hit.score));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory index failed", e);
        }
    }

    /** The distinct stems of a text, as the classifier's analyzer of that language gives them. */
    static List<String> stems(String language, String text) {
        return stems(TextAnalysis.tokens(language, text));
    }

    private static List<String> stems(List<Token> tokens) {
        Set<String> terms = new LinkedHashSet<>();
        for (Token token : tokens) {
            token.terms().stream().filter(t -> t.indexOf(' ') < 0 && !t.isEmpty()).forEach(terms::add);
        }
        return List.copyOf(terms);
    }
}
