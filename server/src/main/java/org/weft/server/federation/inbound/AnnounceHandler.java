package org.weft.server.federation.inbound;

import java.io.IOException;

import org.weft.activitypub.vocab.Activity;
import org.weft.server.domain.post.IgnoredPost;
import org.weft.server.domain.post.IncomingPosts;

/**
 * {@code Announce}: a community (or anyone we follow) boosting a post. The object may be an id (what
 * Mastodon and Weft send) or, FEP-1b12 style, an embedded Create; either way the post itself is
 * fetched from its own server rather than trusted from the wrapper.
 */
public final class AnnounceHandler implements ActivityHandler {
    private final IncomingPosts posts;

    public AnnounceHandler(IncomingPosts posts) {
        this.posts = posts;
    }

    @Override
    public void handle(Activity announce) throws IOException, IgnoredActivity {
        if (announce.object() == null || announce.object().id() == null) {
            throw new IgnoredActivity("Announce without an object");
        }
        String objectId = announce.objectAsActivity()
                .filter(inner -> "Create".equals(inner.type()) || "Update".equals(inner.type()))
                .map(inner -> inner.object() == null ? null : inner.object().id())
                .orElse(announce.object().id());
        if (objectId == null) {
            throw new IgnoredActivity("Announce of an activity without an object");
        }
        try {
            posts.announced(announce.actor(), objectId);
        } catch (IgnoredPost e) {
            throw new IgnoredActivity(e);
        }
    }
}
