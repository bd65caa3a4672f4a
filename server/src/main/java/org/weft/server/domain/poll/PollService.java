package org.weft.server.domain.poll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hibernate.Session;
import org.weft.server.domain.ConflictException;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.moderation.ModerationLog;
import org.weft.server.domain.moderation.Moderators;
import org.weft.server.model.ActorKind;
import org.weft.server.model.LocalUrls;
import org.weft.server.model.ModerationActionKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.CommunitySettingEntity;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.PollEntity;
import org.weft.server.persistence.PollOptionEntity;
import org.weft.server.persistence.PollRepository;
import org.weft.server.persistence.PollVoteEntity;

/**
 * Polls in a community, for members (the page and the API call the same methods). A moderator opens one, or any member
 * when the community allows it; members vote once each (tied to their account, so a second device changes nothing);
 * a moderator may close one early, which the moderation log records. Votes from the fediverse are
 * {@link RemoteVotes}'. Every change of the counts makes an {@code Update(Question)} owed to followers, sent by
 * {@link PollTimer} at most once per {@link #COALESCE} per poll.
 */
public final class PollService {
    /** The shortest time between two Updates of one poll's counts: a flood of votes sends one, not one per vote. */
    public static final Duration COALESCE = Duration.ofSeconds(3);
    /** How many polls a community's page lists. */
    public static final int PAGE = 100;

    private final Database db;
    private final LocalUrls urls;
    private final PollFederation federation;
    private final ModerationLog log;
    private final Clock clock;
    private final PollClosings closings;

    public PollService(Database db, LocalUrls urls, PollFederation federation, ModerationLog log, Clock clock) {
        this(db, urls, federation, log, clock, PollClosings.NONE);
    }

    public PollService(Database db, LocalUrls urls, PollFederation federation, ModerationLog log, Clock clock,
                       PollClosings closings) {
        this.db = db;
        this.urls = urls;
        this.federation = federation;
        this.log = log;
        this.clock = clock;
        this.closings = closings;
    }

    /**
     * Opens a poll in {@code communityName} and sends its Question to the community's followers.
     *
     * @throws NotFoundException     no such community
     * @throws ForbiddenException    the member may not open polls there
     * @throws InvalidInputException the draft breaks a rule of {@link PollRules}
     */
    public PollResults open(long memberId, String communityName, PollDraft draft) {
        return open(memberId, communityName, draft, (s, poll) -> { });
    }

    /**
     * Opens a poll as {@link #open(long, String, PollDraft)} does, and calls {@code alsoOpened} with it in the same
     * transaction, before its Question is sent (a decision stores itself there: both are kept, or neither).
     */
    public PollResults open(long memberId, String communityName, PollDraft draft,
                            BiConsumer<Session, PollEntity> alsoOpened) {
        return db.inTransaction(s -> {
            ActorEntity community = community(s, communityName);
            requireMember(s, memberId);
            if (!mayOpen(s, memberId, community.getId())) {
                throw new ForbiddenException("Member " + memberId + " may not open polls in " + communityName);
            }
            Instant now = clock.instant();
            PollDraft checked = PollRules.check(draft, now);
            PollEntity poll = new PollEntity(urls.base() + "/polls/" + UUID.randomUUID(), community, memberId,
                    checked.question(), checked.multiple(), checked.voters(), checked.endsAt(), now);
            poll.setDetails(checked.details());
            s.persist(poll);
            s.flush();
            for (int i = 0; i < checked.options().size(); i++) {
                s.persist(new PollOptionEntity(poll.getId(), i, checked.options().get(i)));
            }
            s.flush();
            alsoOpened.accept(s, poll);
            s.flush();
            PollResults results = results(s, poll, null);
            federation.opened(s, poll, results);
            return results;
        });
    }

    /**
     * What a reader may do with a community's polls.
     *
     * @param mayOpen        open a poll (its moderators; any member when the community allows it)
     * @param moderates      close polls early and let members open them
     * @param membersMayOpen whether the community lets any member open a poll
     * @param communityName  the community's display name
     */
    public record Permissions(boolean mayOpen, boolean moderates, boolean membersMayOpen, String communityName) {
    }

    /** What {@code memberId} (null: a visitor) may do with the polls of {@code communityName}. */
    public Permissions permissions(Long memberId, String communityName) {
        return db.inTransaction(s -> {
            ActorEntity community = community(s, communityName);
            CommunitySettingEntity setting = s.find(CommunitySettingEntity.class, community.getId());
            boolean membersMayOpen = setting != null && setting.isMembersOpenPolls();
            if (memberId == null) {
                return new Permissions(false, false, membersMayOpen, community.getDisplayName());
            }
            return new Permissions(mayOpen(s, memberId, community.getId()),
                    Moderators.moderates(s, memberId, community.getId()), membersMayOpen, community.getDisplayName());
        });
    }

    private static boolean mayOpen(Session s, long memberId, long communityId) {
        if (Moderators.moderates(s, memberId, communityId)) {
            return true;
        }
        CommunitySettingEntity setting = s.find(CommunitySettingEntity.class, communityId);
        return setting != null && setting.isMembersOpenPolls();
    }

    /**
     * Lets the community's members open polls, or only its moderators again. For its moderators only.
     *
     * @throws ForbiddenException when the member does not moderate the community
     */
    public void setMembersMayOpen(long moderatorId, String communityName, boolean allowed) {
        db.run(s -> {
            ActorEntity community = community(s, communityName);
            if (!Moderators.moderates(s, moderatorId, community.getId())) {
                throw new ForbiddenException("Member " + moderatorId + " does not moderate " + communityName);
            }
            CommunitySettingEntity setting = s.find(CommunitySettingEntity.class, community.getId());
            if (setting == null) {
                setting = new CommunitySettingEntity(community.getId());
                setting.setMembersOpenPolls(allowed, clock.instant());
                s.persist(setting);
            } else {
                setting.setMembersOpenPolls(allowed, clock.instant());
            }
        });
    }

    /**
     * A member votes: one option, or several in a multiple-choice poll, once. {@code positions} are the options'
     * positions, from 0.
     *
     * @throws NotFoundException     no such poll
     * @throws ConflictException     the poll is closed, or the member has already voted in it
     * @throws InvalidInputException no option, an unknown one, or several in a single-choice poll
     */
    public PollResults vote(long memberId, String pollUri, List<Integer> positions) {
        return db.inTransaction(s -> {
            requireMember(s, memberId);
            PollEntity poll = PollRepository.lockByUri(s, pollUri).orElseThrow(() -> new NotFoundException("No poll " + pollUri));
            Instant now = clock.instant();
            if (!poll.isOpenAt(now)) {
                throw new ConflictException("poll_closed", "poll.closedAlready");
            }
            if (!PollRepository.optionsChosenBy(s, poll.getId(), memberId).isEmpty()) {
                throw new ConflictException("poll_already_voted", "poll.alreadyVoted");
            }
            for (PollOptionEntity option : Ballot.pick(PollRepository.options(s, poll.getId()), poll.isMultiple(), positions)) {
                s.persist(new PollVoteEntity(poll.getId(), option.getId(), memberId, now));
            }
            poll.resultsChanged(now.plus(COALESCE));
            s.flush();
            return results(s, poll, memberId);
        });
    }

    /**
     * A moderator closes a poll before its end time: its counts are final at once, followers get the closed
     * Question, and the moderation log says so with the reason given.
     *
     * @throws ForbiddenException when the member does not moderate the poll's community
     * @throws ConflictException  when the poll is already closed
     */
    public PollResults closeEarly(long moderatorId, String pollUri, String reason) {
        return db.inTransaction(s -> {
            PollEntity poll = PollRepository.lockByUri(s, pollUri).orElseThrow(() -> new NotFoundException("No poll " + pollUri));
            if (!Moderators.moderates(s, moderatorId, poll.getCommunity().getId())) {
                throw new ForbiddenException("Member " + moderatorId + " does not moderate the poll's community");
            }
            Instant now = clock.instant();
            if (!poll.isOpenAt(now)) {
                throw new ConflictException("poll_closed", "poll.closedAlready");
            }
            poll.close(now, true);
            log.record(s, poll.getCommunity(), ModerationActionKind.POLL_CLOSED, poll.getUri(), reason, moderatorId, now);
            s.flush();
            closings.closed(s, poll, moderatorId, now);
            sendResults(s, poll, now);
            return results(s, poll, moderatorId);
        });
    }

    /** A poll as {@code viewerId} sees it (null: anyone): counts, and that member's own choices. */
    public PollResults find(String pollUri, Long viewerId) {
        return db.inTransaction(s -> results(s, PollRepository.byUri(s, pollUri)
                .orElseThrow(() -> new NotFoundException("No poll " + pollUri)), viewerId));
    }

    /** The poll as a {@code Question}, as it is served to other servers (counts only). */
    public ObjectNode question(String pollUri) {
        return db.inTransaction(s -> {
            PollEntity poll = PollRepository.byUri(s, pollUri).orElseThrow(() -> new NotFoundException("No poll " + pollUri));
            return federation.question(poll, results(s, poll, null));
        });
    }

    /** A community's polls, newest first, as {@code viewerId} sees them. */
    public List<PollResults> ofCommunity(String communityName, Long viewerId) {
        return db.inTransaction(s -> PollRepository.ofCommunity(s, community(s, communityName).getId(), PAGE).stream()
                .map(p -> results(s, p, viewerId)).toList());
    }

    /**
     * Makes final every poll whose end time has come, each with a last Update to followers and what depends on it
     * settled ({@link PollClosings}). Returns how many. Each poll is locked and looked at again first: if the job ever
     * runs twice at once (a lease that lapsed, two nodes), a poll is closed by one of them only.
     */
    public int closeEnded() {
        return db.inTransaction(s -> {
            Instant now = clock.instant();
            int closed = 0;
            for (PollEntity poll : PollRepository.endedButOpen(s, now, 100)) {
                PollRepository.lockByUri(s, poll.getUri());
                s.refresh(poll); // as it is now that we hold its lock: another run may have closed it meanwhile
                if (poll.isClosed()) {
                    continue;
                }
                poll.close(poll.getEndsAt(), false);
                s.flush();
                closings.closed(s, poll, null, now);
                sendResults(s, poll, now);
                closed++;
            }
            return closed;
        });
    }

    /** Sends the Updates owed: one per poll whose counts changed and whose wait is over. Returns how many. */
    public int sendDueResults() {
        return db.inTransaction(s -> {
            Instant now = clock.instant();
            List<PollEntity> due = PollRepository.resultsDue(s, now, 100);
            for (PollEntity poll : due) {
                sendResults(s, poll, now);
            }
            return due.size();
        });
    }

    /** Counts changed (a vote from the fediverse): an Update is owed, coalesced with any already owed. */
    static void countsChanged(PollEntity poll, Instant now) {
        poll.resultsChanged(now.plus(COALESCE));
    }

    private void sendResults(Session s, PollEntity poll, Instant now) {
        s.flush();
        federation.updated(s, poll, results(s, poll, null));
        poll.resultsSent(now);
    }

    PollResults results(Session s, PollEntity poll, Long viewerId) {
        Map<Long, Long> counts = PollRepository.countsByOption(s, poll.getId());
        List<PollOptionEntity> options = PollRepository.options(s, poll.getId());
        List<PollResults.OptionCount> rows = options.stream().map(o -> new PollResults.OptionCount(o.getPosition(),
                o.getName(), counts.getOrDefault(o.getId(), 0L))).toList();
        List<Integer> mine = List.of();
        if (viewerId != null) {
            List<Long> chosen = PollRepository.optionsChosenBy(s, poll.getId(), viewerId);
            mine = options.stream().filter(o -> chosen.contains(o.getId())).map(PollOptionEntity::getPosition).toList();
        }
        ActorEntity community = poll.getCommunity();
        return new PollResults(poll.getUri(), community.getUsername(), community.getDisplayName(), poll.getQuestion(),
                poll.isMultiple(), poll.getVoters(), poll.getEndsAt(), poll.getClosedAt(), poll.isClosedEarly(), rows,
                PollRepository.voterCount(s, poll.getId()), mine, poll.isOpenAt(clock.instant()), poll.getDetails());
    }

    private static ActorEntity community(Session s, String name) {
        return ActorRepository.local(s, ActorKind.GROUP, name == null ? "" : name).filter(g -> !g.isDeleted())
                .orElseThrow(() -> new NotFoundException("No community " + name));
    }

    private static void requireMember(Session s, long memberId) {
        ActorEntity member = s.find(ActorEntity.class, memberId);
        if (member == null || !member.isLocal() || member.isDeleted() || member.getKind() != ActorKind.PERSON) {
            throw new ForbiddenException("Not a member: " + memberId);
        }
    }
}
