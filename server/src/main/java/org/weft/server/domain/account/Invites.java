package org.weft.server.domain.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.weft.server.persistence.Database;
import org.weft.server.persistence.InviteEntity;
import org.weft.server.persistence.InviteRepository;

/** Invite codes made by the operator (CLI or operator page) and used once at sign-up. */
public final class Invites {
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(14);

    private final Database db;
    private final Clock clock;

    public Invites(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public InviteEntity create(String note, Duration lifetime) {
        if (note != null && note.length() > 200) {
            throw new IllegalArgumentException("An invite note can be at most 200 characters");
        }
        Instant now = clock.instant();
        InviteEntity invite = new InviteEntity(Tokens.inviteCode(), note == null || note.isBlank() ? null : note.strip(),
                now, now.plus(lifetime == null ? DEFAULT_LIFETIME : lifetime));
        db.run(s -> s.persist(invite));
        return invite;
    }

    /** The newest invites first. */
    public List<InviteEntity> recent(int limit) {
        return db.inTransaction(s -> InviteRepository.newest(s, limit));
    }
}
