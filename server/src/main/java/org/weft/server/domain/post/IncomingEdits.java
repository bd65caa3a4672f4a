package org.weft.server.domain.post;

import java.io.IOException;
import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;
import org.hibernate.Session;
import org.weft.activitypub.jsonld.MalformedActivityException;
import org.weft.activitypub.vocab.IncomingNote;
import org.weft.activitypub.vocab.ProposalNote;
import org.weft.server.domain.RemoteEdit;
import org.weft.server.domain.actor.RemoteActors;
import org.weft.server.domain.proposal.RemoteProposals;
import org.weft.server.domain.response.ConversationThreads;
import org.weft.server.domain.response.MessageInbox;
import org.weft.server.domain.response.ResponseService;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.Database;

/**
 * {@code Update} of a post by its author, whatever this instance keeps of it: a structured proposal (a Weft copy), a
 * post on a community's board (a Mastodon toot, a Lemmy or Misskey post), a response to a local proposal (an edited
 * reply), a message in a response's conversation, or a direct message kept for a member. The post must be on its
 * sender's server and attributed to the sender; what is kept must be the sender's; an edit older than the version
 * kept never wins (Mastodon counts an {@code Update} as an edit by its {@code updated}); and a response, message or
 * direct message is not edited for whoever blocked its sender since. Anything else changes nothing and says why.
 */
public final class IncomingEdits {
    private final Database db;
    private final RemoteActors remoteActors;
    private final RemoteProposals proposals;
    private final ResponseService responses;
    private final ConversationThreads conversations;
    private final MessageInbox messages;

    public IncomingEdits(Database db, RemoteActors remoteActors, RemoteProposals proposals, ResponseService responses,
                         Clock clock) {
        this.db = db;
        this.remoteActors = remoteActors;
        this.proposals = proposals;
        this.responses = responses;
        this.conversations = new ConversationThreads(clock);
        this.messages = new MessageInbox(clock);
    }

    /** {@code post} (embedded in the Update) as edited by {@code actorUri}, already verified as the signer. */
    public void updated(String actorUri, JsonNode post) throws IOException, IgnoredPost {
        IncomingPosts.requireOwnPost(actorUri, post);
        ActorEntity sender = remoteActors.resolve(actorUri);
        String id = post.path("id").asText();
        RemoteEdit outcome;
        if (ProposalNote.isProposal(post)) {
            ProposalNote note = IncomingPosts.readProposal(post);
            outcome = db.inTransaction(s -> proposals.update(s, note, s.merge(sender)));
        } else if (IncomingNote.isPost(post)) {
            IncomingNote note = readPost(post);
            outcome = db.inTransaction(s -> edit(s, note, s.merge(sender)));
        } else {
            throw new IgnoredPost("Update of " + id + ", which is neither an actor nor a post");
        }
        switch (outcome) {
            case APPLIED -> { }
            case STALE -> throw new IgnoredPost("Update of " + id + " is older than the version kept here");
            case NOT_OWNER -> throw new IgnoredPost("Update of " + id + " by " + actorUri + ", who did not send it");
            case NOT_KEPT -> throw new IgnoredPost("Update of " + id + ": nothing is kept here by that id");
            case UNUSABLE -> throw new IgnoredPost("Update of " + id + " would leave the message empty or too long");
            case BLOCKED -> throw new IgnoredPost("Update of " + id + " by " + actorUri + ", blocked by who reads it");
        }
    }

    /** Tries each kind of post kept here in turn: only one can hold the id. */
    private RemoteEdit edit(Session s, IncomingNote note, ActorEntity sender) {
        RemoteEdit onBoard = proposals.editPost(s, note, sender);
        if (onBoard != RemoteEdit.NOT_KEPT) {
            return onBoard;
        }
        RemoteEdit response = responses.edited(s, note, sender);
        if (response != RemoteEdit.NOT_KEPT) {
            return response;
        }
        RemoteEdit inConversation = conversations.edited(s, note, sender);
        if (inConversation != RemoteEdit.NOT_KEPT) {
            return inConversation;
        }
        return messages.edited(s, note.id(), sender, note.updated(), note.content());
    }

    private static IncomingNote readPost(JsonNode post) throws IgnoredPost {
        try {
            return IncomingNote.fromJson(post);
        } catch (MalformedActivityException | IllegalArgumentException e) {
            throw new IgnoredPost("Unusable post: " + e.getMessage());
        }
    }
}
