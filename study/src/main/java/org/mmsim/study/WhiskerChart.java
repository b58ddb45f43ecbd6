package org.mmsim.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mmsim.report.ChartScale;
import org.mmsim.report.Html;

/**
 * A small inline SVG chart of one figure against one axis of a study: along x the axis's values, for each the mean
 * of the figure over the points with that value (a dot) and their lowest and highest (a whisker). The y axis is
 * logarithmic when the figure's positive values span more than two decades, so that a few large values do not
 * flatten the rest; zeros are then drawn on the bottom line, which the chart says.
 */
final class WhiskerChart {
    static final int WIDTH = 300;
    static final int HEIGHT = 180;
    private static final int LEFT = 62;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 46;
    private static final int LABEL_CHARS = 14;
    /** A range narrower than this share of its top is drawn from near its bottom, not from 0, and says so. */
    private static final double NARROW = 0.2;

    private final List<String> categories;
    private final List<double[]> values;
    private final boolean log;
    private final double low;
    private final double high;
    private final List<Double> ticks = new ArrayList<>();

    /**
     * @param categories the axis's values, in the study's order
     * @param values     for each category, the figure's value at each point having it (at least one)
     */
    WhiskerChart(List<String> categories, List<double[]> values) {
        this.categories = categories;
        this.values = values;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double minPositive = Double.POSITIVE_INFINITY;
        for (double[] vs : values) {
            for (double v : vs) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                if (v > 0) {
                    minPositive = Math.min(minPositive, v);
                }
            }
        }
        log = min >= 0 && max > 0 && max / minPositive > 100;
        if (log) {
            low = Math.floor(Math.log10(minPositive));
            high = Math.max(low + 1, Math.ceil(Math.log10(max)));
            for (double d = low; d <= high; d++) {
                ticks.add(Math.pow(10, d));
            }
        } else {
            double from = min > 0 && max - min < NARROW * max ? min : Math.min(0, min);
            double to = max > from ? max : from + 1;
            double step = ChartScale.niceStep((to - from) / 4);
            low = Math.floor(from / step) * step;
            high = Math.ceil(to / step) * step;
            for (int i = 0; low + i * step <= high + step / 2; i++) {
                ticks.add(low + i * step);
            }
        }
    }

    /** Whether the y axis is logarithmic. */
    boolean logarithmic() {
        return log;
    }

    /** The chart as an SVG element. */
    String svg(String title) {
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\"><title>").append(Html.esc(title)).append("</title>\n");
        int bottom = HEIGHT - BOTTOM;
        for (double t : ticks) {
            double y = y(t);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>\n", LEFT, y,
                    WIDTH - RIGHT, y, LEFT - 4, y + 4, format(t)));
        }
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>\n", LEFT, TOP, LEFT, bottom, LEFT,
                bottom, WIDTH - RIGHT, bottom));
        double slot = (double) (WIDTH - LEFT - RIGHT) / categories.size();
        for (int i = 0; i < categories.size(); i++) {
            double x = LEFT + slot * (i + 0.5);
            double[] vs = values.get(i);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (double v : vs) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            double mean = sum / vs.length;
            String label = categories.get(i);
            s.append(String.format(Locale.ROOT, "<g><title>%s: mean %s, lowest %s, highest %s (%d point%s)</title>"
                    + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"whisker\"/>"
                    + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"whisker\"/>"
                    + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"whisker\"/>"
                    + "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" class=\"mean\"/></g>\n",
                    Html.esc(label), format(mean), format(min), format(max), vs.length, vs.length == 1 ? "" : "s",
                    x, y(min), x, y(max), x - 5, y(min), x + 5, y(min), x - 5, y(max), x + 5, y(max), x, y(mean)));
            String shown = label.length() > LABEL_CHARS ? label.substring(0, LABEL_CHARS - 1) + "…" : label;
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"cat\" text-anchor=\"middle\">%s"
                    + "</text>\n", x, bottom + 15, Html.esc(shown)));
        }
        String note = log ? "log scale; 0 is drawn on the bottom line" : low > 0 ? "the scale starts at " + format(low)
                + ", not 0" : null;
        if (note != null) {
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"note\">%s</text>\n", LEFT,
                    HEIGHT - 6, note));
        }
        return s.append("</svg>").toString();
    }

    private double y(double v) {
        double t = log ? (v <= 0 ? low : Math.log10(v)) : v;
        double f = (t - low) / (high - low);
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - f);
    }

    /** A value as the report prints it: whole numbers whole, others to four significant digits. */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3 ? "%.3e" : "%.4g", v);
        return s.contains("e") || !s.contains(".") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
