package org.weft.server.persistence.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hibernate.Session;

/**
 * Ways in that can no longer be used: login sessions past their expiry (the cookie is refused from then on),
 * invite codes past their expiry that nobody used (a used one stays: it tells the operator which code brought a
 * member), and remembered browsers ("device cookies") not used for their lifetime.
 */
public final class ExpiredAccess implements RetentionRule {
    private final Duration deviceLifetime;

    /** {@code deviceLifetime}: how long a remembered browser counts after its last sign-in. */
    public ExpiredAccess(Duration deviceLifetime) {
        this.deviceLifetime = deviceLifetime;
    }

    @Override
    public String name() {
        return "expired sessions, invites and devices";
    }

    @Override
    public int prune(Session s, Instant now, int limit) {
        List<String> sessions = s.createNativeQuery("SELECT id FROM web_session WHERE expires_at <= ?1 LIMIT " + limit,
                String.class).setParameter(1, now).getResultList();
        deleteKeys(s, "web_session", "id", sessions);
        int left = limit - sessions.size();
        List<String> invites = left == 0 ? List.of() : s.createNativeQuery("SELECT code FROM invite WHERE used_at IS NULL"
                + " AND expires_at <= ?1 LIMIT " + left, String.class).setParameter(1, now).getResultList();
        deleteKeys(s, "invite", "code", invites);
        left -= invites.size();
        List<String> devices = left == 0 ? List.of() : s.createNativeQuery("SELECT id FROM login_device"
                + " WHERE last_used_at < ?1 LIMIT " + left, String.class).setParameter(1, now.minus(deviceLifetime))
                .getResultList();
        deleteKeys(s, "login_device", "id", devices);
        return sessions.size() + invites.size() + devices.size();
    }

    private static void deleteKeys(Session s, String table, String key, List<String> keys) {
        if (!keys.isEmpty()) {
            s.createNativeMutationQuery("DELETE FROM " + table + " WHERE " + key + " IN (?1)").setParameterList(1, keys)
                    .executeUpdate();
        }
    }
}
