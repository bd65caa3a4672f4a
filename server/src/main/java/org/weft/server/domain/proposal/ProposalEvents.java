package org.weft.server.domain.proposal;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import org.hibernate.Session;
import org.weft.server.persistence.ProposalEntity;

/** Calls a {@link ProposalListener} after the transaction that changed a proposal commits, and not at all on rollback. */
public final class ProposalEvents {
    private ProposalEvents() {
    }

    public static void afterCommit(Session s, ProposalEntity proposal, ProposalListener listener) {
        if (listener == ProposalListener.NONE) {
            return;
        }
        s.getTransaction().registerSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing: the id of a new proposal is known once persisted, and the listener runs after commit.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    listener.changed(proposal);
                }
            }
        });
    }

    /** A publisher that also tells the listener about every local change it publishes. */
    public static ProposalPublisher notifying(ProposalPublisher publisher, ProposalListener listener) {
        return new ProposalPublisher() {
            @Override
            public void published(Session session, ProposalEntity proposal) {
                publisher.published(session, proposal);
                afterCommit(session, proposal, listener);
            }

            @Override
            public void updated(Session session, ProposalEntity proposal) {
                publisher.updated(session, proposal);
                afterCommit(session, proposal, listener);
            }

            @Override
            public void deleted(Session session, ProposalEntity proposal) {
                publisher.deleted(session, proposal);
                afterCommit(session, proposal, listener);
            }
        };
    }
}
