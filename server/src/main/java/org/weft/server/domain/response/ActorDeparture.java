package org.weft.server.domain.response;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.weft.server.domain.proposal.HeldCopies;
import org.weft.server.domain.proposal.RemoteProposals;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.ConversationMessageRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.persistence.MessageRepository;
import org.weft.server.persistence.RemotePollRepository;
import org.weft.server.persistence.ResponseEntity;
import org.weft.server.persistence.ResponseRepository;
import org.weft.server.persistence.ThanksRepository;

/**
 * An actor on another server deleted itself ({@code Delete} of the actor, by the actor): what it left here goes, in one
 * transaction. Its follows in both directions, its responses (with their notifications), the direct messages it sent
 * members, its posts on the boards and those waiting for a moderator, the proposals it owned, its thanks and its polls
 * (with their options and the votes members here sent in them, so that none is listed or voted in any more); copies
 * held only through a link to it (a deleted community) are detached. The actor is kept, marked deleted, so that
 * nothing it sent before is taken again. Nothing of any other actor changes.
 *
 * <p>Conversations go too: those of its responses with the responses (ON DELETE CASCADE), and the messages it sent in
 * others (members' responses to its proposals), with the notifications about them. Its responses that an author here
 * had accepted on a proposal still on are the exception ({@link DepartedResponder}): the author is told it is off, the
 * proposal opens again, and the response stays without its words, so that the author's conversation (their own
 * messages, the hand-off) stays readable and says the other side has left.
 */
public final class ActorDeparture {
    /** What was removed, for the log. */
    public record Removed(int responses, int messages, int proposals, int thanks, int polls, int detached) {
    }

    private final Database db;
    private final RemoteProposals proposals;
    private final HeldCopies copies;
    private final DepartedResponder responders;
    private final Clock clock;

    public ActorDeparture(Database db, RemoteProposals proposals, HeldCopies copies, DepartedResponder responders,
                          Clock clock) {
        this.db = db;
        this.proposals = proposals;
        this.copies = copies;
        this.responders = responders;
        this.clock = clock;
    }

    /** {@code actorUri} (already verified as the signer) was deleted; empty when it is unknown here or local. */
    public Optional<Removed> departed(String actorUri) {
        return db.inTransaction(s -> {
            Optional<ActorEntity> found = ActorRepository.byUri(s, actorUri).filter(a -> !a.isLocal());
            if (found.isEmpty()) {
                return Optional.empty();
            }
            ActorEntity actor = found.get();
            if (actor.isDeleted()) {
                // A second Delete: all went the first time, and nothing of a deleted actor is taken since.
                return Optional.of(new Removed(0, 0, 0, 0, 0, 0));
            }
            Instant now = clock.instant();
            List<Long> kept = responders.left(s, actor);
            // Marked before its proposals go: whoever was promised one is told that its author left.
            actor.setDeletedAt(now);
            FollowRepository.deleteAllInvolving(s, actor);
            int detached = copies.followEnded(s, actor);
            // Their notifications and conversations go with them (ON DELETE CASCADE in the schema).
            int responses = ResponseRepository.deleteAllByExcept(s, actor, kept);
            for (Long id : kept) {
                s.find(ResponseEntity.class, id).edit("", now);
            }
            // Its messages in other conversations (members' responses to its proposals), then its direct messages.
            int messages = ConversationMessageRepository.deleteAllFrom(s, actor)
                    + MessageRepository.deleteAllFrom(s, actor.getId());
            int removed = proposals.removeAllOf(s, actor);
            int thanks = ThanksRepository.deleteAllBy(s, actor.getId());
            int polls = RemotePollRepository.deleteAllBy(s, actor);
            return Optional.of(new Removed(responses, messages, removed, thanks, polls, detached));
        });
    }
}
