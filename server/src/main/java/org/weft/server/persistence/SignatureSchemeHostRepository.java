package org.weft.server.persistence;

import java.time.LocalDateTime;
import java.util.List;

import org.hibernate.Session;

/**
 * The table {@code signature_scheme_host}: remote hosts that took only one HTTP signature scheme, and when that was
 * learned. Plain SQL (no entity), inside the caller's transaction.
 */
public final class SignatureSchemeHostRepository {
    private SignatureSchemeHostRepository() {
    }

    /** One remembered host, as stored. {@code learnedAt} is whatever the driver returns for a DATETIME(6). */
    public record Row(String host, String scheme, Object learnedAt) {
    }

    /** Records that {@code host} takes {@code scheme}; another node may insert the same host at the same moment. */
    public static void upsert(Session s, String host, String scheme, LocalDateTime learnedAt) {
        int updated = s.createNativeMutationQuery(
                        "UPDATE signature_scheme_host SET scheme = ?1, learned_at = ?2 WHERE host = ?3")
                .setParameter(1, scheme).setParameter(2, learnedAt).setParameter(3, host).executeUpdate();
        if (updated == 0) {
            s.createNativeMutationQuery(
                            "INSERT IGNORE INTO signature_scheme_host (host, scheme, learned_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, host).setParameter(2, scheme).setParameter(3, learnedAt).executeUpdate();
        }
    }

    public static void delete(Session s, String host) {
        s.createNativeMutationQuery("DELETE FROM signature_scheme_host WHERE host = ?1")
                .setParameter(1, host).executeUpdate();
    }

    public static void deleteLearnedBefore(Session s, LocalDateTime oldest) {
        s.createNativeMutationQuery("DELETE FROM signature_scheme_host WHERE learned_at < ?1")
                .setParameter(1, oldest).executeUpdate();
    }

    public static List<Row> all(Session s) {
        return s.createNativeQuery("SELECT host, scheme, learned_at FROM signature_scheme_host", Object[].class)
                .getResultList().stream()
                .map(r -> new Row((String) r[0], (String) r[1], r[2]))
                .toList();
    }
}
