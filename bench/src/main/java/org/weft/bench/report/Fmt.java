package org.weft.bench.report;

import java.util.Locale;

/** Number formatting for the report: thousands separators, sensible decimals. */
public final class Fmt {
    private Fmt() {
    }

    public static String num(double value) {
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    public static String ratio(double figure, double yardstick) {
        if (yardstick <= 0 || Double.isNaN(figure) || Double.isNaN(yardstick)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.3g×", figure / yardstick);
    }

    public static String ms(double millis) {
        return num(millis) + " ms";
    }

    public static String perSecond(double rate) {
        return num(rate) + "/s";
    }
}
