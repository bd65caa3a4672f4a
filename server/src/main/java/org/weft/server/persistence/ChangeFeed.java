package org.weft.server.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.hibernate.HibernateException;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;

/**
 * The writing side of the change feed: every insert, update or delete of a row that some node keeps a copy of in
 * memory (an actor, a proposal, a server block) adds a {@code change_feed} row in the <b>same transaction</b>, just
 * before it commits. So the row exists exactly when the change does (a rollback takes both), and no caller has to
 * remember to write it: it hooks into Hibernate, as {@link LocalActorCommits} does, and sees every write through any
 * session of this process. Bulk HQL updates are not seen; none of the kinds fed here is changed that way.
 *
 * <p>The reading side is {@link ChangeFeedEntries}; each node tails it and drops or reloads its copies.
 */
final class ChangeFeed implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {
    private static final String INSERT = "INSERT INTO change_feed (kind, subject, node, changed_at) VALUES (?, ?, ?, ?)";
    private final String node;

    ChangeFeed(String node) {
        this.node = node;
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        changed(event.getSession(), event.getEntity());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        changed(event.getSession(), event.getEntity());
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        changed(event.getSession(), event.getEntity());
    }

    private void changed(SharedSessionContractImplementor session, Object entity) {
        ChangeKind kind;
        String subject;
        if (entity instanceof ActorEntity actor) {
            kind = ChangeKind.ACTOR;
            subject = actor.getUri();
        } else if (entity instanceof ProposalEntity proposal) {
            kind = ChangeKind.PROPOSAL;
            subject = String.valueOf(proposal.getId());
        } else if (entity instanceof DomainBlockEntity block) {
            kind = ChangeKind.DOMAIN_BLOCK;
            subject = block.getDomain();
        } else {
            return;
        }
        // Written once the flush is over, just before the commit, with the transaction's own connection.
        session.getTransactionCompletionCallbacks().registerCallback((BeforeCompletionCallback) s -> write(s, kind, subject));
    }

    private void write(SharedSessionContractImplementor session, ChangeKind kind, String subject) {
        Connection connection = session.getJdbcCoordinator().getLogicalConnection().getPhysicalConnection();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, kind.name());
            insert.setString(2, subject.length() > 700 ? subject.substring(0, 700) : subject);
            insert.setString(3, node);
            insert.setObject(4, LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new HibernateException("Could not write the change feed", e);
        }
    }
}
