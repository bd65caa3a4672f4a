package org.weft.server.federation.inbound;

import java.util.function.Consumer;
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
    private final Consumer<String> forgetKeys;

    /**
     * @param forgetKeys forgets the verified keys this node keeps for an actor: called once its deletion is stored, so
     *                   that nothing it signs is taken here in the moment before the change feed says so (other nodes
     *                   hear within the feed's interval)
     */
    public DeleteHandler(IncomingPosts posts, ActorDeparture departures, Consumer<String> forgetKeys) {
        this.posts = posts;
        this.departures = departures;
        this.forgetKeys = forgetKeys;
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
        forgetKeys.accept(object);
        LOG.info(() -> "Actor " + object + " was deleted; removed " + removed);
    }
}
