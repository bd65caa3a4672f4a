package org.weft.bench.report;

import java.util.Locale;

/** "target met" or "missed by X": how far a figure is from its target, in its own unit and in percent. */
public final class Verdict {
    private Verdict() {
    }

    /** For targets of the form figure &ge; target (rates). */
    public static String atLeast(double figure, double target, String unit) {
        if (figure >= target) {
            return "target met";
        }
        return String.format(Locale.ROOT, "**missed** by %s %s (%.0f%% short)", Fmt.num(target - figure), unit,
                100 * (target - figure) / target);
    }

    /** For targets of the form figure &le; target (latencies, memory, times). */
    public static String atMost(double figure, double target, String unit) {
        if (figure <= target) {
            return "target met";
        }
        return String.format(Locale.ROOT, "**missed** by %s %s (%.1f× the target)", Fmt.num(figure - target), unit,
                figure / target);
    }

    /** For exact counts. */
    public static String exactly(long figure, long target) {
        return figure == target ? "target met" : "**missed**: " + figure + " instead of " + target;
    }
}
