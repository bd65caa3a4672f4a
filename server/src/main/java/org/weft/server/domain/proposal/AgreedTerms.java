package org.weft.server.domain.proposal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.weft.server.persistence.ProposalEntity;

/**
 * What someone whose response is accepted agrees to: the proposal's title, description, quantity, area and end date.
 * Two proposals' terms are equal when all of these are; a change of any of them after an acceptance is news to the
 * responder ({@link TermsChanged}). Its categories, kind, language and translations are how it is filed and read, not
 * what was arranged. The quantity compares by value (2 and 2.0 are one quantity), the end date by its day (UTC), as
 * every page shows it: renewing twice in a minute moved it by seconds, and the responder was told twice of a change
 * no page could show them.
 */
record AgreedTerms(String title, String description, BigDecimal quantity, String unit, String areaCode, String areaName,
                   Instant endsAt) {
    AgreedTerms {
        quantity = quantity == null ? null : quantity.stripTrailingZeros();
        endsAt = endsAt == null ? null : endsAt.truncatedTo(ChronoUnit.DAYS);
    }

    static AgreedTerms of(ProposalEntity p) {
        return new AgreedTerms(p.getTitle(), p.getDescription(), p.getQuantity(), p.getUnit(), p.getAreaCode(),
                p.getAreaName(), p.getEndsAt());
    }

    /**
     * Whether {@code p}, whose terms were these before a change, is one whose promise now rests on other terms: still
     * open or promised, and its terms differ. One rule for an edit here and for the {@code Update} that edit sends to
     * the Weft instances holding a copy, so that a responder there is told exactly when one here is. A status alone
     * changes none of the terms, so it tells nobody, and the Update that made the copy promised may come in the same
     * delivery as an edit without hiding it.
     */
    boolean changedIn(ProposalEntity p) {
        return p.getStatus().isActive() && !of(p).equals(this);
    }
}
