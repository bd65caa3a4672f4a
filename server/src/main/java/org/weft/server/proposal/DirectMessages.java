package org.weft.server.proposal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.weft.activitypub.content.HashtagLinks;
import org.weft.activitypub.vocab.Activities;
import org.weft.activitypub.vocab.Contexts;
import org.weft.server.domain.LocalUrls;
import org.weft.server.domain.PlainText;
import org.weft.server.federation.Outbox;
import org.weft.server.persistence.ActorEntity;

/**
 * Direct messages from a local actor to one other actor: a Note addressed only to them, mentioning them
 * so their server notifies them, delivered through the outbox in the caller's transaction.
 */
public final class DirectMessages {
    private final Outbox outbox;
    private final LocalUrls urls;
    private final Clock clock;

    public DirectMessages(Outbox outbox, LocalUrls urls, Clock clock) {
        this.outbox = outbox;
        this.urls = urls;
        this.clock = clock;
    }

    /** Sends {@code text} (plain text; line breaks kept) from {@code from} to {@code to}; {@code inReplyTo} may be null. */
    public void send(Session s, ActorEntity from, ActorEntity to, String inReplyTo, String text) {
        String id = urls.base() + "/notes/" + UUID.randomUUID();
        Instant now = clock.instant();
        HashtagLinks.Rendered mention = HashtagLinks.mention(to.getUri(),
                to.getProfileUrl() == null ? to.getUri() : to.getProfileUrl(), to.getUsername(), to.getDomain());
        ObjectNode note = JsonNodeFactory.instance.objectNode();
        note.set("@context", Contexts.activityStreams());
        note.put("id", id).put("type", "Note").put("attributedTo", from.getUri());
        if (inReplyTo != null) {
            note.put("inReplyTo", inReplyTo);
        }
        note.put("published", now.toString())
                .put("content", "<p>" + mention.html() + " " + PlainText.escape(text.strip()).replaceAll("\\R", "<br>") + "</p>");
        note.putArray("to").add(to.getUri());
        note.putArray("cc");
        note.putArray("tag").add(mention.tag().toJson());
        outbox.send(s, from, Activities.create(outbox.newActivityId(), from.getUri(), note), List.of(to), false);
    }
}
