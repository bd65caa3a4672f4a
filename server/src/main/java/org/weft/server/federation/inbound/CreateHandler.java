package org.weft.server.federation.inbound;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.weft.activitypub.vocab.Activity;
import org.weft.server.domain.poll.RemoteVotes;
import org.weft.server.domain.post.IgnoredPost;
import org.weft.server.domain.post.IncomingPosts;

/**
 * {@code Create} of a post (Note, Page…): a proposal, a response, or a post for a community's board; or a vote, when it
 * is a Note with a {@code name} replying to one of this server's polls (Mastodon's shape), which is never a reply.
 */
public final class CreateHandler implements ActivityHandler {
    private final IncomingPosts posts;
    private final RemoteVotes votes;

    public CreateHandler(IncomingPosts posts, RemoteVotes votes) {
        this.posts = posts;
        this.votes = votes;
    }

    @Override
    public void handle(Activity create) throws IOException, IgnoredActivity {
        Optional<JsonNode> post = create.object() == null ? Optional.empty() : create.object().embedded();
        if (post.isEmpty()) {
            // Mastodon and Weft always embed the object; a bare id would need a fetch we do not trust to be the sender's.
            throw new IgnoredActivity("Create without an embedded object");
        }
        if (isVote(post.get())) {
            vote(create, post.get());
            return;
        }
        try {
            posts.created(create.actor(), post.get());
        } catch (IgnoredPost e) {
            throw new IgnoredActivity(e);
        }
    }

    private boolean isVote(JsonNode note) {
        return "Note".equals(note.path("type").asText()) && note.path("name").isTextual()
                && note.path("inReplyTo").isTextual() && votes.isPoll(note.path("inReplyTo").asText());
    }

    private void vote(Activity create, JsonNode note) throws IgnoredActivity {
        String author = note.path("attributedTo").asText(create.actor());
        if (!author.equals(create.actor())) {
            throw new IgnoredActivity("A vote attributed to someone other than its sender");
        }
        RemoteVotes.Outcome outcome = votes.vote(create.actor(), note.path("inReplyTo").asText(), note.path("name").asText());
        if (outcome != RemoteVotes.Outcome.COUNTED) {
            throw new IgnoredActivity("Vote not counted: " + outcome);
        }
    }
}
