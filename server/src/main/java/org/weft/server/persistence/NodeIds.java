package org.weft.server.persistence;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Names a node: host, process and a random part (several nodes may run in one process, as tests do). */
final class NodeIds {
    private NodeIds() {
    }

    static String newId() {
        // The environment's name, not a DNS look-up, which can take seconds at start-up.
        String host = System.getenv().getOrDefault("HOSTNAME", "node");
        if (host.length() > 30) {
            host = host.substring(0, 30);
        }
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return host + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
    }
}
