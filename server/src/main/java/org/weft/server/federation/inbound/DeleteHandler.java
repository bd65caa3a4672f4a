package org.weft.server.federation.inbound;

import org.weft.activitypub.vocab.Activity;
import org.weft.server.domain.actor.RemoteActors;
import org.weft.server.domain.post.IgnoredPost;
import org.weft.server.domain.post.IncomingPosts;

/** {@code Delete}: of an actor by itself (its follows go, it is marked deleted), or of a post by its owner. */
public final class DeleteHandler implements ActivityHandler {
    private final RemoteActors remoteActors;
    private final IncomingPosts posts;

    public DeleteHandler(RemoteActors remoteActors, IncomingPosts posts) {
        this.remoteActors = remoteActors;
        this.posts = posts;
    }

    @Override
    public void handle(Activity delete) throws IgnoredActivity {
        String object = delete.object() == null ? null : delete.object().id();
        if (object == null) {
            throw new IgnoredActivity("Delete without an object");
        }
        if (!object.equals(delete.actor())) {
            try {
                posts.deleted(delete.actor(), object);
            } catch (IgnoredPost e) {
                throw new IgnoredActivity(e);
            }
            return;
        }
        remoteActors.deleted(object);
    }
}
