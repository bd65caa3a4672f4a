package org.weft.server.ui.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.weft.server.domain.Usernames;
import org.weft.server.domain.account.Tokens;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.LoginDeviceEntity;
import org.weft.server.persistence.LoginDeviceRepository;

/**
 * Browsers members have signed in from ("device cookies", as many sites keep them). A successful login sets a
 * random secret in a cookie and records it for that member; later logins from that browser are then not held back
 * by failures elsewhere on the account (see {@link LoginRateLimiter}). The secret is opaque: it proves nothing by
 * itself, and only its digest with the member id is stored.
 */
public final class LoginDevices {
    /** How long a browser stays known without signing in again (the cookie's lifetime too). */
    public static final Duration LIFETIME = Duration.ofDays(365);

    private final Database db;
    private final Clock clock;

    public LoginDevices(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Whether a cookie value has the shape of a secret this class hands out. */
    public static boolean wellFormed(String secret) {
        return secret != null && secret.matches("[A-Za-z0-9_-]{43}");
    }

    /**
     * The key of this browser for the member named, when the member has signed in from it within the lifetime.
     * Empty for an unknown browser, an unknown or deleted member, or a malformed cookie.
     */
    public Optional<String> known(Optional<String> secret, String username) {
        if (secret.isEmpty() || !wellFormed(secret.get())) {
            return Optional.empty();
        }
        String name;
        try {
            name = Usernames.normalise(username);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Instant oldest = clock.instant().minus(LIFETIME);
        return db.inTransaction(s -> ActorRepository.local(s, ActorKind.PERSON, name).filter(m -> !m.isDeleted())
                .map(m -> s.find(LoginDeviceEntity.class, key(secret.get(), m.getId())))
                .filter(d -> d.getLastUsedAt().isAfter(oldest))
                .map(LoginDeviceEntity::getId));
    }

    /**
     * Records that the member has just signed in from this browser and returns the secret its cookie must hold:
     * the browser's own when it has one (a shared phone keeps one secret for all its members), a new one otherwise.
     * Browsers of the member not seen for a year are forgotten at the same time.
     */
    public String remember(Optional<String> secret, long memberId) {
        String value = secret.filter(LoginDevices::wellFormed).orElseGet(Tokens::random);
        Instant now = clock.instant();
        db.run(s -> {
            LoginDeviceEntity device = s.find(LoginDeviceEntity.class, key(value, memberId));
            if (device == null) {
                s.persist(new LoginDeviceEntity(key(value, memberId), memberId, now));
            } else {
                device.used(now);
            }
            LoginDeviceRepository.deleteUnusedSince(s, memberId, now.minus(LIFETIME));
        });
        return value;
    }

    static String key(String secret, long memberId) {
        return Tokens.sha256(memberId + ":" + secret);
    }
}
