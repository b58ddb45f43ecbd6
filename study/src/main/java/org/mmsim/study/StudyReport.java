package org.mmsim.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;
import org.mmsim.report.Html;

/**
 * The study report, one self-contained HTML page from the runs table: for each summary figure that differs
 * between points, its lowest and highest point and a chart against each axis but the seed ({@link WhiskerChart}:
 * the mean over the points with each value, with their spread across seeds and the other axes); the figures
 * equal at every point; and a table of all points linking to each point's own run report.
 */
public final class StudyReport {
    private StudyReport() {
    }

    /** Writes the report of {@code study} from {@code store} into {@code file} (aside, then moved into place). */
    public static void write(Study study, ResultsStore store, Path file) throws SQLException {
        String html = html(study, Runs.read(store, study), i -> Files.isDirectory(file.resolveSibling(
                StudyFolder.POINTS).resolve(StudyFolder.pointName(i, study))));
        Path aside = file.resolveSibling("." + file.getFileName() + ".aside");
        try {
            Files.writeString(aside, html, StandardCharsets.UTF_8);
            Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The runs table as the report reads it: each column numeric or not, each row by point in study order. */
    record Runs(Map<String, Boolean> numeric, List<Map<String, Object>> rows) {
        static Runs read(ResultsStore store, Study study) throws SQLException {
            Map<String, Boolean> numeric = new LinkedHashMap<>();
            Map<String, Map<String, Object>> byKey = new HashMap<>();
            try (Statement st = store.connection().createStatement();
                    ResultSet rs = st.executeQuery("SELECT * FROM runs")) {
                ResultSetMetaData md = rs.getMetaData();
                for (int c = 1; c <= md.getColumnCount(); c++) {
                    int t = md.getColumnType(c);
                    numeric.put(md.getColumnName(c), t == Types.BIGINT || t == Types.INTEGER || t == Types.DOUBLE
                            || t == Types.FLOAT || t == Types.REAL || t == Types.DECIMAL || t == Types.SMALLINT);
                }
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= md.getColumnCount(); c++) {
                        row.put(md.getColumnName(c), rs.getObject(c));
                    }
                    byKey.put((String) row.get(ResultsStore.POINT_KEY), row);
                }
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (StudyPoint p : study.points()) {
                rows.add(byKey.get(p.key()));
            }
            return new Runs(numeric, rows);
        }
    }

    static String html(Study study, Runs runs) {
        return html(study, runs, i -> true);
    }

    /** The report; {@code hasRun} says which points have a run directory to link to (a Spark job keeps none). */
    static String html(Study study, Runs runs, IntPredicate hasRun) {
        List<Map<String, Object>> rows = runs.rows();
        List<String> varying = new ArrayList<>();
        Map<String, Object> same = new LinkedHashMap<>();
        for (String column : runs.numeric().keySet()) {
            if (column.equals(ResultsStore.POINT_KEY) || study.axes().contains(column)) {
                continue;
            }
            Set<Object> distinct = new LinkedHashSet<>();
            rows.forEach(r -> distinct.add(r.get(column)));
            if (distinct.size() > 1) {
                varying.add(column);
            } else {
                same.put(column, distinct.iterator().next());
            }
        }
        List<String> chartAxes = study.axes().stream().filter(a -> !a.equals(StudyAxis.SEED)).toList();
        if (chartAxes.isEmpty()) {
            chartAxes = study.axes();
        }
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>mmsim study ")
                .append(Html.esc(study.name())).append("</title>\n<style>").append(STYLE).append("</style></head><body>\n")
                .append("<h1>Study ").append(Html.esc(study.name())).append("</h1>\n<p>")
                .append(Html.esc(study.file().getFileName().toString())).append(": ").append(rows.size())
                .append(" points; axes ");
        for (int i = 0; i < study.axes().size(); i++) {
            String a = study.axes().get(i);
            h.append(i == 0 ? "" : ", ").append("<b>").append(Html.esc(a)).append("</b> (")
                    .append(Html.esc(String.join(", ", values(study, a)))).append(')');
        }
        h.append(".</p>\n<p>Each chart shows a figure against one axis: for each value of the axis, the mean over the"
                + " points with that value (dot) and their lowest and highest (whisker), across the seeds and the"
                + " other axes. A figure whose positive values span more than two decades is drawn on a log scale."
                + " Lowest and highest are not better and worse: that depends on the figure.</p>\n");
        h.append("<h2>Figures that differ between points</h2>\n");
        if (varying.isEmpty()) {
            h.append("<p>None: every point gave the same figures.</p>\n");
        }
        h.append("<div class=\"figures\">\n");
        for (String f : varying) {
            figure(h, study, rows, f, chartAxes, runs.numeric().get(f));
        }
        h.append("</div>\n");
        h.append("<h2>Figures equal at every point</h2>\n<table><tr><th>figure</th><th>value</th></tr>\n");
        same.forEach((f, v) -> h.append("<tr><td>").append(Html.esc(f)).append("</td><td>").append(Html.esc(text(v)))
                .append("</td></tr>\n"));
        h.append("</table>\n");
        pointsTable(h, study, rows, varying, hasRun);
        return h.append("</body></html>\n").toString();
    }

    private static void figure(StringBuilder h, Study study, List<Map<String, Object>> rows, String f,
            List<String> chartAxes, boolean numeric) {
        h.append("<section><h3 id=\"").append(Html.esc(f)).append("\">").append(Html.esc(f)).append("</h3>\n");
        if (!numeric) {
            h.append("<p>Not a number: see the table of points.</p></section>\n");
            return;
        }
        int lowest = -1;
        int highest = -1;
        for (int i = 0; i < rows.size(); i++) {
            Double v = number(rows.get(i).get(f));
            if (v != null && (lowest < 0 || v < number(rows.get(lowest).get(f)))) {
                lowest = i;
            }
            if (v != null && (highest < 0 || v > number(rows.get(highest).get(f)))) {
                highest = i;
            }
        }
        if (lowest < 0) {
            h.append("<p>No values.</p></section>\n");
            return;
        }
        h.append("<p>lowest ").append(extreme(study, rows, f, lowest)).append("; highest ")
                .append(extreme(study, rows, f, highest)).append("</p>\n<div class=\"charts\">");
        for (String axis : chartAxes) {
            List<String> categories = values(study, axis);
            List<double[]> values = new ArrayList<>();
            for (String c : categories) {
                List<Double> vs = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    Double v = number(rows.get(i).get(f));
                    if (v != null && c.equals(study.points().get(i).axes().get(axis))) {
                        vs.add(v);
                    }
                }
                values.add(vs.stream().mapToDouble(Double::doubleValue).toArray());
            }
            List<String> shown = new ArrayList<>();
            List<double[]> shownValues = new ArrayList<>();
            for (int i = 0; i < categories.size(); i++) {
                if (values.get(i).length > 0) {
                    shown.add(categories.get(i));
                    shownValues.add(values.get(i));
                }
            }
            h.append("<figure>").append(new WhiskerChart(shown, shownValues).svg(f + " against " + axis))
                    .append("<figcaption>against ").append(Html.esc(axis)).append("</figcaption></figure>");
        }
        h.append("</div></section>\n");
    }

    /** The value of {@code f} at point {@code at}, that point, and how many others have the same value. */
    private static String extreme(Study study, List<Map<String, Object>> rows, String f, int at) {
        Object v = rows.get(at).get(f);
        long others = rows.stream().filter(r -> v.equals(r.get(f))).count() - 1;
        return Html.esc(text(v)) + " at " + Html.esc(study.points().get(at).key()) + (others == 0 ? ""
                : " (and " + others + " other point" + (others == 1 ? "" : "s") + ")");
    }

    private static void pointsTable(StringBuilder h, Study study, List<Map<String, Object>> rows,
            List<String> varying, IntPredicate hasRun) {
        h.append("<h2>All points</h2>\n<div class=\"wide\"><table><tr><th>#</th>");
        study.axes().forEach(a -> h.append("<th>").append(Html.esc(a)).append("</th>"));
        varying.forEach(f -> h.append("<th>").append(Html.esc(f)).append("</th>"));
        h.append("</tr>\n");
        for (int i = 0; i < rows.size(); i++) {
            StudyPoint p = study.points().get(i);
            String dir = StudyFolder.POINTS + "/" + StudyFolder.pointName(i, study) + "/report.html";
            h.append(hasRun.test(i) ? "<tr><td><a href=\"" + Html.esc(dir) + "\">" + (i + 1) + "</a></td>"
                    : "<tr><td>" + (i + 1) + "</td>");
            study.axes().forEach(a -> h.append("<td>").append(Html.esc(p.axes().get(a))).append("</td>"));
            for (String f : varying) {
                h.append("<td class=\"num\">").append(Html.esc(text(rows.get(i).get(f)))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table></div>\n");
    }

    /** The values of {@code axis} in the order the points first take them (the file's order for a grid). */
    private static List<String> values(Study study, String axis) {
        Set<String> out = new LinkedHashSet<>();
        study.points().forEach(p -> out.add(p.axes().get(axis)));
        return new ArrayList<>(out);
    }

    private static Double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : null;
    }

    private static String text(Object v) {
        return v instanceof Double d ? WhiskerChart.format(d) : Objects.toString(v, "");
    }

    /** Text made safe inside HTML and SVG. */
    private static final String STYLE = "body{font-family:sans-serif;margin:1.5em;color:#222}"
            + "h3{margin:.2em 0}p{margin:.3em 0}.figures{display:flex;flex-wrap:wrap;gap:18px 28px}"
            + "section{max-width:640px}.charts{display:flex;flex-wrap:wrap;gap:8px}"
            + "figure{margin:0;border:1px solid #ddd;padding:4px}figcaption{font-size:12px;text-align:center}"
            + "table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ccc;padding:2px 6px}"
            + "td.num{text-align:right}.wide{overflow-x:auto}"
            + ".grid{stroke:#eee}.axis{stroke:#444}.tick,.cat{font-size:10px;fill:#333}.note{font-size:9px;fill:#777}"
            + ".whisker{stroke:#1f6fb4;stroke-width:1.5}.mean{fill:#d9480f}";
}
