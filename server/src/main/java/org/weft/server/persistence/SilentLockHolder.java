package org.weft.server.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.logging.Logger;

import org.h2.engine.Constants;
import org.h2.engine.SessionRemote;
import org.h2.value.Transfer;

/**
 * Clears the embedded database's lock when the server it names accepts connections but never answers, which would
 * otherwise hang the start for good.
 *
 * <p>The process that opens the H2 file writes the address of its listener ({@code AUTO_SERVER}, see
 * {@link EmbeddedServerAddress}) into {@code weft.lock.db}. A process killed with {@code kill -9} (or by the
 * out-of-memory killer) leaves that file behind. At the next start H2 connects to the address to ask whether the
 * database is still open there: refused, or answered by anything that is not H2, it takes the lock over; answered
 * "open", it becomes that server's client. But H2 waits for the answer without a time limit, and once the dead
 * process's port has been taken by another program that listens and waits for its own protocol (an HTTP server
 * waiting for a request line), the start never gets past opening the database, and says nothing. Measured: the
 * start hung until killed, 93 s and counting. A live H2 listener answers at once, so one that has said nothing for
 * {@link #PATIENCE} is not this database's, and its lock is stale.
 */
final class SilentLockHolder {
    private static final Logger LOG = Logger.getLogger(SilentLockHolder.class.getName());
    static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final int CONNECT_MILLIS = 2_000;

    private SilentLockHolder() {
    }

    /** Removes {@code file}'s H2 lock when the listener it names keeps silent; leaves anything else to H2. */
    static void clear(Path file, Duration patience) {
        Path lock = file.resolveSibling(file.getFileName() + ".lock.db");
        Properties holder = new Properties();
        try (InputStream in = Files.newInputStream(lock)) {
            holder.load(in);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException | IllegalArgumentException e) {
            return; // H2 reads it again and says what is wrong with it
        }
        String server = holder.getProperty("server");
        String id = holder.getProperty("id");
        if (server == null || id == null || !silent(server, id, patience)) {
            return;
        }
        try {
            Files.deleteIfExists(lock);
            LOG.warning(() -> "The embedded database's lock named a listener at " + server + " that accepted a"
                    + " connection but did not answer as the database for " + patience.toSeconds() + " s: the process"
                    + " that held the lock is gone and another program listens there now. Removed the stale lock "
                    + lock + ".");
        } catch (IOException e) {
            LOG.warning(() -> "Could not remove the stale lock " + lock + " (" + e.getMessage() + "): the start may"
                    + " wait on the program that listens at " + server + "; stop it, or delete the file by hand.");
        }
    }

    /**
     * Asks the listener what H2's own check asks; true only when it accepts and then says nothing in time. One try
     * to connect, not H2's retries: a refused port (the usual case after a crash) costs nothing here.
     */
    private static boolean silent(String server, String id, Duration patience) {
        int colon = server.lastIndexOf(':');
        if (colon <= 0) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.substring(0, colon),
                    Integer.parseInt(server.substring(colon + 1))), CONNECT_MILLIS);
            socket.setSoTimeout((int) patience.toMillis());
            Transfer transfer = new Transfer(null, socket);
            transfer.init();
            transfer.writeInt(Constants.TCP_PROTOCOL_VERSION_MIN_SUPPORTED)
                    .writeInt(Constants.TCP_PROTOCOL_VERSION_MAX_SUPPORTED)
                    .writeString(null)
                    .writeString(null)
                    .writeString(id)
                    .writeInt(SessionRemote.SESSION_CHECK_KEY)
                    .flush();
            transfer.readInt();
            return false; // an answer, whatever it says: H2 decides
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // refused or unreachable: H2 takes a stale lock over by itself
        }
    }
}
