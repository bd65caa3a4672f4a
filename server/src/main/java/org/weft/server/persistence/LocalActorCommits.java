package org.weft.server.persistence;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.hibernate.event.spi.PostCommitDeleteEventListener;
import org.hibernate.event.spi.PostCommitInsertEventListener;
import org.hibernate.event.spi.PostCommitUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Tells whoever keeps copies of a local actor (its rendered documents) that the actor's row changed, once the
 * transaction that changed it has ended. It hooks into Hibernate itself, so every write through any session of this
 * process is seen — an edit page, the account deletion, an operator command, a test poking an entity — and no caller
 * has to remember to say anything. Only the uri of the actor is passed on.
 *
 * <p>Called after the commit, so a reader that comes after the call sees the new row. Also called when the commit
 * failed: a needless invalidation costs one reload, a missed one would serve an old document.
 */
final class LocalActorCommits implements PostCommitInsertEventListener, PostCommitUpdateEventListener,
        PostCommitDeleteEventListener {
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    void add(Consumer<String> listener) {
        listeners.add(listener);
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return persister.getMappedClass() == ActorEntity.class;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        changed(event.getEntity());
    }

    @Override
    public void onPostInsertCommitFailed(PostInsertEvent event) {
        changed(event.getEntity());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        changed(event.getEntity());
    }

    @Override
    public void onPostUpdateCommitFailed(PostUpdateEvent event) {
        changed(event.getEntity());
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        changed(event.getEntity());
    }

    @Override
    public void onPostDeleteCommitFailed(PostDeleteEvent event) {
        changed(event.getEntity());
    }

    private void changed(Object entity) {
        if (entity instanceof ActorEntity actor && actor.isLocal()) {
            for (Consumer<String> listener : listeners) {
                listener.accept(actor.getUri());
            }
        }
    }
}
