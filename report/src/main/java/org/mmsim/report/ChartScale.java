package org.mmsim.report;

/** The step between a chart's tick marks: a round number, so that the ticks read well. */
public final class ChartScale {
    private ChartScale() {
    }

    /** 1, 2, 5 or 10 times a power of ten, the smallest at least {@code raw} (1 for a range of nothing). */
    public static double niceStep(double raw) {
        if (raw <= 0) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double n = raw / mag;
        return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * mag;
    }
}
