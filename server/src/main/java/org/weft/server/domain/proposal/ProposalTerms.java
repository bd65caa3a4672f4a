package org.weft.server.domain.proposal;

import org.weft.activitypub.content.HtmlSanitizer;
import org.weft.server.domain.classify.SearchTerms;
import org.weft.server.persistence.ProposalEntity;

/**
 * Stores a proposal's words for the board search ({@link SearchTerms}), as its own language reads them: called
 * wherever a proposal's title, description or language is written (here and by other servers), in the same
 * transaction, so a search finds the proposal as soon as it is on the board, on every node.
 */
public final class ProposalTerms {
    private ProposalTerms() {
    }

    /** Analyses the proposal's title and description (plain text of a remote post's HTML) and stores the terms. */
    public static void index(ProposalEntity p) {
        String description = p.isLocal() || p.getDescription() == null ? p.getDescription()
                : HtmlSanitizer.toPlainText(p.getDescription());
        p.setSearchTerms(SearchTerms.ofPost(p.getLanguage(), p.getTitle(), description), SearchTerms.VERSION);
    }
}
