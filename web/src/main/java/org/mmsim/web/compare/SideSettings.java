package org.mmsim.web.compare;

import java.util.ArrayList;
import java.util.List;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.study.RunSettings;
import org.mmsim.web.ApiError;

/**
 * The {@code --set} words of one side of a comparison, split from the page's text, checked so that none reads a
 * file from the server's disk (a {@code machine=} must be a preset, a workload or record field takes no path),
 * then given to study's {@link RunSettings}, whose errors name the side and the word.
 */
final class SideSettings {
    private SideSettings() {
    }

    /** The words of {@code text} (split on white space) as settings whose errors name {@code side}. */
    static RunSettings parse(String side, String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                words.add(w);
                check(side, w);
            }
        }
        return new RunSettings(words, "run " + side, 0);
    }

    private static void check(String side, String word) {
        int eq = word.indexOf('=');
        String name = eq < 0 ? word : word.substring(0, eq);
        String value = eq < 0 ? "" : word.substring(eq + 1);
        if (name.equals("machine") && !MachineFile.presets().contains(value)) {
            throw ApiError.badRequest("run " + side + ": " + word + ": machine must be a preset ("
                    + String.join(", ", MachineFile.presets()) + ")");
        }
        if ((name.startsWith("workload.") || name.startsWith("record.") || name.equals("name")
                || name.equals("description")) && (value.contains("/") || value.contains("\\"))) {
            throw ApiError.badRequest("run " + side + ": " + word + ": a value here names no file");
        }
    }
}
