package org.mmsim.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmsim.arch.InputError;
import org.mmsim.arch.InputFiles;
import org.mmsim.workload.SimulationView;
import org.mmsim.workload.scenario.Scenario;

/**
 * What a finished run was made from, kept in its output folder as {@code run-inputs.txt} so that the model can be
 * brought back to any of its moments: the scenario (a file's absolute path, or a built-in's name), the seed, the
 * --meminfo file, the --set settings, and a fingerprint of the end (free pages and page faults) that a replay must meet. The model
 * is deterministic, so running the same inputs again gives the same state at every moment.
 *
 * @param scenario     the scenario file's absolute path, or the built-in's name
 * @param seed         the seed the run used
 * @param meminfo      the --meminfo file's absolute path, or null
 * @param settings     the --set NAME=VALUE settings, in order
 * @param endFreePages nr_free_pages at the end of the run
 * @param endPgfault   pgfault at the end of the run
 */
public record RunInputs(String scenario, long seed, String meminfo, List<String> settings, long endFreePages,
        long endPgfault) {
    /** The file's name in a run's output folder. */
    public static final String FILE = "run-inputs.txt";

    /** The inputs of {@code request}'s run, which ran {@code scenario} (its seed in force) and ended at {@code end}. */
    public static RunInputs of(RunRequest request, Scenario scenario, SimulationView end) {
        return new RunInputs(scenarioRef(request.scenario()), scenario.seed(),
                request.meminfo() == null ? null : request.meminfo().toAbsolutePath().normalize().toString(),
                request.settings().settings(), end.counters().getOrDefault("nr_free_pages", -1L),
                end.counters().getOrDefault("pgfault", -1L));
    }

    /** The inputs of a run of this scenario name (a file or a built-in). */
    public static String scenarioRef(String scenarioName) {
        Path p = Path.of(scenarioName);
        return Files.isRegularFile(p) ? p.toAbsolutePath().normalize().toString() : scenarioName;
    }

    /** Writes the inputs into the run folder {@code dir}. */
    public void write(Path dir) {
        StringBuilder b = new StringBuilder();
        b.append("scenario=").append(scenario).append('\n');
        b.append("seed=").append(seed).append('\n');
        b.append("meminfo=").append(meminfo == null ? "" : meminfo).append('\n');
        for (String setting : settings) {
            b.append("set=").append(setting).append('\n');
        }
        b.append("end_nr_free_pages=").append(endFreePages).append('\n');
        b.append("end_pgfault=").append(endPgfault).append('\n');
        try {
            Files.writeString(dir.resolve(FILE), b.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a run's inputs; a folder that is no run, or a damaged file, is one line naming it. */
    public static RunInputs read(Path runDir) {
        Path f = runDir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            throw InputError.at(runDir.toString(), 0, "not the output folder of a run (no " + FILE + ")");
        }
        Map<String, String> v = new LinkedHashMap<>();
        List<String> settings = new ArrayList<>();
        String[] lines = InputFiles.readText(f).split("\n");
        for (int i = 0; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq < 0) {
                throw InputError.at(f.toString(), i + 1, "expected key=value, not '" + lines[i] + "'");
            }
            if (lines[i].startsWith("set=")) {
                settings.add(lines[i].substring(eq + 1));
            } else {
                v.put(lines[i].substring(0, eq), lines[i].substring(eq + 1));
            }
        }
        try {
            String meminfo = v.getOrDefault("meminfo", "");
            return new RunInputs(required(v, "scenario", f), Long.parseLong(required(v, "seed", f)),
                    meminfo.isEmpty() ? null : meminfo, settings, Long.parseLong(required(v, "end_nr_free_pages", f)),
                    Long.parseLong(required(v, "end_pgfault", f)));
        } catch (NumberFormatException e) {
            throw InputError.at(f.toString(), 0, "a number is damaged: " + e.getMessage());
        }
    }

    private static String required(Map<String, String> v, String key, Path f) {
        String s = v.get(key);
        if (s == null || s.isEmpty()) {
            throw InputError.at(f.toString(), 0, "no " + key + "=");
        }
        return s;
    }
}
