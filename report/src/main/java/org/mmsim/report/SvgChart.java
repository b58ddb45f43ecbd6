package org.mmsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small inline-SVG chart of series over time: lines (optionally dashed) or stacked areas, with a title,
 * axis labels, ticks and a legend. No scripts, fonts or images, so the report opens offline. A chart of no
 * snapshot or of one says so in its plot area (one snapshot is also marked by a dot, as a line needs two). The y
 * axis is linear from its nice-rounded ends, or logarithmic ({@link #logY()}) between whole powers of ten, so
 * that values hundreds of times apart (free pages and watermarks) both stay readable.
 */
final class SvgChart {
    static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
        "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939"};
    private static final int W = 1100;
    private static final int H = 300;
    private static final int LEFT = 80;
    private static final int RIGHT = 230;
    private static final int TOP = 34;
    private static final int BOTTOM = 46;
    private static final int LEGEND_LINE = 17;

    private record Series(String name, double[] y, String color, boolean dashed) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final double[] x;
    private final boolean stacked;
    private final List<Series> series = new ArrayList<>();
    private Double yMin;
    private Double yMax;
    private boolean log;

    SvgChart(String title, String xLabel, String yLabel, double[] x, boolean stacked) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.x = x;
        this.stacked = stacked;
    }

    SvgChart add(String name, double[] y, String color, boolean dashed) {
        series.add(new Series(name, y, color, dashed));
        return this;
    }

    SvgChart add(String name, double[] y) {
        return add(name, y, PALETTE[series.size() % PALETTE.length], false);
    }

    SvgChart yRange(double min, double max) {
        yMin = min;
        yMax = max;
        return this;
    }

    /**
     * A logarithmic y axis from the power of ten at or below the smallest value to the one at or above the
     * largest, ticked at 1, 2 and 5 times each power when it spans at most three decades (else at the powers);
     * values below 1 are drawn at 1.
     */
    SvgChart logY() {
        log = true;
        return this;
    }

    String render() {
        double[][] tops = new double[series.size()][];
        double lo = 0;
        double hi = 0;
        double[] base = new double[x.length];
        for (int i = 0; i < series.size(); i++) {
            double[] y = series.get(i).y;
            tops[i] = new double[x.length];
            for (int k = 0; k < x.length; k++) {
                tops[i][k] = stacked ? base[k] + y[k] : y[k];
                lo = Math.min(lo, tops[i][k]);
                hi = Math.max(hi, tops[i][k]);
            }
            if (stacked) {
                base = tops[i];
            }
        }
        List<Double> ticks = new ArrayList<>();
        if (log) {
            double smallest = Double.MAX_VALUE;
            for (double[] top : tops) {
                for (double v : top) {
                    smallest = Math.min(smallest, Math.max(1, v));
                }
            }
            lo = Math.floor(Math.log10(smallest == Double.MAX_VALUE ? 1 : smallest));
            hi = Math.ceil(Math.log10(Math.max(1, hi)));
            if (hi <= lo) {
                hi = lo + 1;
            }
            for (double d = lo; d <= hi; d++) {
                for (int m : hi - lo <= 3 ? new int[] {1, 2, 5} : new int[] {1}) {
                    if (d < hi || m == 1) {
                        ticks.add(Math.log10(m * Math.pow(10, d)));
                    }
                }
            }
        } else {
            if (yMin != null) {
                lo = yMin;
                hi = Math.max(yMax, hi);
            }
            if (hi <= lo) {
                hi = lo + 1;
            }
            double step = ChartScale.niceStep((hi - lo) / 5);
            hi = Math.ceil(hi / step) * step;
            lo = Math.floor(lo / step) * step;
            for (double v = lo; v <= hi + step / 2; v += step) {
                ticks.add(v);
            }
        }
        if (log) {
            for (double[] top : tops) {
                for (int k = 0; k < top.length; k++) {
                    top[k] = Math.log10(Math.max(1, top[k]));
                }
            }
        }
        double xMax = x.length == 0 || x[x.length - 1] <= 0 ? 1 : x[x.length - 1];
        int pw = W - LEFT - RIGHT;
        int ph = H - TOP - BOTTOM;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                + " role=\"img\">", W, height(), W, height()));
        sb.append("<title>").append(Html.esc(title)).append("</title>");
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" class=\"ct\">%s</text>", LEFT, Html.esc(title)));
        for (double v : ticks) {
            double py = TOP + ph - (v - lo) / (hi - lo) * ph;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>",
                    LEFT, LEFT + pw, py, py));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"yt\">%s</text>", LEFT - 6, py + 4,
                    fmt(log ? Math.rint(Math.pow(10, v)) : v)));
        }
        double xStep = ChartScale.niceStep(xMax / 8);
        for (double v = 0; v <= xMax + xStep / 100; v += xStep) {
            double px = LEFT + v / xMax * pw;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" class=\"tick\"/>",
                    px, px, TOP + ph, TOP + ph + 5));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"xt\">%s</text>", px, TOP + ph + 18,
                    fmt(v)));
        }
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"frame\"/>",
                LEFT, TOP, pw, ph));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"xl\">%s</text>", LEFT + pw / 2, H - 6,
                Html.esc(xLabel)));
        sb.append(String.format(Locale.ROOT, "<text transform=\"translate(16,%d) rotate(-90)\" class=\"xl\">%s</text>",
                TOP + ph / 2, Html.esc(yLabel)));
        if (x.length < 2) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"xl\">%s</text>", LEFT + pw / 2,
                    TOP + ph / 2, x.length == 0 ? "no snapshots to plot" : "one snapshot only, at " + fmt(x[0]) + " s"));
        }
        for (int i = series.size() - 1; i >= 0; i--) {
            Series s = series.get(i);
            if (x.length == 1) {
                sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>",
                        LEFT + x[0] / xMax * pw, TOP + ph - (tops[i][0] - lo) / (hi - lo) * ph, s.color));
            }
            StringBuilder pts = new StringBuilder();
            for (int k = 0; k < x.length; k++) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + x[k] / xMax * pw,
                        TOP + ph - (tops[i][k] - lo) / (hi - lo) * ph));
            }
            if (stacked) {
                double[] below = i == 0 ? new double[x.length] : tops[i - 1];
                for (int k = x.length - 1; k >= 0; k--) {
                    pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + x[k] / xMax * pw,
                            TOP + ph - (Math.max(below[k], lo) - lo) / (hi - lo) * ph));
                }
                sb.append("<polygon points=\"").append(pts.toString().trim()).append("\" fill=\"").append(s.color)
                        .append("\" fill-opacity=\"0.85\" stroke=\"none\"/>");
            } else {
                sb.append("<polyline points=\"").append(pts.toString().trim()).append("\" fill=\"none\" stroke=\"")
                        .append(s.color).append("\" stroke-width=\"2\"")
                        .append(s.dashed ? " stroke-dasharray=\"6 4\"" : "").append("/>");
            }
        }
        int ly = TOP + 4;
        for (int i = stacked ? series.size() - 1 : 0; stacked ? i >= 0 : i < series.size(); i += stacked ? -1 : 1) {
            Series s = series.get(i);
            int lx = LEFT + pw + 10;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\""
                    + " stroke-width=\"%d\"%s/>", lx, lx + 18, ly + 5, ly + 5, s.color, stacked ? 10 : 3,
                    s.dashed ? " stroke-dasharray=\"6 4\"" : ""));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"lg\">%s</text>", lx + 22, ly + 9,
                    Html.esc(s.name)));
            ly += LEGEND_LINE;
        }
        return sb.append("</svg>").toString();
    }

    /**
     * The chart's height: the standard height, or taller when the legend (one 17-pixel line per series from
     * TOP + 4) would run past it; the plot area keeps its size.
     */
    private int height() {
        return Math.max(H, TOP + 4 + LEGEND_LINE * series.size() + 4);
    }

    static String fmt(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        }
        if (a >= 1e4) {
            return String.format(Locale.ROOT, "%.0fk", v / 1e3);
        }
        if (a == Math.rint(a)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
