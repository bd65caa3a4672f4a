package org.weft.server.domain.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.weft.server.domain.InvalidInputException;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.InviteEntity;
import org.weft.server.persistence.InviteRepository;

/** Invite codes made by the operator (CLI or operator page) and used once at sign-up. */
public final class Invites {
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(14);
    public static final int MAX_NOTE = 200;

    private final Database db;
    private final Clock clock;

    public Invites(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public InviteEntity create(String note, Duration lifetime) {
        if (note != null && note.strip().length() > MAX_NOTE) {
            throw InvalidInputException.field("note", "invite_note_too_long", MAX_NOTE);
        }
        Instant now = clock.instant();
        InviteEntity invite = new InviteEntity(Tokens.inviteCode(), note == null || note.isBlank() ? null : note.strip(),
                now, now.plus(lifetime == null ? DEFAULT_LIFETIME : lifetime));
        db.run(s -> s.persist(invite));
        return invite;
    }

    /** An invite by its code, used or not. */
    public Optional<InviteEntity> find(String code) {
        if (code == null || code.isBlank() || code.length() > 64) {
            return Optional.empty();
        }
        return db.inTransaction(s -> Optional.ofNullable(s.find(InviteEntity.class, code.strip().toLowerCase(Locale.ROOT))));
    }

    /** The newest invites first. */
    public List<InviteEntity> recent(int limit) {
        return db.inTransaction(s -> InviteRepository.newest(s, limit));
    }
}
