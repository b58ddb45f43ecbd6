package org.mmsim.cli;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a SQL result as text: an aligned table (a header, a rule, the rows; numbers to the right, NULL for
 * a null, a list as {@code [a, b]}) or CSV (fields quoted as RFC 4180 quotes them, a null empty).
 */
final class ResultTable {
    private static final String NULL = "NULL";
    private final List<String> header;
    private final boolean[] numeric;
    private final List<String[]> rows;

    private ResultTable(List<String> header, boolean[] numeric, List<String[]> rows) {
        this.header = header;
        this.numeric = numeric;
        this.rows = rows;
    }

    /** Reads the whole result. */
    static ResultTable of(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> header = new ArrayList<>();
        boolean[] numeric = new boolean[n];
        for (int i = 0; i < n; i++) {
            header.add(md.getColumnLabel(i + 1));
            numeric[i] = isNumber(md.getColumnType(i + 1));
        }
        List<String[]> rows = new ArrayList<>();
        while (rs.next()) {
            String[] row = new String[n];
            for (int i = 0; i < n; i++) {
                row[i] = text(rs.getObject(i + 1));
            }
            rows.add(row);
        }
        return new ResultTable(header, numeric, rows);
    }

    private static boolean isNumber(int type) {
        return switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.FLOAT, Types.REAL, Types.DOUBLE,
                    Types.NUMERIC, Types.DECIMAL -> true;
            default -> false;
        };
    }

    /** A value as text (null stays null), a list as [a, b] with NULL for a null item. */
    private static String text(Object v) throws SQLException {
        if (v instanceof Array a) {
            List<String> out = new ArrayList<>();
            for (Object item : (Object[]) a.getArray()) {
                String s = text(item);
                out.add(s == null ? NULL : s);
            }
            return "[" + String.join(", ", out) + "]";
        }
        return v == null ? null : v.toString();
    }

    /** The aligned table: columns two spaces apart, numbers right-aligned, no trailing blanks. */
    String text() {
        int n = header.size();
        int[] width = new int[n];
        for (int i = 0; i < n; i++) {
            width[i] = header.get(i).length();
            for (String[] row : rows) {
                width[i] = Math.max(width[i], shown(row[i]).length());
            }
        }
        StringBuilder b = new StringBuilder();
        line(b, header.toArray(new String[0]), width, false);
        String[] rule = new String[n];
        for (int i = 0; i < n; i++) {
            rule[i] = "-".repeat(width[i]);
        }
        line(b, rule, width, false);
        for (String[] row : rows) {
            line(b, row, width, true);
        }
        return b.toString();
    }

    private void line(StringBuilder b, String[] cells, int[] width, boolean alignNumbers) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String cell = shown(cells[i]);
            String pad = " ".repeat(width[i] - cell.length());
            l.append(i == 0 ? "" : "  ").append(alignNumbers && numeric[i] ? pad + cell : cell + pad);
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }

    private static String shown(String cell) {
        return cell == null ? NULL : cell;
    }

    /** CSV: a header line, then the rows; a null is an empty field. */
    String csv() {
        StringBuilder b = new StringBuilder();
        csvLine(b, header.toArray(new String[0]));
        for (String[] row : rows) {
            csvLine(b, row);
        }
        return b.toString();
    }

    private static void csvLine(StringBuilder b, String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i] == null ? "" : cells[i];
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                c = '"' + c.replace("\"", "\"\"") + '"';
            }
            b.append(i == 0 ? "" : ",").append(c);
        }
        b.append('\n');
    }
}
