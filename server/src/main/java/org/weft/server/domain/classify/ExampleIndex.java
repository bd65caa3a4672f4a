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
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
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
    private final IndexSearcher searcher;
    /** Each document's example, read once at build time: a stored field read per hit costs more than the search. */
    private final int[] exampleOfDoc;
    /**
     * Where each indexed term's postings are and how many examples hold it, read once at build time: looking every
     * word of a post up in the terms dictionary was most of a look-up's time (G9, BENCHMARKS.md). A word no example
     * has is not here, and is looked up as before.
     */
    private final Map<String, TermStates> termStates;
    private final long indexBytes;

    /** One labelled post near a new one, and how near (its BM25 score, only comparable within one look-up). */
    record Neighbour(LabelledExample example, float score) {
    }

    /** What a text is indexed and looked up by: distinct words without spaces, given the text's language. */
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
        this.termStates = termStates(searcher);
    }

    /** Every term of the index with its place in each segment and its statistics, as a term query would find them. */
    private static Map<String, TermStates> termStates(IndexSearcher searcher) throws IOException {
        Map<String, TermStates> states = new HashMap<>();
        IndexReaderContext top = searcher.getTopReaderContext();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            var terms = leaf.reader().terms(TERMS);
            if (terms == null) {
                continue;
            }
            TermsEnum term = terms.iterator();
            for (BytesRef bytes = term.next(); bytes != null; bytes = term.next()) {
                TermStates known = states.get(bytes.utf8ToString());
                if (known == null) {
                    states.put(bytes.utf8ToString(), new TermStates(top, term.termState(), leaf.ord, term.docFreq(),
                            term.totalTermFreq()));
                } else {
                    known.register(term.termState(), leaf.ord, term.docFreq(), term.totalTermFreq());
                }
            }
        }
        return states;
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

    private List<Neighbour> nearest(List<String> words, int k) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (words.isEmpty()) {
            return List.of();
        }
        words.stream().limit(MAX_TERMS)
                .forEach(t -> query.add(termQuery(t), BooleanClause.Occur.SHOULD));
        try {
            List<Neighbour> found = new ArrayList<>();
            // Only the k best are wanted, not how many matched: Lucene may then skip documents that cannot make it.
            for (ScoreDoc hit : searcher.search(query.build(), new TopScoreDocCollectorManager(k, k)).scoreDocs) {
                found.add(new Neighbour(examples.get(exampleOfDoc[hit.doc]), hit.score));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory index failed", e);
        }
    }

    /** A query for {@code term}, told where the term is when the index has it (the same query, without the seek). */
    private TermQuery termQuery(String term) {
        TermStates states = termStates.get(term);
        return states == null ? new TermQuery(new Term(TERMS, term)) : new TermQuery(new Term(TERMS, term), states);
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
