package org.weft.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TableGrowthTest {
    private static final JvmGauge.Reading JVM = new JvmGauge.Reading(50, 50, 0, 128, 0, 0, 0, 40);
    private static final DbGauge.Queues QUEUES = new DbGauge.Queues(0, 0, 0, 0, 0, 0);

    /**
     * Ten samples, 1,000 activities apart: the inbound table climbs by 500 B an activity for the first half and then
     * stays at its plateau, give or take a page; the terms grow by 300 B an activity throughout.
     */
    private static List<Sample> run() {
        List<Sample> samples = new ArrayList<>();
        long[] wobble = {0, 16_384, 0, -16_384, 16_384};
        for (int i = 0; i < 10; i++) {
            long accepted = 1_000L * i;
            long inbound = i < 5 ? 500 * accepted : 2_500_000 + wobble[i - 5];
            long terms = 1_000_000 + 300 * accepted;
            samples.add(new Sample(i / 2.0, 300, 100, JVM, inbound + terms, accepted, QUEUES, Map.of(),
                    Map.of("inbound_activity", inbound, "proposal_term", terms)));
        }
        return samples;
    }

    @Test
    void aTableThePrunerHoldsLevelGrowsByAboutNothingInTheSecondHalf() {
        TableGrowth inbound = find(TableGrowth.secondHalf(run()), "inbound_activity");

        assertTrue(inbound.trend().flat(), "the plateau's wobble is noise: " + inbound.trend());
        assertTrue(Math.abs(inbound.trend().slope()) < 5, "against 500 B an activity end to end: " + inbound.trend());
        assertEquals(5, inbound.trend().samples(), "only the second half");
    }

    @Test
    void aGrowingTableShowsItsSlopeAndTheSumAddsTheTables() {
        List<TableGrowth> growth = TableGrowth.secondHalf(run());

        assertEquals(300, find(growth, "proposal_term").trend().slope(), 1e-9);
        assertEquals("proposal_term", growth.getFirst().table(), "the steepest first");
        TableGrowth all = growth.getLast();
        assertEquals(TableGrowth.ALL, all.table());
        assertEquals(300, all.trend().slope(), 5);
        assertEquals(2_500_000 + 1_000_000 + 300 * 5_000L, all.first());
        assertEquals(2_500_000 + 16_384 + 1_000_000 + 300 * 9_000L, all.last());
    }

    @Test
    void samplesWithoutTableBytesAreLeftOut() {
        List<Sample> samples = new ArrayList<>(run());
        Sample last = samples.getLast();
        samples.add(new Sample(5, 300, 100, JVM, 0, 10_000, QUEUES, Map.of(), Map.of()));

        assertEquals(300, find(TableGrowth.secondHalf(samples), "proposal_term").trend().slope(), 1e-9);
        assertEquals(last.tableBytes().get("proposal_term"), find(TableGrowth.secondHalf(samples), "proposal_term").last());
    }

    @Test
    void theSecondHalfsVerdictWaitsUntilTheNoiseIsOnOneSideOfTheTarget() {
        double[] at = {0, 1, 2, 3, 4};

        assertEquals("target met", SoakReport.steadyVerdict(Trend.fit(at, new double[] {0, 400, 800, 1_200, 1_600})));
        assertTrue(SoakReport.steadyVerdict(Trend.fit(at, new double[] {0, 1_500, 3_000, 4_500, 6_000}))
                .startsWith("**missed** by 500 B"));
        assertTrue(SoakReport.steadyVerdict(Trend.fit(at, new double[] {0, 1_400, 1_200, 2_600, 3_600}))
                .startsWith("**not settled**"), "a slope of 840 ± 277 B");
    }

    private static TableGrowth find(List<TableGrowth> growth, String table) {
        return growth.stream().filter(g -> g.table().equals(table)).findFirst().orElseThrow();
    }
}
