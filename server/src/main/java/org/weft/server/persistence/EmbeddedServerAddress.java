package org.weft.server.persistence;

import java.net.InetAddress;

import org.h2.engine.SysProperties;
import org.weft.server.config.IpAddresses;

/**
 * Keeps the embedded H2 database's own listener on loopback. The H2 URL has {@code AUTO_SERVER=TRUE}: the first
 * process to open the file (normally the running server) also opens a TCP listener on a random port and writes its
 * address and a random key into the file's lock, and any later process opening the same file (an operator's
 * {@code ./weft group create …}) connects through it instead of failing on the lock. H2 binds that listener to
 * every interface unless the system property {@code h2.bindAddress} names one, and reads the property only once,
 * when its {@link SysProperties} class loads; so it is set here before H2 is first used, and what H2 actually took
 * is checked. The listener still asks for the key from the lock file, which only users who can read the data
 * directory have.
 */
final class EmbeddedServerAddress {
    static final String PROPERTY = "h2.bindAddress";
    static final String LOOPBACK = "127.0.0.1";

    private EmbeddedServerAddress() {
    }

    /**
     * Makes H2 bind its listener to {@value #LOOPBACK}, unless the JVM was started with another loopback address.
     *
     * @throws IllegalStateException when H2 would listen on anything but loopback: the property names another
     *         address, or H2 was loaded before it could be set
     */
    static synchronized void ensureLoopback() {
        String asked = System.getProperty(PROPERTY);
        if (asked == null || asked.isBlank()) {
            System.setProperty(PROPERTY, LOOPBACK);
        }
        String taken = SysProperties.BIND_ADDRESS;
        boolean loopback = taken != null && IpAddresses.parse(taken).map(InetAddress::isLoopbackAddress).orElse(false);
        if (!loopback) {
            throw new IllegalStateException("The embedded H2 database would accept connections on "
                    + (taken == null || taken.isBlank() ? "every network interface" : taken)
                    + "; start Java with -D" + PROPERTY + "=" + LOOPBACK + " (or no " + PROPERTY + " at all)");
        }
    }
}
