package org.weft.server.persistence;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.weft.server.model.DomainNames;
import org.weft.server.model.DomainSeverity;

/**
 * The domain blocks, kept in memory: the inbox asks for every request (before a signature is checked or a key
 * fetched), the HTTP client for every outgoing request, the matcher for every proposal, and none of them should cost a
 * query. Reloaded after each change made in this process and, for changes made from the command line (another
 * process), on a schedule ({@link #reload()}).
 */
public final class BlockedDomains {
    private static final Logger LOG = Logger.getLogger(BlockedDomains.class.getName());
    /** No blocks, for tests and tools that never block. */
    public static final BlockedDomains NONE = new BlockedDomains(null);

    private final Database db;
    private volatile Map<String, DomainSeverity> bySeverity = Map.of();

    /** Reads the blocks from {@code db} now. */
    public static BlockedDomains load(Database db) {
        BlockedDomains blocked = new BlockedDomains(db);
        blocked.reload();
        return blocked;
    }

    private BlockedDomains(Database db) {
        this.db = db;
    }

    /** Reads the blocks again; a failure keeps the ones known (and is logged). */
    public void reload() {
        if (db == null) {
            return;
        }
        try {
            Map<String, DomainSeverity> fresh = new HashMap<>();
            db.inTransaction(DomainBlockRepository::all).forEach(b -> fresh.put(b.getDomain(), b.getSeverity()));
            bySeverity = Map.copyOf(fresh);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Domain blocks could not be read again; the ones known stay in force", e);
        }
    }

    /** The block covering a {@code host} or {@code host:port} (the most specific one), if any. */
    public Optional<DomainSeverity> severityOf(String hostAndPort) {
        if (hostAndPort == null || hostAndPort.isEmpty() || bySeverity.isEmpty()) {
            return Optional.empty();
        }
        for (String name : DomainNames.coveringNames(hostAndPort)) {
            DomainSeverity severity = bySeverity.get(name);
            if (severity != null) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }

    public boolean isSuspended(String hostAndPort) {
        return severityOf(hostAndPort).filter(s -> s == DomainSeverity.SUSPEND).isPresent();
    }

    /** Whether the server of {@code uri} is blocked at all (silenced or suspended). */
    public boolean isBlockedUri(String uri) {
        return severityOf(hostOf(uri)).isPresent();
    }

    /** Whether the server of {@code uri} is suspended; an unreadable URI is not. */
    public boolean isSuspendedUri(String uri) {
        return isSuspended(hostOf(uri));
    }

    /** {@code host} or {@code host:port} of a URI, as actors' {@code domain} holds it; null when there is none. */
    public static String hostOf(String uri) {
        try {
            return DomainNames.hostAndPort(URI.create(uri));
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
