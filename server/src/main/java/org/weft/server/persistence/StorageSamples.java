package org.weft.server.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hibernate.Session;

/** The {@code storage_sample} table: table sizes taken about once a day, from which growth is worked out. */
public final class StorageSamples {
    private StorageSamples() {
    }

    /** Stores one sample: every table, and the whole database under {@link StorageSizes#WHOLE}. */
    public static void record(Session s, Instant at, List<StorageSizes.TableSize> tables, long databaseBytes) {
        long rows = 0;
        for (StorageSizes.TableSize t : tables) {
            insert(s, at, t.table(), t.rows(), t.bytes());
            rows += t.rows();
        }
        insert(s, at, StorageSizes.WHOLE, rows, databaseBytes);
    }

    private static void insert(Session s, Instant at, String table, long rows, long bytes) {
        s.createNativeMutationQuery("INSERT INTO storage_sample (sampled_at, table_name, row_count, bytes)"
                        + " VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, at).setParameter(2, table).setParameter(3, rows).setParameter(4, bytes).executeUpdate();
    }

    /** When the newest sample was taken, if any. */
    public static Optional<Instant> newest(Session s) {
        return Optional.ofNullable(s.createNativeQuery("SELECT MAX(sampled_at) FROM storage_sample", LocalDateTime.class)
                .getSingleResult()).map(t -> t.toInstant(ZoneOffset.UTC));
    }

    /** A past sample: when, and each table's size (the whole database under {@link StorageSizes#WHOLE}). */
    public record Sample(Instant at, Map<String, StorageSizes.TableSize> tables) {
    }

    /** The oldest sample taken between {@code from} and {@code to}: the baseline growth is measured from. */
    public static Optional<Sample> oldestBetween(Session s, Instant from, Instant to) {
        LocalDateTime at = s.createNativeQuery("SELECT MIN(sampled_at) FROM storage_sample WHERE sampled_at >= ?1"
                + " AND sampled_at <= ?2", LocalDateTime.class).setParameter(1, from).setParameter(2, to).getSingleResult();
        if (at == null) {
            return Optional.empty();
        }
        Map<String, StorageSizes.TableSize> tables = new LinkedHashMap<>();
        for (Object[] row : s.createNativeQuery("SELECT table_name, row_count, bytes FROM storage_sample WHERE sampled_at = ?1",
                Object[].class).setParameter(1, at).getResultList()) {
            tables.put((String) row[0], new StorageSizes.TableSize((String) row[0], ((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue()));
        }
        return Optional.of(new Sample(at.toInstant(ZoneOffset.UTC), tables));
    }
}
