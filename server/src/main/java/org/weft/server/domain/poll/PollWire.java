package org.weft.server.domain.poll;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.weft.activitypub.jsonld.PlainJson;
import org.weft.activitypub.vocab.Vocab;
import org.weft.server.domain.PlainText;
import org.weft.server.model.LocalUrls;

/**
 * A poll as an ActivityStreams {@code Question} in the shape Mastodon serves and shows as a poll (its
 * {@code note_serializer.rb} poll fields): {@code oneOf} or {@code anyOf} Notes whose {@code name} is the option and
 * whose {@code replies.totalItems} is its count, {@code endTime}, {@code votersCount}, and {@code closed} once final.
 * Attributed to the community; public, with the community's followers in {@code cc}. Counts only: no voter is named.
 */
public final class PollWire {
    private final LocalUrls urls;

    public PollWire(LocalUrls urls) {
        this.urls = urls;
    }

    public ObjectNode toWire(PollResults poll, String communityUri, Instant published) {
        ObjectNode q = PlainJson.object();
        ArrayNode context = q.putArray("@context");
        context.add(Vocab.AS_CONTEXT);
        ObjectNode terms = context.addObject();
        terms.put("toot", "http://joinmastodon.org/ns#");
        terms.put("votersCount", "toot:votersCount");
        q.put("id", poll.uri());
        q.put("type", "Question");
        q.put("attributedTo", communityUri);
        q.put("url", poll.uri());
        q.put("published", published.toString());
        q.putArray("to").add(Vocab.PUBLIC);
        q.putArray("cc").add(urls.followers(communityUri));
        // A decision's proposed rules follow the question, so a Mastodon follower reads in full what they vote on.
        q.put("content", PlainText.toHtml(poll.details() == null ? poll.question()
                : poll.question() + "\n\n" + poll.details()));
        q.put("endTime", poll.endsAt().toString());
        if (poll.closedAt() != null) {
            q.put("closed", poll.closedAt().toString());
        }
        q.put("votersCount", poll.voterCount());
        ArrayNode options = q.putArray(poll.multiple() ? "anyOf" : "oneOf");
        for (PollResults.OptionCount option : poll.options()) {
            ObjectNode note = options.addObject().put("type", "Note").put("name", option.name());
            note.putObject("replies").put("type", "Collection").put("totalItems", option.count());
        }
        return q;
    }
}
