package org.weft.server.domain.proposal;

import org.hibernate.Session;
import org.weft.server.persistence.ProposalEntity;

/** Tells the right audience about a local proposal's life, inside the transaction that changed it. */
public interface ProposalPublisher {
    void published(Session session, ProposalEntity proposal);

    void updated(Session session, ProposalEntity proposal);

    void deleted(Session session, ProposalEntity proposal);
}
