package org.weft.server.domain.poll;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.hibernate.Session;
import org.weft.server.domain.NotFoundException;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.RemotePollEntity;
import org.weft.server.persistence.RemotePollOptionEntity;
import org.weft.server.persistence.RemotePollRepository;

/**
 * Polls from other servers: a {@code Question} from an actor a community here follows (a linked community, a followed
 * Mastodon account) is kept with the counts it carries, kept current by its sender's {@code Update}s and removed by its
 * sender's {@code Delete}. Only the sender changes it; an {@code Update} whose {@code updated} is older than the
 * version kept (or that has none, when the kept one has) changes nothing, and a closed poll stays closed. Shown on the
 * polls page of each community here that follows the sender; members vote in it through {@link RemotePollVoting}.
 */
public final class RemotePolls {
    /** How many of the followed actors' polls a community's polls page lists. */
    public static final int PAGE = 50;

    /** What became of a Question. */
    public enum Received {
        /** Kept, or the kept poll brought up to date. */
        STORED,
        /** No community here follows its sender and it is not kept: not a poll for this server (maybe a post). */
        NOT_FOLLOWED
    }

    private final Database db;
    private final Clock clock;

    public RemotePolls(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * A {@code Create} (or an {@code Update}) of a Question by {@code senderUri}, whose signature was checked.
     *
     * @throws RemoteQuestion.Refused when it is malformed, not the sender's, or older than the one kept; nothing changed
     */
    public Received received(String senderUri, JsonNode question) throws RemoteQuestion.Refused {
        String uri = question.path("id").asText("");
        boolean ours = db.inTransaction(s -> RemotePollRepository.byUri(s, uri).isPresent()
                || ActorRepository.byUri(s, senderUri).map(a -> RemotePollRepository.followedByLocalCommunity(s, a))
                .orElse(false));
        if (!ours) {
            return Received.NOT_FOLLOWED;
        }
        RemoteQuestion q = RemoteQuestion.read(senderUri, question, clock.instant());
        Optional<String> refused = db.inTransaction(s -> store(s, senderUri, q));
        if (refused.isPresent()) {
            throw new RemoteQuestion.Refused(refused.get());
        }
        return Received.STORED;
    }

    /** Whether {@code uri} is a poll from another server kept here. */
    public boolean isKept(String uri) {
        return uri != null && db.inTransaction(s -> RemotePollRepository.byUri(s, uri).isPresent());
    }

    /**
     * A {@code Delete} of {@code uri} by {@code senderUri}: removes the poll it is, with members' votes in it.
     *
     * @return false when {@code uri} is no poll kept here (it may be another kind of post)
     * @throws RemoteQuestion.Refused when someone other than its sender deletes it
     */
    public boolean deleted(String senderUri, String uri) throws RemoteQuestion.Refused {
        Optional<Boolean> done = db.inTransaction(s -> {
            Optional<RemotePollEntity> poll = RemotePollRepository.lockByUri(s, uri);
            if (poll.isEmpty()) {
                return Optional.empty();
            }
            if (!poll.get().getSender().getUri().equals(senderUri)) {
                return Optional.of(false);
            }
            RemotePollRepository.delete(s, poll.get());
            return Optional.of(true);
        });
        if (done.isPresent() && !done.get()) {
            throw new RemoteQuestion.Refused("Delete of the poll " + uri + " by " + senderUri + ", who did not send it");
        }
        return done.isPresent();
    }

    /** The polls of the actors community {@code communityName} follows, newest first, as {@code viewerId} sees them. */
    public List<RemotePollResults> followedBy(String communityName, Long viewerId) {
        return db.inTransaction(s -> {
            ActorEntity community = ActorRepository.local(s, ActorKind.GROUP, communityName == null ? "" : communityName)
                    .filter(g -> !g.isDeleted()).orElseThrow(() -> new NotFoundException("No community " + communityName));
            return RemotePollRepository.followedBy(s, community.getId(), PAGE).stream()
                    .map(p -> results(s, p, viewerId, clock.instant())).toList();
        });
    }

    /** One poll as {@code viewerId} sees it (null: anyone). */
    public RemotePollResults find(long id, Long viewerId) {
        return db.inTransaction(s -> Optional.ofNullable(s.find(RemotePollEntity.class, id))
                .map(p -> results(s, p, viewerId, clock.instant()))
                .orElseThrow(() -> new NotFoundException("No remote poll " + id)));
    }

    private Optional<String> store(Session s, String senderUri, RemoteQuestion q) {
        Instant now = clock.instant();
        Optional<RemotePollEntity> kept = RemotePollRepository.lockByUri(s, q.id());
        RemotePollEntity poll;
        if (kept.isPresent()) {
            poll = kept.get();
            if (!poll.getSender().getUri().equals(senderUri)) {
                return Optional.of("Question " + q.id() + " is kept as another actor's; only its sender changes it");
            }
            if (poll.getVersionAt() != null && (q.updated() == null || q.updated().isBefore(poll.getVersionAt()))) {
                return Optional.of("Question " + q.id() + " is older than the version kept (" + poll.getVersionAt() + ")");
            }
        } else {
            ActorEntity sender = ActorRepository.byUri(s, senderUri).orElseThrow();
            poll = new RemotePollEntity(q.id(), sender, now);
        }
        poll.take(q.question(), q.multiple(), q.endsAt(), q.closedAt(), q.votersCount(), q.updated(), now);
        if (kept.isEmpty()) {
            s.persist(poll);
            s.flush();
        }
        List<RemotePollOptionEntity> options = RemotePollRepository.options(s, poll.getId());
        List<String> names = options.stream().map(RemotePollOptionEntity::getName).toList();
        if (names.equals(q.options().stream().map(RemoteQuestion.Option::name).toList())) {
            for (int i = 0; i < options.size(); i++) {
                options.get(i).setVotes(q.options().get(i).votes());
            }
        } else {
            // The options were edited (Mastodon then starts the poll afresh): members' votes named the old ones.
            RemotePollRepository.deleteOptions(s, poll.getId());
            for (int i = 0; i < q.options().size(); i++) {
                s.persist(new RemotePollOptionEntity(poll.getId(), i, q.options().get(i).name(), q.options().get(i).votes()));
            }
        }
        return Optional.empty();
    }

    static RemotePollResults results(Session s, RemotePollEntity poll, Long viewerId, Instant now) {
        List<RemotePollOptionEntity> options = RemotePollRepository.options(s, poll.getId());
        List<PollResults.OptionCount> rows = options.stream()
                .map(o -> new PollResults.OptionCount(o.getPosition(), o.getName(), o.getVotes())).toList();
        List<Integer> mine = List.of();
        if (viewerId != null) {
            List<Long> chosen = RemotePollRepository.optionsChosenBy(s, poll.getId(), viewerId);
            mine = options.stream().filter(o -> chosen.contains(o.getId())).map(RemotePollOptionEntity::getPosition).toList();
        }
        ActorEntity sender = poll.getSender();
        String name = sender.getDisplayName() == null || sender.getDisplayName().isBlank() ? sender.getUsername()
                : sender.getDisplayName();
        return new RemotePollResults(poll.getId(), poll.getUri(), name, sender.getDomain(), poll.getQuestion(),
                poll.isMultiple(), poll.getEndsAt(), poll.getClosedAt(), rows, poll.getVotersCount(), mine,
                poll.isOpenAt(now), RemotePollRepository.localCommunitiesFollowing(s, sender).stream().findFirst()
                .orElse(null));
    }
}
