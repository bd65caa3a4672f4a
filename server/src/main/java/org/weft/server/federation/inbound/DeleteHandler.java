package org.weft.server.federation.inbound;

import java.time.Clock;

import org.weft.activitypub.vocab.Activity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.FollowRepository;

/** {@code Delete}: of an actor by itself (its follows go, it is marked deleted), or of a post by its owner. */
public final class DeleteHandler implements ActivityHandler {
    private final Database db;
    private final IncomingPosts posts;
    private final Clock clock;

    public DeleteHandler(Database db, IncomingPosts posts, Clock clock) {
        this.db = db;
        this.posts = posts;
        this.clock = clock;
    }

    @Override
    public void handle(Activity delete) throws IgnoredActivity {
        String object = delete.object() == null ? null : delete.object().id();
        if (object == null) {
            throw new IgnoredActivity("Delete without an object");
        }
        if (!object.equals(delete.actor())) {
            posts.deleted(delete.actor(), object);
            return;
        }
        db.run(s -> ActorRepository.byUri(s, object).filter(a -> !a.isLocal()).ifPresent(actor -> {
            FollowRepository.deleteAllInvolving(s, actor);
            actor.setDeletedAt(clock.instant());
        }));
    }
}
