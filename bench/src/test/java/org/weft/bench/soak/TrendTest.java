package org.weft.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrendTest {
    private static final double[] FIVE_MINUTES = {0, 1, 2, 3, 4};

    @Test
    void slopeAndItsStandardErrorAreTheTextbookOnes() {
        // mean x 2, mean y 3, Sxx 10, Sxy 8: slope 0.8; residuals -0.4 0.8 -1.0 1.2 -0.6, squares 3.6 over 3 degrees
        // of freedom: residual sd sqrt(1.2), standard error sqrt(1.2 / 10)
        Trend t = Trend.fit(FIVE_MINUTES, new double[] {1, 3, 2, 5, 4});

        assertEquals(0.8, t.slope(), 1e-12);
        assertEquals(Math.sqrt(1.2), t.residualSd(), 1e-12);
        assertEquals(Math.sqrt(0.12), t.slopeError(), 1e-12);
        assertEquals(2 * Math.sqrt(0.12), t.noise(), 1e-12);
        assertEquals(3.2, t.change(), 1e-12);
        assertEquals(3, t.mean(), 1e-12);
        assertFalse(t.flat(), "0.8 per minute is beyond twice its standard error (0.69)");
    }

    @Test
    void aSeriesThatOnlyWobblesIsFlat() {
        Trend t = Trend.fit(new double[] {0, 1, 2, 3, 4, 5}, new double[] {5, 6, 5, 6, 5, 6});

        assertEquals(1.5 / 17.5, t.slope(), 1e-12);
        assertTrue(t.flat());
    }

    @Test
    void aNoiselessRiseIsNotFlatHoweverSmall() {
        Trend t = Trend.fit(FIVE_MINUTES, new double[] {100, 100.01, 100.02, 100.03, 100.04});

        assertEquals(0.01, t.slope(), 1e-9);
        assertEquals(0, t.slopeError(), 1e-9);
        assertFalse(t.flat());
    }

    @Test
    void gapsAreLeftOutAndTheThirdsAreMedians() {
        double[] minutes = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        Trend t = Trend.fit(minutes, new double[] {1, Double.NaN, 3, 4, 5, 6, 7, 80, 9});

        assertEquals(8, t.samples());
        assertEquals(8, t.spanMinutes(), 1e-12);
        assertEquals(2, t.firstThird(), 1e-12, "the first third of the 8 numbers is 1, 3");
        assertEquals(44.5, t.lastThird(), 1e-12, "the last third is 80, 9");
    }

    @Test
    void twoSamplesGiveASlopeButNoNoiseSoNoVerdict() {
        Trend t = Trend.fit(new double[] {0, 1}, new double[] {10, 12});

        assertEquals(2, t.slope(), 1e-12);
        assertFalse(t.known());
        assertFalse(t.flat());
    }

    @Test
    void nothingToFitGivesNaNsNotAnError() {
        Trend t = Trend.fit(new double[] {0, 1, 2}, new double[] {Double.NaN, Double.NaN, Double.NaN});

        assertEquals(0, t.samples());
        assertTrue(Double.isNaN(t.slope()));
        assertFalse(t.known());
    }
}
