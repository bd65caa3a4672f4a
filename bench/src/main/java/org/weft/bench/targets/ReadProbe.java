package org.weft.bench.targets;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

import org.weft.bench.load.ClosedLoopLoad;
import org.weft.bench.load.LoadResult;
import org.weft.bench.load.OpenLoopLoad;

/**
 * The one procedure for every GET figure (G3 and its bare-Helidon yardstick), so they are comparable:
 * warm up closed-loop, then offer a fixed rate open-loop and read the latency, then saturate briefly for
 * the maximum rate.
 */
public final class ReadProbe {
    public static final double OFFERED_PER_SECOND = 5_000;
    private static final int OPEN_LOOP_CONNECTIONS = 64;
    private static final int CLOSED_LOOP_CONNECTIONS = 32;
    private static final Duration OPEN_LOOP_LENGTH = Duration.ofSeconds(6);

    private ReadProbe() {
    }

    /** Open-loop latency at the offered rate, and the saturated rate the generator reached. */
    public record Figures(LoadResult openLoop, LoadResult saturated) {
        public double p99Millis() {
            return openLoop.percentileMillis(99);
        }

        public double p50Millis() {
            return openLoop.percentileMillis(50);
        }

        /** Whether the generator and server together kept up with the offered rate (within 2%). */
        public boolean sustained() {
            return openLoop.failed() == 0 && openLoop.throughput() >= 0.98 * openLoop.offeredPerSecond();
        }
    }

    public static Figures measure(String host, int port, byte[] request) throws InterruptedException {
        List<byte[]> one = List.of(request);
        ClosedLoopLoad closed = new ClosedLoopLoad(host, port, CLOSED_LOOP_CONNECTIONS);
        closed.run(one, 20_000, Duration.ofSeconds(4)); // warm-up: JIT, connection set-up, caches
        int total = (int) (OFFERED_PER_SECOND * OPEN_LOOP_LENGTH.toSeconds());
        LoadResult open = new OpenLoopLoad(host, port, OPEN_LOOP_CONNECTIONS)
                .run(Collections.nCopies(total, request), OFFERED_PER_SECOND, Duration.ofSeconds(10));
        LoadResult saturated = closed.run(one, Integer.MAX_VALUE, Duration.ofSeconds(3));
        return new Figures(open, saturated);
    }
}
