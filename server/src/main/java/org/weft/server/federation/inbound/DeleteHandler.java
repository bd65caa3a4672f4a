package org.weft.server.federation.inbound;

import java.util.logging.Logger;

import org.weft.activitypub.vocab.Activity;
import org.weft.server.domain.post.IgnoredPost;
import org.weft.server.domain.post.IncomingPosts;
import org.weft.server.domain.response.ActorDeparture;

/**
 * {@code Delete}: of an actor by itself (what it left here goes: follows, responses, messages, posts, thanks; it is
 * marked deleted), or of a post by its owner.
 */
public final class DeleteHandler implements ActivityHandler {
    private static final Logger LOG = Logger.getLogger(DeleteHandler.class.getName());
    private final IncomingPosts posts;
    private final ActorDeparture departures;

    public DeleteHandler(IncomingPosts posts, ActorDeparture departures) {
        this.posts = posts;
        this.departures = departures;
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
        ActorDeparture.Removed removed = departures.departed(object)
                .orElseThrow(() -> new IgnoredActivity("Delete of " + object + ", an actor not known here"));
        LOG.info(() -> "Actor " + object + " was deleted; removed " + removed);
    }
}
