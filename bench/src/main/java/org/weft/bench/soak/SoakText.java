package org.weft.bench.soak;

import org.HdrHistogram.Histogram;
import org.weft.bench.report.Fmt;

/** How the soak's figures are written: a dash for what could not be had, signed slopes, the reading of a trend. */
final class SoakText {
    private SoakText() {
    }

    /** {@link Fmt#num}, with a dash for a figure that could not be had. */
    static String num(double value) {
        return Double.isNaN(value) ? "—" : Fmt.num(value);
    }

    /** "+0.21" or "−0.21". */
    static String signed(double value) {
        return Double.isNaN(value) ? "—" : (value >= 0 ? "+" : "−") + Fmt.num(Math.abs(value));
    }

    /** "+0.21 MB/min (+6.3 MB over the run)". */
    static String perMinute(Trend t, String unit) {
        return t.known() ? signed(t.slope()) + " " + unit + "/min (" + signed(t.change()) + " " + unit + " over the run)"
                : "— (too few samples)";
    }

    /** "flat", "**rising**" or "falling"; a rise is the only reading that fails a soak. */
    static String reading(Trend t) {
        if (!t.known()) {
            return "—";
        }
        return t.flat() ? "flat" : t.slope() > 0 ? "**rising**" : "falling";
    }

    /** A percentile in ms, NaN for an empty or missing histogram. */
    static double millis(Histogram h, double percentile) {
        return h == null || h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }
}
