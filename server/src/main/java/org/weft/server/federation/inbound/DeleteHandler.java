package org.weft.server.federation.inbound;

import java.time.Clock;

import org.weft.activitypub.vocab.Activity;
import org.weft.server.domain.ActorRepository;
import org.weft.server.domain.FollowRepository;
import org.weft.server.persistence.Database;

/** {@code Delete}: of an actor by itself — its follows go and it is marked deleted. */
public final class DeleteHandler implements ActivityHandler {
    private final Database db;
    private final Clock clock;

    public DeleteHandler(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void handle(Activity delete) throws IgnoredActivity {
        String object = delete.object() == null ? null : delete.object().id();
        if (object == null || !object.equals(delete.actor())) {
            // Deletes of posts belong to the offers-and-requests work; nothing of theirs is stored yet.
            throw new IgnoredActivity("Delete of " + object + " (not an actor deleting itself)");
        }
        db.run(s -> ActorRepository.byUri(s, object).filter(a -> !a.isLocal()).ifPresent(actor -> {
            FollowRepository.deleteAllInvolving(s, actor);
            actor.setDeletedAt(clock.instant());
        }));
    }
}
