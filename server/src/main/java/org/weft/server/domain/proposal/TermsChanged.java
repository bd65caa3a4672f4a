package org.weft.server.domain.proposal;

import org.hibernate.Session;
import org.weft.server.persistence.ProposalEntity;

/**
 * Told, inside the transaction that changes it, when what an open or promised proposal offers or asks for changed
 * ({@link AgreedTerms}: its title, description, quantity, area or end date). For a local proposal its author edited or
 * renewed it here; for a copy kept here, its owner's {@code Update} brought the change. Whoever it was promised to
 * agreed to what it said before, and must learn that it changed (domain.response tells them); this package only says
 * when. A change of status alone (promised, fulfilled, expired) changes none of these and is not told; withdrawing or
 * deleting is {@link CalledOff}'s. Called once per change.
 */
@FunctionalInterface
public interface TermsChanged {
    TermsChanged NONE = (s, p) -> { };

    void termsChanged(Session s, ProposalEntity proposal);
}
