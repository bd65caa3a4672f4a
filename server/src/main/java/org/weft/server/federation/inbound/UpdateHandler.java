package org.weft.server.federation.inbound;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import org.weft.activitypub.vocab.Activity;
import org.weft.activitypub.vocab.Actor;
import org.weft.server.domain.actor.RemoteActors;
import org.weft.server.domain.post.IgnoredPost;
import org.weft.server.domain.post.IncomingPosts;

/** {@code Update}: an actor updating itself (profile, key), or an owner updating a post we keep. */
public final class UpdateHandler implements ActivityHandler {
    private final RemoteActors remoteActors;
    private final IncomingPosts posts;

    public UpdateHandler(RemoteActors remoteActors, IncomingPosts posts) {
        this.remoteActors = remoteActors;
        this.posts = posts;
    }

    @Override
    public void handle(Activity update) throws IOException, IgnoredActivity {
        JsonNode object = update.object() == null ? null : update.object().embedded().orElse(null);
        if (object == null) {
            throw new IgnoredActivity("Update without an embedded object");
        }
        if (!update.actor().equals(update.object().id())) {
            try {
                posts.updated(update.actor(), object);
            } catch (IgnoredPost e) {
                throw new IgnoredActivity(e);
            }
            return;
        }
        Actor actor;
        try {
            actor = Actor.fromJson(object);
        } catch (RuntimeException e) {
            throw new IgnoredActivity("Update with an unreadable actor: " + e.getMessage());
        }
        remoteActors.store(actor);
    }
}
