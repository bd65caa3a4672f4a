package org.weft.server.federation.inbound;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.weft.activitypub.vocab.Activity;
import org.weft.server.domain.post.IgnoredPost;
import org.weft.server.domain.post.IncomingPosts;

/** {@code Create} of a post (Note, Page…): a proposal, a response, or a post for a community's board. */
public final class CreateHandler implements ActivityHandler {
    private final IncomingPosts posts;

    public CreateHandler(IncomingPosts posts) {
        this.posts = posts;
    }

    @Override
    public void handle(Activity create) throws IOException, IgnoredActivity {
        Optional<JsonNode> post = create.object() == null ? Optional.empty() : create.object().embedded();
        if (post.isEmpty()) {
            // Mastodon and Weft always embed the object; a bare id would need a fetch we do not trust to be the sender's.
            throw new IgnoredActivity("Create without an embedded object");
        }
        try {
            posts.created(create.actor(), post.get());
        } catch (IgnoredPost e) {
            throw new IgnoredActivity(e);
        }
    }
}
