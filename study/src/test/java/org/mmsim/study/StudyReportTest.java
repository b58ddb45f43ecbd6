package org.mmsim.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The study report: a chart of each figure that differs against each axis but the seed, its lowest and highest
 * point, the figures equal everywhere apart, and a log scale only when a figure spans more than two decades.
 */
class StudyReportTest {
    private static StudyPoint point(String minFree, String thp, String seed) {
        Map<String, String> axes = new LinkedHashMap<>();
        axes.put("vm.min_free_kbytes", minFree);
        axes.put("transparent_hugepage", thp);
        axes.put("seed", seed);
        return new StudyPoint("vm.min_free_kbytes=" + minFree + ",transparent_hugepage=" + thp + ",seed=" + seed,
                axes, "default", List.of(), Long.parseLong(seed));
    }

    @Test
    void eachDifferingFigureIsChartedAgainstEachAxisButTheSeed() {
        List<StudyPoint> points = List.of(point("1024", "always", "1"), point("1024", "always", "2"),
                point("65536", "madvise", "1"), point("65536", "madvise", "2"));
        Study study = new Study("t", Path.of("/x/t.yaml"), List.of("vm.min_free_kbytes", "transparent_hugepage", "seed"),
                points);
        Map<String, Boolean> numeric = new LinkedHashMap<>();
        numeric.put("point_key", false);
        numeric.put("thp_fault_fallback", true);
        numeric.put("oom_kills", true);
        numeric.put("machine", false);
        long[] fallback = {150, 400, 0, 2};
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("point_key", points.get(i).key());
            row.put("thp_fault_fallback", fallback[i]);
            row.put("oom_kills", 0L);
            row.put("machine", "x86_64-4G");
            rows.add(row);
        }
        String html = StudyReport.html(study, new StudyReport.Runs(numeric, rows));
        assertThat(count(html, "<figcaption>against vm.min_free_kbytes</figcaption>")).isEqualTo(1);
        assertThat(count(html, "<figcaption>against transparent_hugepage</figcaption>")).isEqualTo(1);
        assertThat(html).doesNotContain("against seed");
        assertThat(html).contains("lowest 0 at vm.min_free_kbytes=65536,transparent_hugepage=madvise,seed=1; highest"
                + " 400 at vm.min_free_kbytes=1024,transparent_hugepage=always,seed=2");
        assertThat(html).contains("<title>1024: mean 275, lowest 150, highest 400 (2 points)</title>",
                "<title>madvise: mean 1, lowest 0, highest 2 (2 points)</title>");
        assertThat(html).contains("<tr><td>oom_kills</td><td>0</td></tr>", "<tr><td>machine</td><td>x86_64-4G</td>");
        assertThat(html).contains("<a href=\"points/1-1024-always-1/report.html\">1</a>");
        assertThat(html).contains("log scale; 0 is drawn on the bottom line");
    }

    @Test
    void theScaleIsLogarithmicOnlyBeyondTwoDecades() {
        assertThat(new WhiskerChart(List.of("a", "b"), List.of(new double[] {1}, new double[] {1000}))
                .logarithmic()).isTrue();
        assertThat(new WhiskerChart(List.of("a", "b"), List.of(new double[] {1}, new double[] {99}))
                .logarithmic()).isFalse();
        assertThat(new WhiskerChart(List.of("a", "b"), List.of(new double[] {-5}, new double[] {1000}))
                .logarithmic()).isFalse();
        assertThat(new WhiskerChart(List.of("a"), List.of(new double[] {34669, 35183})).svg("f"))
                .contains("the scale starts at 34600, not 0");
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
