package org.weft.server.federation.inbound;

import org.weft.activitypub.vocab.Activity;
import org.weft.activitypub.vocab.Actor;
import org.weft.server.federation.remote.RemoteActors;

/** {@code Update} of an actor by itself: store the new profile and key. */
public final class UpdateActorHandler implements ActivityHandler {
    private final RemoteActors remoteActors;

    public UpdateActorHandler(RemoteActors remoteActors) {
        this.remoteActors = remoteActors;
    }

    @Override
    public void handle(Activity update) throws IgnoredActivity {
        var embedded = update.object() == null ? java.util.Optional.<com.fasterxml.jackson.databind.JsonNode>empty()
                : update.object().embedded();
        if (embedded.isEmpty()) {
            throw new IgnoredActivity("Update without an embedded object");
        }
        if (!update.actor().equals(update.object().id())) {
            // Updates of posts come with the offers-and-requests work.
            throw new IgnoredActivity("Update of " + update.object().id() + " (not an actor updating itself)");
        }
        Actor actor;
        try {
            actor = Actor.fromJson(embedded.get());
        } catch (IllegalArgumentException e) {
            throw new IgnoredActivity("Update with an unreadable actor: " + e.getMessage());
        }
        remoteActors.store(actor);
    }
}
