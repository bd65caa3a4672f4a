package org.weft.server.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.hibernate.Session;

/** The nodes sharing this database, each with when it last said it is running. */
public final class NodesSeen {
    private NodesSeen() {
    }

    /** Records that {@code node} is running at {@code now}. */
    public static void beat(Session s, String node, Instant now) {
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        int updated = s.createNativeMutationQuery("UPDATE node_seen SET seen_at = ?1 WHERE node = ?2")
                .setParameter(1, at).setParameter(2, node).executeUpdate();
        if (updated == 0) {
            s.createNativeMutationQuery("INSERT INTO node_seen (node, seen_at) VALUES (?1, ?2)")
                    .setParameter(1, node).setParameter(2, at).executeUpdate();
        }
    }

    /** How many nodes said they were running at {@code since} or later (at least this one, once it has beaten). */
    public static int runningSince(Session s, Instant since) {
        return s.createNativeQuery("SELECT COUNT(*) FROM node_seen WHERE seen_at >= ?1", Long.class)
                .setParameter(1, LocalDateTime.ofInstant(since, ZoneOffset.UTC)).getSingleResult().intValue();
    }

    /** Removes a node that stopped, and rows of nodes not heard of since {@code before} (they died). */
    public static void forget(Session s, String node, Instant before) {
        s.createNativeMutationQuery("DELETE FROM node_seen WHERE node = ?1 OR seen_at < ?2").setParameter(1, node)
                .setParameter(2, LocalDateTime.ofInstant(before, ZoneOffset.UTC)).executeUpdate();
    }
}
