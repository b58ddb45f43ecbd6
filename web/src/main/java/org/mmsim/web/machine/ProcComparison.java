package org.mmsim.web.machine;

import java.util.ArrayList;
import java.util.List;

/**
 * A real machine's /proc file beside the model's rendering of the same file right after boot, line by line, with
 * the lines that differ marked (compared by position: both files have the kernel's layout, so line N of one is the
 * same field as line N of the other until a zone or a counter is missing).
 *
 * @param name    the file (zoneinfo, buddyinfo, meminfo, ...)
 * @param real    the uploaded file's lines
 * @param model   the model's lines
 * @param differs the indices (0-based) of the lines that differ, over the longer of the two
 */
public record ProcComparison(String name, List<String> real, List<String> model, List<Integer> differs) {

    /** Compares the uploaded text with the model's. */
    public static ProcComparison of(String name, String realText, String modelText) {
        List<String> real = realText.lines().toList();
        List<String> model = modelText.lines().toList();
        List<Integer> differs = new ArrayList<>();
        for (int i = 0; i < Math.max(real.size(), model.size()); i++) {
            String a = i < real.size() ? real.get(i) : null;
            String b = i < model.size() ? model.get(i) : null;
            if (a == null || !a.equals(b)) {
                differs.add(i);
            }
        }
        return new ProcComparison(name, real, model, differs);
    }
}
