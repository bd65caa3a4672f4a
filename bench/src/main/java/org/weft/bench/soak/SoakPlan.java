package org.weft.bench.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How long and how hard the soak runs. The full soak is G15's: 30 minutes measured after a 2-minute warm-up, a
 * sample every 30 s. The quick mode is a check that everything works (and a first look), not a verdict: a minute of
 * warm-up (a cold server on a busy machine needs about that to catch up with 40/s), 2 minutes measured, a sample every
 * 10 s. The rates are the same in both.
 *
 * @param serverEnv more WEFT_* settings for the server (e.g. a shorter retention), on top of the shipped defaults
 * @param extraJavaOpts JVM options added after the launcher's, for a diagnostic run (e.g. native memory tracking);
 *                      none by default, since G15 is about the shipped flags
 * @param resultsDir where the per-sample CSV and the server's log are kept after the run
 */
public record SoakPlan(boolean quick, Duration warmUp, Duration measured, Duration sampleEvery, Map<String, String> serverEnv,
                       List<String> extraJavaOpts, Path resultsDir) {
    /** Inbound activities per second, open-loop. */
    static final double INBOX_PER_SECOND = 40;
    /** Board page views per second (community board, first page, anonymous). */
    static final double BOARD_PER_SECOND = 4;
    /** Proposal page views per second (the seeded local proposals in turn). */
    static final double PROPOSAL_PAGES_PER_SECOND = 1;
    /** Actor document fetches per second (the members and the community, as activity+json). */
    static final double ACTORS_PER_SECOND = 5;
    /**
     * Everything is signed before the load starts, with one Date; the server takes a Date up to 65 minutes old
     * (5 minutes of validity plus an hour of clock skew, as Mastodon), so signing, warm-up and the measured time must
     * fit well inside that.
     */
    static final Duration MAX_RUN = Duration.ofMinutes(55);

    public SoakPlan {
        serverEnv = Map.copyOf(serverEnv);
        extraJavaOpts = List.copyOf(extraJavaOpts);
        if (warmUp.plus(measured).compareTo(MAX_RUN) > 0) {
            throw new IllegalArgumentException("a soak of " + measured.toMinutes() + " min plus " + warmUp.toMinutes()
                    + " min of warm-up is longer than " + MAX_RUN.toMinutes() + " min: the pre-signed requests would"
                    + " expire (the server accepts a signature Date up to 65 minutes old)");
        }
        if (sampleEvery.isZero() || sampleEvery.isNegative() || measured.compareTo(sampleEvery.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("the measured time must hold at least 3 samples");
        }
    }

    public static SoakPlan full(int minutes, Map<String, String> serverEnv, List<String> extraJavaOpts, Path resultsDir) {
        return new SoakPlan(false, Duration.ofMinutes(2), Duration.ofMinutes(minutes), Duration.ofSeconds(30), serverEnv,
                extraJavaOpts, resultsDir);
    }

    public static SoakPlan quick(Map<String, String> serverEnv, List<String> extraJavaOpts, Path resultsDir) {
        return new SoakPlan(true, Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(10), serverEnv,
                extraJavaOpts, resultsDir);
    }

    /** Whether the server runs with native memory tracking, so that its summary can be kept at the start and end. */
    boolean tracksNativeMemory() {
        return extraJavaOpts.stream().anyMatch(o -> o.startsWith("-XX:NativeMemoryTracking=") && !o.endsWith("=off"));
    }

    /** "30 min measured after 2 min of warm-up, a sample every 30 s". */
    public String describe() {
        return (quick ? "quick mode: " : "") + minutes(measured) + " measured after " + minutes(warmUp) + " of warm-up, a sample"
                + " every " + sampleEvery.toSeconds() + " s";
    }

    int totalSeconds() {
        return (int) warmUp.plus(measured).toSeconds();
    }

    private static String minutes(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
