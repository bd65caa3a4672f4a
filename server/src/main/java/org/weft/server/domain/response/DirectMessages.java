package org.weft.server.domain.response;

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
import org.weft.server.domain.PlainText;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ConversationMessageEntity;
import org.weft.server.persistence.ConversationMessageRepository;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.queue.Outbox;

/**
 * Direct messages from a local actor to one other actor: a Note addressed only to them ({@code to} = them, {@code cc}
 * empty), mentioning them so their server notifies them. In the caller's transaction it goes out through the outbox to
 * an actor on another server, or straight into the {@link MessageInbox} of a member of this instance (the outbox sends
 * nothing to local actors, and a local member has no server of their own to receive it). Conversations use the same
 * Note for the other side of a response when it is on another server ({@link #sendInConversation}).
 */
public final class DirectMessages {
    private final Outbox outbox;
    private final LocalUrls urls;
    private final Clock clock;
    private final MessageInbox local;

    public DirectMessages(Outbox outbox, LocalUrls urls, Clock clock) {
        this.outbox = outbox;
        this.urls = urls;
        this.clock = clock;
        this.local = new MessageInbox(clock);
    }

    /**
     * Sends {@code text} (plain text; line breaks kept) from {@code from} to {@code to}, about the proposal {@code about}
     * (may be null; the Note then replies to nothing).
     */
    public void send(Session s, ActorEntity from, ActorEntity to, ProposalEntity about, String text) {
        String inReplyTo = about == null ? null : about.getUri();
        if (to.isLocal()) {
            ObjectNode note = note(urls.note(UUID.randomUUID().toString()), from, to, inReplyTo, text);
            local.keep(s, note.path("id").asText(), from, to, about == null ? null : about.getId(),
                    note.path("content").asText());
            return;
        }
        sendNote(s, from, to, inReplyTo, null, text);
    }

    /**
     * Queues a direct Note from {@code from} to {@code to}, an actor on another server, as the next message of the
     * conversation of {@code r}, and returns the Note's id. It replies to the conversation's last message (to the
     * response for the first), so it threads on their server, and its {@code context} is the response, which both
     * sides know by that id: deliveries run side by side, and a message that arrives before the one it replies to
     * still finds its conversation there instead of passing for a new post.
     */
    String sendInConversation(Session s, ActorEntity from, ActorEntity to, ResponseEntity r, String text) {
        String inReplyTo = ConversationMessageRepository.last(s, r).map(ConversationMessageEntity::getUri).orElse(r.getUri());
        return sendNote(s, from, to, inReplyTo, r.getUri(), text);
    }

    /**
     * Queues a direct Note from {@code from} to {@code to}, an actor on another server, in reply to {@code inReplyTo}
     * and in the {@code context} (either may be null), and returns the Note's id.
     */
    private String sendNote(Session s, ActorEntity from, ActorEntity to, String inReplyTo, String context, String text) {
        String id = urls.note(UUID.randomUUID().toString());
        ObjectNode note = note(id, from, to, inReplyTo, text);
        if (context != null) {
            note.put("context", context);
        }
        outbox.send(s, from, Activities.create(outbox.newActivityId(), from.getUri(), note), List.of(to), false);
        return id;
    }

    private ObjectNode note(String id, ActorEntity from, ActorEntity to, String inReplyTo, String text) {
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
        return note;
    }
}
