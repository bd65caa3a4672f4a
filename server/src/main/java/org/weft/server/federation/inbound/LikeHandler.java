package org.weft.server.federation.inbound;

import java.io.IOException;

import org.weft.activitypub.vocab.Activity;
import org.weft.server.domain.actor.RemoteActors;
import org.weft.server.domain.proposal.Thanks;

/**
 * {@code Like} (Mastodon's favourite, Lemmy's upvote, a Misskey reaction with {@code _misskey_reaction}) and
 * {@code EmojiReact} (Pleroma, Akkoma) of a local proposal: counted as thanks. Which emoji is not kept: a reaction is
 * a thank-you like any other.
 */
public final class LikeHandler implements ActivityHandler {
    private final Thanks thanks;
    private final RemoteActors remoteActors;

    public LikeHandler(Thanks thanks, RemoteActors remoteActors) {
        this.thanks = thanks;
        this.remoteActors = remoteActors;
    }

    @Override
    public void handle(Activity like) throws IOException, IgnoredActivity {
        String object = like.object() == null ? null : like.object().id();
        if (object == null) {
            throw new IgnoredActivity(like.type() + " without an object");
        }
        if (!thanks.received(like.id(), remoteActors.resolve(like.actor()), object)) {
            throw new IgnoredActivity(like.type() + " of " + object + ", which is no proposal listed here, or known already");
        }
    }
}
