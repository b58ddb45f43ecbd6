package org.mmsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The chart plots the samples it is given: one point per sample in time order, scaled so that 0 sits on the
 * frame's bottom edge (y 254) and the axis maximum on its top edge (y 34), across x 80..870 for 0..the last
 * time. Those edges follow from the chart's fixed size (1100 x 300, margins left 80, right 230, top 34,
 * bottom 46), so a plotted value v is at y = 254 - v / axisMax * 220.
 */
class SvgChartTest {
    private static final double BOTTOM = 254;
    private static final double TOP = 34;
    private static final double LEFT = 80;
    private static final double RIGHT = 870;

    @Test
    void oneLinePointPerSampleInTimeOrderWithTheMaximumAtTheTop() {
        String svg = new SvgChart("free", "simulated time (s)", "free pages (4 KiB)", new double[] {0, 1, 2, 3, 4},
                false).add("free", new double[] {0, 250, 1000, 500, 750}).render();
        List<double[]> pts = points(svg, "polyline").get(0);
        assertThat(pts).hasSize(5);
        double[] xs = {LEFT, LEFT + 790 / 4.0, LEFT + 790 / 2.0, LEFT + 790 * 3 / 4.0, RIGHT};
        double[] ys = {BOTTOM, BOTTOM - 55, TOP, BOTTOM - 110, BOTTOM - 165};
        for (int k = 0; k < 5; k++) {
            assertThat(pts.get(k)[0]).as("x of sample %d", k).isCloseTo(xs[k], within(0.06));
            assertThat(pts.get(k)[1]).as("y of sample %d", k).isCloseTo(ys[k], within(0.06));
        }
    }

    @Test
    void theYAxisEndsAtTheMaximumRoundedUpToItsStepAndCarriesTheUnit() {
        // max 730: step = nice(730 / 5 = 146) = 200, so the axis runs 0, 200, ..., 800
        String svg = new SvgChart("rss", "simulated time (s)", "RSS (MiB)", new double[] {0, 2}, false)
                .add("p", new double[] {100, 730}).render();
        assertThat(texts(svg, "yt")).containsExactly("0", "200", "400", "600", "800");
        assertThat(svg).contains("rotate(-90)\" class=\"xl\">RSS (MiB)</text>")
                .contains("class=\"xl\">simulated time (s)</text>");
        List<double[]> pts = points(svg, "polyline").get(0);
        assertThat(pts.get(1)[1]).isCloseTo(BOTTOM - 730 / 800.0 * 220, within(0.06));
    }

    @Test
    void theXAxisEndsAtTheLastSampleTime() {
        // last time 8 s: step = nice(8 / 8) = 1, ticks 0..8
        String svg = new SvgChart("t", "simulated time (s)", "pages", new double[] {0, 3, 8}, false)
                .add("a", new double[] {1, 2, 3}).render();
        List<String> ticks = texts(svg, "xt");
        assertThat(ticks).hasSize(9);
        assertThat(ticks.get(0)).isEqualTo("0");
        assertThat(ticks.get(8)).isEqualTo("8");
        assertThat(points(svg, "polyline").get(0).get(2)[0]).isCloseTo(RIGHT, within(0.06));
    }

    @Test
    void stackedAreasPutEachSeriesOnTopOfTheOnesBefore() {
        // tops: a = {1, 2}, a + b = {4, 4}; axis 0..4 (step 1)
        String svg = new SvgChart("by order", "s", "pages", new double[] {0, 1}, true)
                .add("a", new double[] {1, 2}).add("b", new double[] {3, 2}).render();
        List<List<double[]>> polys = points(svg, "polygon");
        assertThat(polys).hasSize(2);
        List<double[]> b = polys.get(0);
        List<double[]> a = polys.get(1);
        assertThat(b.get(0)[1]).isCloseTo(TOP, within(0.06));
        assertThat(b.get(1)[1]).isCloseTo(TOP, within(0.06));
        assertThat(b.get(2)[1]).as("b's lower edge at t=1 is a's top, 2").isCloseTo(BOTTOM - 110, within(0.06));
        assertThat(b.get(3)[1]).as("b's lower edge at t=0 is a's top, 1").isCloseTo(BOTTOM - 55, within(0.06));
        assertThat(a.get(0)[1]).isCloseTo(BOTTOM - 55, within(0.06));
        assertThat(a.get(2)[1]).isCloseTo(BOTTOM, within(0.06));
    }

    @Test
    void aFixedRangeKeepsItsEndsAndNegativeValuesPlotBelowZero() {
        // extfrag_index chart: -1..1, step nice(0.4) = 0.5
        String svg = new SvgChart("extfrag", "s", "index", new double[] {0, 1}, false).yRange(-1, 1)
                .add("z", new double[] {-1, 0.5}).render();
        assertThat(texts(svg, "yt")).containsExactly("-1", "-0.50", "0", "0.50", "1");
        List<double[]> pts = points(svg, "polyline").get(0);
        assertThat(pts.get(0)[1]).isCloseTo(BOTTOM, within(0.06));
        assertThat(pts.get(1)[1]).isCloseTo(BOTTOM - 1.5 / 2 * 220, within(0.06));
    }

    @Test
    void legendNamesEverySeriesInOrderAndEscapesThem() {
        String svg = new SvgChart("rss", "s", "MiB", new double[] {0, 1}, false).add("cat (10)", new double[] {1, 2})
                .add("a<b>&c", new double[] {2, 1}).render();
        assertThat(texts(svg, "lg")).containsExactly("cat (10)", "a&lt;b&gt;&amp;c");
        assertThat(points(svg, "polyline")).hasSize(2);
    }

    @Test
    void everyLegendEntryFitsInsideTheChart() {
        // 16 series: legend lines at y = 38 + 17 i, the last text's baseline at 38 + 17 * 15 + 9 = 302 > 300
        SvgChart chart = new SvgChart("rss", "s", "MiB", new double[] {0, 1}, false);
        for (int i = 0; i < 16; i++) {
            chart.add("p" + i, new double[] {i, i});
        }
        String svg = chart.render();
        Matcher size = Pattern.compile("<svg class=\"chart\" viewBox=\"0 0 1100 (\\d+)\" width=\"1100\""
                + " height=\"(\\d+)\"").matcher(svg);
        assertThat(size.find()).isTrue();
        int height = Integer.parseInt(size.group(2));
        assertThat(size.group(1)).isEqualTo(size.group(2));
        Matcher last = Pattern.compile("y=\"(\\d+)\" class=\"lg\">p15</text>").matcher(svg);
        assertThat(last.find()).isTrue();
        assertThat(Integer.parseInt(last.group(1))).isEqualTo(302).isLessThan(height);
        assertThat(texts(svg, "yt")).last().isEqualTo("15");
        assertThat(points(svg, "polyline").get(0).get(0)[1]).as("p15 at the plot's top, which stays at 34")
                .isCloseTo(TOP, within(0.06));
    }

    @Test
    void aChartWithFewSeriesKeepsItsStandardHeight() {
        String svg = new SvgChart("few", "s", "MiB", new double[] {0, 1}, false).add("a", new double[] {1, 2})
                .render();
        assertThat(svg).startsWith("<svg class=\"chart\" viewBox=\"0 0 1100 300\" width=\"1100\" height=\"300\"");
    }

    @Test
    void noSnapshotDoesNotCrashAndSaysSo() {
        String svg = new SvgChart("empty", "s", "pages", new double[0], false).add("a", new double[0]).render();
        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("no snapshots to plot");
        assertThat(points(svg, "polyline").get(0)).isEmpty();
    }

    @Test
    void oneSnapshotIsADotWithSaneAxesAndSaysSo() {
        String svg = new SvgChart("single", "s", "pages", new double[] {0}, false).add("a", new double[] {600})
                .render();
        assertThat(svg).contains("one snapshot only, at 0 s")
                .containsPattern("<circle cx=\"80\\.0\" cy=\"34\\.0\" r=\"3\"");
        // the x axis falls back to 0..1 s (step 0.2), not to a nanosecond range labelled 0.00 six times
        assertThat(texts(svg, "xt")).containsExactly("0", "0.20", "0.40", "0.60", "0.80", "1");
        assertThat(texts(svg, "yt")).last().isEqualTo("600");
    }

    @Test
    void aSeriesOfZerosStillHasAnAxis() {
        String svg = new SvgChart("zeros", "s", "events", new double[] {0, 1}, false).add("a", new double[] {0, 0})
                .render();
        // an empty range becomes 0..1, step nice(1 / 5) = 0.2
        assertThat(texts(svg, "yt")).containsExactly("0", "0.20", "0.40", "0.60", "0.80", "1");
        assertThat(points(svg, "polyline").get(0).get(1)[1]).isCloseTo(BOTTOM, within(0.06));
    }

    @Test
    void aLogAxisRunsBetweenPowersOfTenWithTicksAtOneTwoAndFive() {
        // values 30..4000: axis 10..10000 (three decades, 220 / 3 px each), ticks 1, 2, 5 per decade then 10000
        String svg = new SvgChart("wm", "s", "pages", new double[] {0, 1}, false).logY()
                .add("a", new double[] {30, 4000}).render();
        assertThat(texts(svg, "yt")).containsExactly("10", "20", "50", "100", "200", "500", "1000", "2000", "5000",
                "10k");
        List<double[]> a = points(svg, "polyline").get(0);
        assertThat(a.get(0)[1]).as("30").isCloseTo(BOTTOM - Math.log10(3) * 220 / 3, within(0.06));
        assertThat(a.get(1)[1]).as("4000").isCloseTo(BOTTOM - Math.log10(400) * 220 / 3, within(0.06));
    }

    @Test
    void zeroOnALogAxisIsDrawnAtOneOnTheBottomEdge() {
        // 0 has no logarithm: drawn at 1, so the axis runs 1..100
        String svg = new SvgChart("wm", "s", "pages", new double[] {0, 1}, false).logY()
                .add("a", new double[] {0, 100}).render();
        assertThat(texts(svg, "yt")).containsExactly("1", "2", "5", "10", "20", "50", "100");
        List<double[]> a = points(svg, "polyline").get(0);
        assertThat(a.get(0)[1]).isCloseTo(BOTTOM, within(0.06));
        assertThat(a.get(1)[1]).isCloseTo(TOP, within(0.06));
    }

    @Test
    void aLogAxisOverManyDecadesTicksOnlyThePowers() {
        String svg = new SvgChart("wm", "s", "pages", new double[] {0, 1}, false).logY()
                .add("a", new double[] {5, 2_000_000}).render();
        assertThat(texts(svg, "yt")).containsExactly("1", "10", "100", "1000", "10k", "100k", "1.0M", "10.0M");
    }

    /** The points of every element of this kind, in document order. */
    static List<List<double[]>> points(String svg, String element) {
        List<List<double[]>> out = new ArrayList<>();
        Matcher m = Pattern.compile("<" + element + " points=\"([^\"]*)\"").matcher(svg);
        while (m.find()) {
            List<double[]> pts = new ArrayList<>();
            for (String p : m.group(1).trim().split(" ")) {
                if (!p.isEmpty()) {
                    String[] xy = p.split(",");
                    pts.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
                }
            }
            out.add(pts);
        }
        return out;
    }

    /** The texts of a class, in document order. */
    static List<String> texts(String svg, String cssClass) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("class=\"" + cssClass + "\">([^<]*)</text>").matcher(svg);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
