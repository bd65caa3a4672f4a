package org.weft.server.domain.proposal;

import java.util.List;

import org.weft.server.domain.classify.SearchTerms;
import org.weft.server.domain.classify.TextClassifier;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.persistence.ProposalQuery;

/**
 * What a board search's text means, in any of the six languages: the concepts it names (and the narrower ones), and
 * its words as the six analyzers read them. "babysitting", "رعاية أطفال" and "garde d'enfants" all find the offers of
 * babysitting, whatever language they were written in; "enfants" finds a French post that says "enfant".
 */
public final class BoardSearch {
    private final Taxonomy taxonomy;
    private final TextClassifier classifier;

    public BoardSearch(Taxonomy taxonomy, TextClassifier classifier) {
        this.taxonomy = taxonomy;
        this.classifier = classifier;
    }

    /** The query, its text also matched by meaning; unchanged when it has no text. */
    public ProposalQuery withMeaning(ProposalQuery query) {
        if (query.text() == null || query.text().isBlank()) {
            return query;
        }
        List<String> concepts = classifier.conceptsNamedIn(query.text()).stream()
                .flatMap(c -> taxonomy.withNarrowerUris(c).stream()).distinct().toList();
        return query.withMeaning(new ProposalQuery.TextMeaning(concepts, SearchTerms.ofQuery(query.text()),
                SearchTerms.VERSION));
    }
}
