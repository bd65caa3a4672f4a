package org.weft.server.domain.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hibernate.Session;
import org.weft.activitypub.vocab.Activities;
import org.weft.activitypub.vocab.Activity;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.model.ActorKind;
import org.weft.server.model.ModerationActionKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.CommunityServerBlockEntity;
import org.weft.server.persistence.CommunityServerBlockRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.persistence.NotificationRepository;
import org.weft.server.queue.Outbox;

/**
 * A community's moderators refuse another server for the community alone (not the operator's {@link DomainBlocks},
 * which holds for every community): from then on follows, posts and responses there from any account of that server
 * are refused as a blocked account's are ({@code AccountBlockRepository.anyBlocks} reads these blocks too). Blocking
 * also removes the follows of the community by that server's accounts, each follower told with a {@code Reject} of its
 * follow (as removing a follower does, and as Mastodon tells the followers on a server a user blocks), turns down the
 * posts still waiting from it (one log line, as a turn-down from the queue), and logs the block with its public
 * reason. Lifting it lets the server's accounts follow and post again; what was removed or turned down stays so.
 */
public final class CommunityServerBlocks {
    private final Database db;
    private final Outbox outbox;
    private final ModerationLog log;
    private final WaitingPostsTurnDown turnDown;
    private final Clock clock;

    public CommunityServerBlocks(Database db, Outbox outbox, ModerationLog log, Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.log = log;
        this.turnDown = new WaitingPostsTurnDown(log);
        this.clock = clock;
    }

    /**
     * {@code community} refuses the server {@code domain} (host, or host:port, as actors' {@code domain} holds it), as
     * the member {@code moderatorId} decides; returns whether it was not refused already (blocking again changes
     * nothing).
     *
     * @throws ForbiddenException when that member does not moderate the community
     * @throws NotFoundException  when there is no such community
     */
    public boolean block(long moderatorId, String community, String domain, String reason) {
        return db.inTransaction(s -> {
            ActorEntity group = moderated(s, moderatorId, community);
            if (CommunityServerBlockRepository.find(s, group.getId(), domain).isPresent()) {
                return false;
            }
            Instant now = clock.instant();
            CommunityServerBlockEntity block = new CommunityServerBlockEntity(group.getId(), domain, moderatorId, reason,
                    now);
            s.persist(block);
            for (FollowEntity f : CommunityServerBlockRepository.followsFrom(s, group.getId(), domain)) {
                Activity follow = Activities.follow(f.getActivityUri(), f.getFollower().getUri(), group.getUri());
                outbox.send(s, group, Activities.reject(outbox.newActivityId(), group.getUri(), follow),
                        List.of(f.getFollower()), false);
                s.remove(f);
            }
            log.record(s, group, ModerationActionKind.SERVER_BLOCKED, domain, block.getReason(), moderatorId, now);
            // As an account block does: what it sent before and still waits would otherwise stay where "Put on the
            // board" would still publish it.
            turnDown.turnDownServer(s, group, domain, null, moderatorId, now);
            // Nor does what its accounts sent to the community's members stay news to them, as for an account's block.
            NotificationRepository.readAboutServerIn(s, group.getId(), domain, now);
            return true;
        });
    }

    /** Lifts {@code community}'s block of {@code domain}; returns whether there was one. */
    public boolean unblock(long moderatorId, String community, String domain) {
        return db.inTransaction(s -> {
            ActorEntity group = moderated(s, moderatorId, community);
            Optional<CommunityServerBlockEntity> block = CommunityServerBlockRepository.find(s, group.getId(), domain);
            if (block.isEmpty()) {
                return false;
            }
            s.remove(block.get());
            log.record(s, group, ModerationActionKind.SERVER_UNBLOCKED, domain, null, moderatorId, clock.instant());
            return true;
        });
    }

    /** The servers {@code community} refuses, by name; for its moderators only. */
    public List<CommunityServerBlockEntity> list(long moderatorId, String community) {
        return db.inTransaction(s -> CommunityServerBlockRepository.byCommunity(s,
                moderated(s, moderatorId, community).getId()));
    }

    private static ActorEntity moderated(Session s, long moderatorId, String community) {
        ActorEntity group = ActorRepository.local(s, ActorKind.GROUP, community).filter(g -> !g.isDeleted())
                .orElseThrow(() -> new NotFoundException("No community " + community));
        if (!Moderators.moderates(s, moderatorId, group.getId())) {
            throw new ForbiddenException("Member " + moderatorId + " does not moderate " + community);
        }
        return group;
    }
}
