package org.weft.server.ui.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.weft.server.domain.account.Tokens;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.MemberSettingEntity;
import org.weft.server.persistence.WebSessionEntity;
import org.weft.server.persistence.WebSessionRepository;

/** Login sessions in the database, so they survive restarts and work across several server processes. */
public final class SessionStore {
    /** How long a login lasts; people on shared phones log out, the others stay logged in for a month. */
    public static final Duration LIFETIME = Duration.ofDays(30);

    private final Database db;
    private final Clock clock;

    public SessionStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Starts a session for a member and returns the cookie secret (only its digest is stored). */
    public String open(long memberId) {
        String secret = Tokens.random();
        Instant now = clock.instant();
        db.run(s -> s.persist(new WebSessionEntity(Tokens.sha256(secret), memberId, Tokens.random(), now, now.plus(LIFETIME))));
        return secret;
    }

    public Optional<SessionInfo> find(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return db.inTransaction(s -> {
            WebSessionEntity session = s.find(WebSessionEntity.class, Tokens.sha256(secret));
            if (session == null || !session.getExpiresAt().isAfter(now)) {
                return Optional.empty();
            }
            ActorEntity member = s.find(ActorEntity.class, session.getMemberId());
            if (member == null || member.isDeleted()) {
                return Optional.empty();
            }
            MemberSettingEntity setting = s.find(MemberSettingEntity.class, member.getId());
            return Optional.of(new SessionInfo(member.getId(), member.getUsername(), member.getDisplayName(),
                    session.getCsrfToken(), setting != null && setting.isAdmin(),
                    setting == null ? null : setting.getLanguage()));
        });
    }

    public void close(String secret) {
        if (secret != null && !secret.isBlank()) {
            db.run(s -> WebSessionRepository.delete(s, Tokens.sha256(secret)));
        }
    }

    /** Removes expired sessions; called now and then so the table does not grow without end. */
    public int purgeExpired() {
        Instant now = clock.instant();
        return db.inTransaction(s -> WebSessionRepository.deleteExpired(s, now));
    }
}
