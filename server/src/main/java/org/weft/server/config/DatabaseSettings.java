package org.weft.server.config;

import java.nio.file.Path;

/**
 * Where the data lives: MariaDB when a JDBC URL is configured, otherwise an embedded H2 file under the
 * data directory (the newcomer's default, no install needed).
 */
public record DatabaseSettings(String url, String user, String password, int poolSize) {

    public boolean isEmbedded() {
        return url == null || url.isBlank();
    }

    /** The JDBC URL to open; H2 runs in MariaDB mode so one set of migrations serves both. */
    public String jdbcUrl(Path dataDir) {
        if (!isEmbedded()) {
            return url;
        }
        Path file = embeddedFile(dataDir);
        // async: H2 reads and writes the file through an AsynchronousFileChannel, which an interrupted thread does not
        // close. With the plain FileChannel, one thread interrupted during its database work (a pool shut down under a
        // task, a cancelled future) closed the file and so the whole database for every thread until a restart; H2's
        // maintainers point to async: for this (retry: reopens the file instead, and swallows the interrupt).
        // AUTO_SERVER: the operator's commands reach the file while the server holds it, through a listener that
        // Database keeps on loopback.
        return "jdbc:h2:async:" + file + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
                + ";DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"
                // Commit means written: without this H2 may lose the last half second of commits on a crash,
                // including activities already answered with 202.
                + ";WRITE_DELAY=0"
                // A writer waits up to 20 s for another's row lock, as an InnoDB writer would (50 s): H2 gives up
                // after 2 s, which a busy small machine exceeds, and the inbound activity or page then failed.
                + ";LOCK_TIMEOUT=20000";
    }

    /** The embedded database's file name without H2's suffixes ({@code weft.mv.db}, {@code weft.lock.db}). */
    public static Path embeddedFile(Path dataDir) {
        return dataDir.toAbsolutePath().resolve("weft");
    }

    public String userOrDefault() {
        return isEmbedded() && (user == null || user.isBlank()) ? "weft" : user;
    }

    public String passwordOrDefault() {
        return password == null ? "" : password;
    }
}
