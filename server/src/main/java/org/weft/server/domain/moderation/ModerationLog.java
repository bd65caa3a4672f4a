package org.weft.server.domain.moderation;

import java.time.Instant;
import java.util.List;

import org.hibernate.Session;
import org.weft.server.model.ModerationActionKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ModerationActionEntity;
import org.weft.server.persistence.ModerationActionRepository;

/**
 * The public moderation log: each moderation action is written in the transaction that takes it, with its time, kind,
 * target and public reason. What it never holds: who reported something (reports are kept apart) or who wrote an
 * anonymous request (a hidden post is named by its own id). Whether the moderator's name is shown is decided where
 * the log is shown.
 */
public final class ModerationLog {
    /** How many lines a log page shows. */
    public static final int PAGE = 200;

    private final Database db;

    public ModerationLog(Database db) {
        this.db = db;
    }

    /** Writes an action taken for {@code community} (null: for the whole instance). */
    public void record(Session s, ActorEntity community, ModerationActionKind kind, String target, String reason,
                       Long moderatorId, Instant when) {
        s.persist(new ModerationActionEntity(community == null ? null : community.getId(), kind, target, reason,
                moderatorId, when));
    }

    /**
     * Writes that {@code count} waiting posts of {@code target} (an account's address, or a server's name for all
     * its accounts) were turned down at once in {@code community}, for the public {@code reason} (may be null): one
     * line however many, since a reader wants to know that a flood was turned away and from whom, not each post of it.
     */
    public void recordTurnedDown(Session s, ActorEntity community, String target, int count, String reason,
                                 Long moderatorId, Instant when) {
        s.persist(new ModerationActionEntity(community.getId(), ModerationActionKind.POSTS_TURNED_DOWN, target,
                reason, moderatorId, when, count));
    }

    /** A community's log, newest first (its own actions and the instance-wide ones). */
    public List<ModerationActionEntity> forCommunity(long communityId) {
        return db.inTransaction(s -> ModerationActionRepository.forCommunity(s, communityId, PAGE));
    }
}
