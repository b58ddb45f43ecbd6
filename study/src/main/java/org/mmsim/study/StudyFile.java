package org.mmsim.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mmsim.arch.InputError;
import org.mmsim.arch.InputFiles;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.boot.spec.YamlNode;
import org.mmsim.workload.scenario.Scenario;
import org.mmsim.workload.scenario.ScenarioFile;

/**
 * Reads a study file (YAML) into a {@link Study}, checking everything before anything runs: the keys, the base
 * scenario, each axis and value, and every point's settings against that point's scenario and machine, as the run
 * will apply them ({@link RunSettings}). Every mistake is one {@link InputError} {@code FILE:LINE: problem}, at
 * the line of the value at fault.
 *
 * <pre>
 * name: minfree-thp                 # optional: the file's name without .yaml
 * base: default                     # a built-in scenario or a scenario file (relative to the study file)
 * set: [vm.swappiness=60]           # optional: settings over every point
 * axes:                             # in this order in point keys and the runs table
 *   vm.min_free_kbytes: [16384, 65536, 262144]   # any setting --set takes
 *   transparent_hugepage: [always, madvise]
 *   seed: [1, 2, 3]                 # repetitions; scenario: [...] runs other scenarios (then no base)
 * points: grid                      # or a list of maps axis: value, each value one of that axis's
 * </pre>
 */
public final class StudyFile {
    /** The most points a study may have: enough for any local or cluster study, refused before enumerating. */
    public static final int MAX_POINTS = 100_000;
    private static final Set<String> TOP = Set.of("name", "base", "set", "axes", "points");
    private static final String GRID = "grid";
    /** A study's name: it names the folder NAME.study, so it is a safe, short folder name. */
    private static final String NAME = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}";

    private final String where;
    private final Path dir;
    private final Map<String, String> scenarioRefs = new HashMap<>();
    private final Map<String, MachineSpec> machines = new HashMap<>();
    private final Set<String> checked = new HashSet<>();

    private StudyFile(Path file) {
        this.where = file.toString();
        this.dir = file.toAbsolutePath().normalize().getParent();
    }

    /** Reads and checks the study in {@code file}. */
    public static Study load(Path file) {
        return new StudyFile(file).read(file);
    }

    private Study read(Path file) {
        YamlNode root = YamlNode.parse(where, InputFiles.readText(file));
        root.requireOnlyKeys("study", TOP);
        String name = name(root.get("name"), file);
        List<StudyAxis.Value> set = set(root.get("set"));
        List<StudyAxis> axes = axes(root);
        String base = base(root, axes);
        checkSettingsOnce(set, axes);
        List<StudyPoint> points = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (Combination c : combinations(root.get("points"), axes)) {
            StudyPoint p = point(axes, c.values(), base, set);
            if (!keys.add(p.key())) {
                throw InputError.at(where, c.line(), "this point repeats an earlier one (" + p.key() + ")");
            }
            points.add(p);
        }
        return new Study(name, file, axes.stream().map(StudyAxis::name).toList(), points);
    }

    /** A point's value for each axis, in axis order, and the line that chose it (the axes' for a grid). */
    private record Combination(List<StudyAxis.Value> values, int line) {
    }

    private String name(YamlNode n, Path file) {
        if (n == null) {
            String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            return base.matches(NAME) ? base : "study";
        }
        String name = n.asText("name");
        if (!name.matches(NAME)) {
            throw n.error("name '" + name + "' must be 1 to 64 letters, digits, '_', '.' or '-' (it names the"
                    + " output folder NAME.study), not starting with '.' or '-'");
        }
        return name;
    }

    private List<StudyAxis.Value> set(YamlNode n) {
        List<StudyAxis.Value> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        for (YamlNode w : n.asList("set (a list of NAME=VALUE)")) {
            out.add(new StudyAxis.Value(scalar(w, "a set entry").strip(), w.line()));
        }
        return out;
    }

    private List<StudyAxis> axes(YamlNode root) {
        YamlNode n = root.get("axes");
        if (n == null || n.kind() == YamlNode.Kind.NULL) {
            throw InputError.at(where, n == null ? root.line() : n.line(), "missing 'axes' (each a setting, seed"
                    + " or scenario, with its list of values)");
        }
        Map<String, YamlNode> map = n.asMap("axes");
        if (map.isEmpty()) {
            throw n.error("axes is empty: a study needs at least one axis");
        }
        List<StudyAxis> out = new ArrayList<>();
        Map<String, String> settingOf = new HashMap<>();
        for (Map.Entry<String, YamlNode> e : map.entrySet()) {
            String axis = e.getKey();
            int line = n.keyLine(axis);
            if (axis.isBlank() || axis.chars().anyMatch(c -> c == ',' || c == '=' || Character.isISOControl(c))) {
                throw InputError.at(where, line, "axis name '" + axis + "' must not be empty nor hold ',', '=' or"
                        + " control characters");
            }
            String earlier = settingOf.put(setting(axis), axis);
            if (earlier != null) {
                throw InputError.at(where, line, "axis '" + axis + "' is axis '" + earlier + "' again");
            }
            YamlNode list = e.getValue();
            if (list.kind() != YamlNode.Kind.LIST) {
                throw InputError.at(where, list.kind() == YamlNode.Kind.NULL ? line : list.line(), "axis '" + axis
                        + "' must be a list of values, e.g. " + axis + ": [a, b]");
            }
            List<StudyAxis.Value> values = new ArrayList<>();
            for (YamlNode v : list.asList(axis)) {
                StudyAxis.Value value = value(axis, v);
                if (values.stream().anyMatch(x -> x.text().equals(value.text()))) {
                    throw v.error("axis '" + axis + "' has the value '" + value.text() + "' twice");
                }
                values.add(value);
            }
            if (values.isEmpty()) {
                throw InputError.at(where, line, "axis '" + axis + "' has no values");
            }
            out.add(new StudyAxis(axis, line, values));
        }
        return out;
    }

    /** The setting an axis or set word names, whatever its spelling (sysctl.vm.x, sysctl/vm/x and vm.x alike). */
    private static String setting(String name) {
        return name.startsWith("sysctl.") || name.startsWith("sysctl/")
                ? name.substring("sysctl.".length()).replace('/', '.') : name;
    }

    /** A value of {@code axis} in its canonical text: a seed as a number, a scenario resolved and loaded. */
    private StudyAxis.Value value(String axis, YamlNode v) {
        String text = scalar(v, "a value of axis '" + axis + "'").strip();
        if (axis.equals(StudyAxis.SEED)) {
            return new StudyAxis.Value(Long.toString(seed(v, text)), v.line());
        }
        if (axis.equals(StudyAxis.SCENARIO)) {
            scenario(v, text, "scenario");
        }
        return new StudyAxis.Value(text, v.line());
    }

    private String scalar(YamlNode v, String what) {
        if (v.kind() == YamlNode.Kind.NULL) {
            throw v.error(what + " is empty");
        }
        String text = v.asText(what);
        if (text.isBlank()) {
            throw v.error(what + " is empty");
        }
        return text;
    }

    private static long seed(YamlNode v, String text) {
        if (!text.matches("[0-9]{1,19}")) {
            throw v.error("seed '" + text + "' must be a whole number 0.." + Long.MAX_VALUE);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw v.error("seed '" + text + "' must be a whole number 0.." + Long.MAX_VALUE);
        }
    }

    /**
     * A scenario name resolved (a file relative to the study's directory, else a built-in) and loaded, so that a
     * mistake in it is found now; what a point's run is given.
     */
    private String scenario(YamlNode n, String text, String what) {
        String ref = scenarioRefs.get(text);
        if (ref != null) {
            return ref;
        }
        Path p = text.chars().anyMatch(Character::isISOControl) ? null : dir.resolve(text).normalize();
        if (p != null && Files.isRegularFile(p)) {
            ref = p.toString();
        } else if (ScenarioFile.builtins().contains(text)) {
            ref = text;
        } else {
            throw n.error(what + " '" + text + "': no such scenario file (relative to the study's directory) or"
                    + " built-in scenario (built-in: " + String.join(", ", ScenarioFile.builtins()) + ")");
        }
        machines.computeIfAbsent(ScenarioFile.load(ref).machine(), MachineFile::load);
        scenarioRefs.put(text, ref);
        return ref;
    }

    private String base(YamlNode root, List<StudyAxis> axes) {
        YamlNode n = root.get("base");
        boolean scenarioAxis = axes.stream().anyMatch(a -> a.name().equals(StudyAxis.SCENARIO));
        if (n != null && scenarioAxis) {
            throw n.error("base and the scenario axis both name the scenario: keep one");
        }
        if (scenarioAxis) {
            return null;
        }
        if (n == null || n.kind() == YamlNode.Kind.NULL) {
            throw InputError.at(where, n == null ? root.line() : n.line(), "missing 'base' (the scenario every point"
                    + " runs: a built-in name or a scenario file), or a scenario axis");
        }
        return scenario(n, scalar(n, "base"), "base");
    }

    /** Refuses a set word that an axis also sets: which one would win is not for a reader to guess. */
    private void checkSettingsOnce(List<StudyAxis.Value> set, List<StudyAxis> axes) {
        for (StudyAxis.Value w : set) {
            String name = setting(w.text().substring(0, Math.max(0, w.text().indexOf('='))));
            for (StudyAxis a : axes) {
                if (a.isSetting() && setting(a.name()).equals(name)) {
                    throw InputError.at(where, w.line(), "set '" + w.text() + "' is also the axis '" + a.name()
                            + "': keep one");
                }
            }
        }
    }

    private List<Combination> combinations(YamlNode n, List<StudyAxis> axes) {
        if (n == null || n.kind() == YamlNode.Kind.SCALAR && n.asText("points").equals(GRID)) {
            return grid(axes, n == null ? axes.get(0).line() : n.line());
        }
        if (n.kind() != YamlNode.Kind.LIST) {
            throw n.error("points must be 'grid' or a list of points, each a map axis: value");
        }
        List<YamlNode> list = n.asList("points");
        if (list.isEmpty()) {
            throw n.error("points is an empty list: a study needs at least one point");
        }
        if (list.size() > MAX_POINTS) {
            throw n.error(list.size() + " points: a study has at most " + MAX_POINTS);
        }
        List<Combination> out = new ArrayList<>();
        for (YamlNode entry : list) {
            out.add(explicit(entry, axes));
        }
        return out;
    }

    private Combination explicit(YamlNode entry, List<StudyAxis> axes) {
        Map<String, YamlNode> given = entry.asMap("a point (a map axis: value)");
        for (String axis : given.keySet()) {
            if (axes.stream().noneMatch(a -> a.name().equals(axis))) {
                throw InputError.at(where, entry.keyLine(axis), "point gives axis '" + axis + "', which is not"
                        + " among the axes (" + String.join(", ", axes.stream().map(StudyAxis::name).toList()) + ")");
            }
        }
        List<StudyAxis.Value> values = new ArrayList<>();
        for (StudyAxis a : axes) {
            YamlNode v = given.get(a.name());
            if (v == null) {
                throw InputError.at(where, entry.line(), "point has no value for axis '" + a.name() + "'");
            }
            String text = scalar(v, "a value of axis '" + a.name() + "'").strip();
            StudyAxis.Value value = a.value(a.name().equals(StudyAxis.SEED) ? Long.toString(seed(v, text)) : text);
            if (value == null) {
                throw v.error("axis '" + a.name() + "' has no value '" + text + "' (its values: " + String.join(", ",
                        a.values().stream().map(StudyAxis.Value::text).toList()) + ")");
            }
            values.add(value);
        }
        return new Combination(values, entry.line());
    }

    private List<Combination> grid(List<StudyAxis> axes, int line) {
        long size = 1;
        for (StudyAxis a : axes) {
            size *= a.values().size();
            if (size > MAX_POINTS) {
                throw InputError.at(where, line, "the grid of the axes has more than " + MAX_POINTS + " points");
            }
        }
        List<Combination> out = new ArrayList<>();
        out.add(new Combination(List.of(), line));
        for (StudyAxis a : axes) {
            List<Combination> next = new ArrayList<>();
            for (Combination c : out) {
                for (StudyAxis.Value v : a.values()) {
                    List<StudyAxis.Value> values = new ArrayList<>(c.values());
                    values.add(v);
                    next.add(new Combination(values, line));
                }
            }
            out = next;
        }
        return out;
    }

    /** The point of one value per axis, its settings checked against its scenario and machine. */
    private StudyPoint point(List<StudyAxis> axes, List<StudyAxis.Value> values, String base,
            List<StudyAxis.Value> set) {
        Map<String, String> axisValues = new LinkedHashMap<>();
        List<StudyAxis.Value> words = new ArrayList<>(set);
        String scenario = base;
        Long seed = null;
        for (int i = 0; i < values.size(); i++) {
            String axis = axes.get(i).name();
            StudyAxis.Value v = values.get(i);
            axisValues.put(axis, v.text());
            if (axis.equals(StudyAxis.SEED)) {
                seed = Long.parseLong(v.text());
            } else if (axis.equals(StudyAxis.SCENARIO)) {
                scenario = scenarioRefs.get(v.text());
            } else {
                words.add(new StudyAxis.Value(axis + "=" + v.text(), v.line()));
            }
        }
        check(scenario, words);
        StringBuilder key = new StringBuilder();
        axisValues.forEach((axis, value) -> key.append(key.length() == 0 ? "" : ",").append(axis).append('=')
                .append(value));
        return new StudyPoint(key.toString(), axisValues, scenario,
                words.stream().map(StudyAxis.Value::text).toList(), seed);
    }

    /**
     * Checks the words as the point's run will apply them before it boots ({@link ScenarioRun#scenario}, then
     * {@link RunSettings} over the scenario's machine), first alone, then with each next word: a word refused is
     * named at its own line, even when it is wrong only on the machine or scenario an earlier word chose. A prefix
     * of words is checked once for all the points that share it (the seeds, and the grid's rows).
     */
    private void check(String scenario, List<StudyAxis.Value> words) {
        List<String> prefix = new ArrayList<>();
        for (StudyAxis.Value w : words) {
            prefix.add(w.text());
            if (checked.add(scenario + "\n" + String.join("\n", prefix))) {
                RunSettings settings = new RunSettings(prefix, where, w.line());
                Scenario loaded = ScenarioRun.scenario(new RunRequest(scenario, settings, null, null, false));
                MachineSpec machine = machines.computeIfAbsent(loaded.machine(), MachineFile::load);
                settings.scenario(loaded, settings.machine(machine, false));
            }
        }
    }
}
