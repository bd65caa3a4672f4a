package org.weft.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weft.server.config.DatabaseSettings;
import org.weft.server.testing.CapturedLog;

/**
 * A start after a crash (the embedded database's lock left behind) is not held for good by another program that now
 * listens on the dead process's database port; and a lock whose listener answers is left to H2.
 */
class SilentLockHolderTest {
    private static final DatabaseSettings EMBEDDED = new DatabaseSettings("", "", "", 2);

    @TempDir
    Path dir;

    private ServerSocket squatter;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void keepH2OnLoopback() {
        EmbeddedServerAddress.ensureLoopback();
    }

    @AfterEach
    void stopSquatter() throws IOException {
        if (squatter != null) {
            squatter.close();
        }
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    @Test
    void aStartIsNotHeldByAProgramThatTookTheDeadServersPortAndSaysNothing() throws Exception {
        createDatabase();
        int port = listen(false);
        leaveLockOfADeadServer(port);

        try (CapturedLog log = CapturedLog.everything(Logger.getLogger(SilentLockHolder.class.getName()))) {
            Database db = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> Database.open(EMBEDDED, dir),
                    "the start waited on the program listening at the dead server's port");
            try (db) {
                assertEquals(0L, db.inTransaction(ProposalRepository::countAll), "the database opened and answers");
            }
            assertTrue(log.messages().stream().anyMatch(m -> m.contains("127.0.0.1:" + port)
                    && m.contains("Removed the stale lock")), log.messages().toString());
        }
        assertFalse(accepted.isEmpty(), "the lock's listener was asked");
    }

    @Test
    void aLockWhoseListenerAnswersIsLeftToH2() throws Exception {
        createDatabase();
        int port = listen(true);
        Path lock = leaveLockOfADeadServer(port);

        SilentLockHolder.clear(DatabaseSettings.embeddedFile(dir), Duration.ofSeconds(2));

        assertTrue(Files.exists(lock), "H2 reads the answer and decides");
        assertFalse(accepted.isEmpty(), "the lock's listener was asked");
    }

    @Test
    void theLockOfADatabaseThatIsOpenIsKept() {
        try (Database live = Database.open(EMBEDDED, dir)) {
            Path lock = dir.resolve("weft.lock.db");
            assertTrue(Files.exists(lock), "H2 holds the file with a lock naming its listener");

            SilentLockHolder.clear(DatabaseSettings.embeddedFile(dir), Duration.ofSeconds(2));

            assertTrue(Files.exists(lock), "the live listener answered, so its lock stays");
            assertEquals(0L, live.inTransaction(ProposalRepository::countAll));
        }
    }

    @Test
    void aLockThatCannotBeReadIsLeftToH2() throws Exception {
        Path lock = dir.resolve("weft.lock.db");
        List<String> unreadable = List.of(
                "server=127.0.0.1\nid=17c0ffee\n", // no port
                "server=127.0.0.1:http\nid=17c0ffee\n", // a port that is not a number
                "server=127.0.0.1:9\n", // no id to ask about
                "server=\\u12\nid=17c0ffee\n"); // a broken escape: Properties cannot load it
        for (String content : unreadable) {
            Files.writeString(lock, content);

            assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> SilentLockHolder.clear(DatabaseSettings.embeddedFile(dir), Duration.ofSeconds(2)), content);

            assertEquals(content, Files.readString(lock), "H2 reads it and says what is wrong with it");
        }
    }

    private void createDatabase() {
        Database.open(EMBEDDED, dir).close();
        assertFalse(Files.exists(dir.resolve("weft.lock.db")), "a clean close removes the lock");
    }

    /** A listener on loopback that accepts and then says nothing (or a line of text, as an HTTP server might). */
    private int listen(boolean answers) throws IOException {
        squatter = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!squatter.isClosed()) {
                try {
                    Socket socket = squatter.accept();
                    accepted.add(socket);
                    if (answers) {
                        OutputStream out = socket.getOutputStream();
                        out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        out.flush();
                    }
                } catch (IOException e) {
                    return;
                }
            }
        });
        return squatter.getLocalPort();
    }

    /** The lock file a killed server leaves: H2's own fields, naming a listener at {@code port}, a minute old. */
    private Path leaveLockOfADeadServer(int port) throws IOException {
        Properties lock = new Properties();
        lock.setProperty("id", "17c0ffee0000000000000000000000000000000000");
        lock.setProperty("method", "file");
        lock.setProperty("hostName", "localhost");
        lock.setProperty("server", "127.0.0.1:" + port);
        Path file = dir.resolve("weft.lock.db");
        try (OutputStream out = Files.newOutputStream(file)) {
            lock.store(out, "FileLock");
        }
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        return file;
    }
}
