package org.weft.bench.soak;

import java.util.Arrays;

/**
 * A least-squares line through a series of samples (x in minutes), with the standard error of its slope as the
 * noise estimate: a slope within twice its standard error (the 95 % interval includes zero) is "flat", that is,
 * no trend can be told apart from the sample-to-sample noise of this run. The residuals of a soak are not
 * independent (memory moves in steps, a busy neighbour slows several samples in a row), which makes the standard
 * error an underestimate: a verdict of "rising" is the cautious one, not a proof.
 *
 * @param slope        change per minute
 * @param slopeError   standard error of the slope (NaN with fewer than 3 samples)
 * @param residualSd   standard deviation of the samples around the line: the sample-to-sample noise
 * @param mean         mean of the samples
 * @param firstThird   median of the first third of the samples
 * @param lastThird    median of the last third of the samples
 * @param samples      how many samples the line was fitted to (NaN values are left out)
 * @param spanMinutes  minutes from the first to the last sample
 */
public record Trend(double slope, double slopeError, double residualSd, double mean, double firstThird, double lastThird,
                    int samples, double spanMinutes) {

    /** Fits a line to the pairs (minutes[i], values[i]) whose value is a number. */
    public static Trend fit(double[] minutes, double[] values) {
        if (minutes.length != values.length) {
            throw new IllegalArgumentException("minutes and values differ in length");
        }
        int n = 0;
        double[] x = new double[values.length];
        double[] y = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i]) && Double.isFinite(minutes[i])) {
                x[n] = minutes[i];
                y[n] = values[i];
                n++;
            }
        }
        x = Arrays.copyOf(x, n);
        y = Arrays.copyOf(y, n);
        if (n < 2) {
            double only = n == 1 ? y[0] : Double.NaN;
            return new Trend(Double.NaN, Double.NaN, Double.NaN, only, only, only, n, 0);
        }
        double meanX = Arrays.stream(x).average().orElseThrow();
        double meanY = Arrays.stream(y).average().orElseThrow();
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            sxy += (x[i] - meanX) * (y[i] - meanY);
        }
        if (sxx == 0) {
            return new Trend(Double.NaN, Double.NaN, Double.NaN, meanY, meanY, meanY, n, 0);
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double residual = y[i] - (intercept + slope * x[i]);
            squares += residual * residual;
        }
        double residualSd = n > 2 ? Math.sqrt(squares / (n - 2)) : Double.NaN;
        double slopeError = n > 2 ? residualSd / Math.sqrt(sxx) : Double.NaN;
        int third = Math.max(1, n / 3);
        return new Trend(slope, slopeError, residualSd, meanY, median(Arrays.copyOfRange(y, 0, third)),
                median(Arrays.copyOfRange(y, n - third, n)), n, x[n - 1] - x[0]);
    }

    /** Half-width of the slope's 95 % interval (two standard errors). */
    public double noise() {
        return 2 * slopeError;
    }

    /** Whether a slope could be computed with a noise estimate (3 samples or more). */
    public boolean known() {
        return Double.isFinite(slope) && Double.isFinite(slopeError);
    }

    /** The slope lies within its noise: no trend this run can tell apart from zero. */
    public boolean flat() {
        return known() && Math.abs(slope) <= noise();
    }

    /** What the line says changed from the first sample to the last. */
    public double change() {
        return slope * spanMinutes;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
