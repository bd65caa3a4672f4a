package org.weft.server.domain.actor;

import org.hibernate.Session;
import org.weft.activitypub.vocab.Activities;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.queue.Outbox;

/**
 * Tells a local actor's followers that its profile changed, with an {@code Update} embedding the actor document
 * as it is now. Mastodon otherwise refreshes a remote profile only when it happens to refetch it, which can take
 * days; with the Update, a community's new "about" shows on its followers' servers at once.
 */
public final class ActorUpdates {
    private final Outbox outbox;
    private final ActorRenderer renderer;

    public ActorUpdates(Outbox outbox, ActorRenderer renderer) {
        this.outbox = outbox;
        this.renderer = renderer;
    }

    /** Queues the Update in the transaction that changed {@code actor}, so both happen or neither does. */
    public void changed(Session s, ActorEntity actor) {
        s.flush();
        // Not listed in the outbox: a profile change is not a post.
        outbox.send(s, actor, Activities.update(outbox.newActivityId(), actor.getUri(), renderer.toWire(actor).toJson()),
                FollowRepository.acceptedFollowerActors(s, actor), false);
    }
}
