package org.weft.server.domain.poll;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.weft.activitypub.jsonld.PlainJson;
import org.weft.activitypub.vocab.Activities;
import org.weft.activitypub.vocab.Vocab;
import org.weft.server.domain.ConflictException;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.RemotePollEntity;
import org.weft.server.persistence.RemotePollOptionEntity;
import org.weft.server.persistence.RemotePollRepository;
import org.weft.server.persistence.RemotePollVoteEntity;
import org.weft.server.queue.Outbox;

/**
 * A member here votes in a poll from another server, from their own actor, the way Mastodon votes: one
 * {@code Create(Note{name: the option, inReplyTo: the Question, attributedTo: the member, to: [its author]})} per chosen
 * option, signed and sent through the delivery queue to the poll's author only. A member votes once, whatever device
 * (the vote is tied to the account), and not after the end time or once the poll is closed. The counts shown stay the
 * ones the author sends: whether the vote counts there is the author's server's rule (it may accept only its approved
 * followers, as Weft does).
 */
public final class RemotePollVoting {
    private final Database db;
    private final Outbox outbox;
    private final Clock clock;

    public RemotePollVoting(Database db, Outbox outbox, Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Sends {@code memberId}'s vote: the options at {@code positions} (from 0).
     *
     * @throws NotFoundException     no such poll
     * @throws ForbiddenException    not a member here
     * @throws ConflictException     the poll is closed or ended, or the member has voted in it already
     * @throws InvalidInputException no option, an unknown one, or several in a single-choice poll
     */
    public RemotePollResults vote(long memberId, long pollId, List<Integer> positions) {
        return db.inTransaction(s -> {
            ActorEntity member = s.find(ActorEntity.class, memberId);
            if (member == null || !member.isLocal() || member.isDeleted() || member.getKind() != ActorKind.PERSON) {
                throw new ForbiddenException("Not a member: " + memberId);
            }
            RemotePollEntity poll = RemotePollRepository.lockById(s, pollId)
                    .orElseThrow(() -> new NotFoundException("No remote poll " + pollId));
            Instant now = clock.instant();
            if (!poll.isOpenAt(now)) {
                throw new ConflictException("poll_closed", "poll.closedAlready");
            }
            if (!RemotePollRepository.optionsChosenBy(s, poll.getId(), memberId).isEmpty()) {
                throw new ConflictException("poll_already_voted", "poll.alreadyVoted");
            }
            List<RemotePollOptionEntity> picked = Ballot.pick(RemotePollRepository.options(s, poll.getId()),
                    poll.isMultiple(), positions);
            for (RemotePollOptionEntity option : picked) {
                RemotePollVoteEntity vote = new RemotePollVoteEntity(poll.getId(), option.getId(), memberId, now);
                s.persist(vote);
                s.flush();
                ObjectNode note = note(member.getUri() + "#votes/" + vote.getId(), option.getName(), member.getUri(), poll);
                outbox.send(s, member, Activities.create(outbox.newActivityId(), member.getUri(), note),
                        List.of(poll.getSender()), false);
            }
            return RemotePolls.results(s, poll, memberId, now);
        });
    }

    /** Mastodon's vote: a Note naming the option, in reply to the Question, to its author alone (never public). */
    private static ObjectNode note(String id, String option, String memberUri, RemotePollEntity poll) {
        ObjectNode note = PlainJson.object();
        note.put("@context", Vocab.AS_CONTEXT);
        note.put("id", id);
        note.put("type", "Note");
        note.put("name", option);
        note.put("attributedTo", memberUri);
        note.putArray("to").add(poll.getSender().getUri());
        note.put("inReplyTo", poll.getUri());
        return note;
    }
}
