package org.weft.server.domain.poll;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hibernate.Session;
import org.weft.server.model.PollVoters;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.persistence.FollowRepository;
import org.weft.server.persistence.PollEntity;
import org.weft.server.persistence.PollOptionEntity;
import org.weft.server.persistence.PollRepository;
import org.weft.server.persistence.PollVoteEntity;

/**
 * Votes from the fediverse: Mastodon votes with a {@code Create} of a {@code Note} whose {@code name} is the option and
 * whose {@code inReplyTo} is the {@code Question}, one per chosen option. A vote counts once per actor (per option in a
 * multiple-choice poll); a second vote in a single-choice poll is refused, as Mastodon itself allows no change. Refused
 * too, and not counted: after the end time or once closed, and from an actor who may not vote (anyone in a
 * members-only poll, anyone but an approved follower of the community otherwise).
 */
public final class RemoteVotes {
    /** What became of a vote. Only {@link #COUNTED} changed anything. */
    public enum Outcome {
        COUNTED, NOT_A_POLL, CLOSED, NOT_ALLOWED, ALREADY_VOTED, UNKNOWN_OPTION
    }

    private final Database db;
    private final Clock clock;

    public RemoteVotes(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Whether {@code uri} is one of this server's polls: a Note replying to it is a vote, not a reply. */
    public boolean isPoll(String uri) {
        return uri != null && db.inTransaction(s -> PollRepository.byUri(s, uri).isPresent());
    }

    /** {@code actorUri} (whose signature was checked) chose {@code optionName} in the poll {@code pollUri}. */
    public Outcome vote(String actorUri, String pollUri, String optionName) {
        return db.inTransaction(s -> {
            Optional<PollEntity> found = PollRepository.lockByUri(s, pollUri);
            if (found.isEmpty()) {
                return Outcome.NOT_A_POLL;
            }
            PollEntity poll = found.get();
            Instant now = clock.instant();
            if (!poll.isOpenAt(now)) {
                return Outcome.CLOSED;
            }
            Optional<ActorEntity> actor = ActorRepository.byUri(s, actorUri).filter(a -> !a.isLocal() && !a.isDeleted());
            if (actor.isEmpty() || poll.getVoters() != PollVoters.FOLLOWERS || !approvedFollower(s, actor.get(), poll)) {
                return Outcome.NOT_ALLOWED;
            }
            Optional<PollOptionEntity> option = PollRepository.options(s, poll.getId()).stream()
                    .filter(o -> o.getName().equals(optionName == null ? null : optionName.strip())).findFirst();
            if (option.isEmpty()) {
                return Outcome.UNKNOWN_OPTION;
            }
            List<Long> chosen = PollRepository.optionsChosenBy(s, poll.getId(), actor.get().getId());
            if (poll.isMultiple() ? chosen.contains(option.get().getId()) : !chosen.isEmpty()) {
                return Outcome.ALREADY_VOTED;
            }
            s.persist(new PollVoteEntity(poll.getId(), option.get().getId(), actor.get().getId(), now));
            PollService.countsChanged(poll, now);
            return Outcome.COUNTED;
        });
    }

    private static boolean approvedFollower(Session s, ActorEntity actor, PollEntity poll) {
        Optional<FollowEntity> follow = FollowRepository.between(s, actor, poll.getCommunity());
        return follow.isPresent() && FollowRepository.isApproved(s, follow.get());
    }
}
