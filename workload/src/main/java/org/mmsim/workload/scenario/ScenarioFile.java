package org.mmsim.workload.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mmsim.arch.InputError;
import org.mmsim.arch.InputFiles;
import org.mmsim.boot.spec.KernelSysctl;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.boot.spec.YamlNode;

/**
 * Reads a scenario file (YAML) into a {@link Scenario}, checking everything: unknown keys, units, ranges, kinds,
 * sysctls, /proc files and trace events, missing keys and the machine file. Every mistake is one
 * {@link InputError} "FILE:LINE: problem". Built-in scenarios live in the resources under scenarios/NAME.yaml.
 */
public final class ScenarioFile {
    private static final Set<String> TOP = Set.of("name", "description", "machine", "seed", "duration", "hz", "swap",
            "compaction", "writeback_delay", "transparent_hugepage", "sysctl", "record", "workload");
    /** The keys of the record section. */
    static final Set<String> RECORD = Set.of("interval", "proc", "trace");
    private static final List<Long> HZ = List.of(100L, 250L, 300L, 1000L);
    private static final int MAX_ORDER = 11;

    private ScenarioFile() {
    }

    /** Reads a scenario file, or a built-in scenario when no file of that name exists. */
    public static Scenario load(String pathOrBuiltin) {
        return load(pathOrBuiltin, List.of());
    }

    /** Reads a scenario file or built-in scenario with {@code edits} made to it before it is checked. */
    public static Scenario load(String pathOrBuiltin, List<ScenarioEdit> edits) {
        Path p = Path.of(pathOrBuiltin);
        if (Files.exists(p) && !Files.isDirectory(p)) {
            return parse(p.toString(), InputFiles.readText(p), edits);
        }
        return parse("scenario:" + pathOrBuiltin, builtinTextOrError(pathOrBuiltin), edits);
    }

    /**
     * The built-in scenario {@code name} with {@code edits}, never a file of that name (a front end that must not
     * read the disk, the explorer, loads built-ins this way).
     */
    public static Scenario loadBuiltin(String name, List<ScenarioEdit> edits) {
        String text = builtinText(name);
        if (text == null) {
            throw InputError.at(name, 0, "no built-in scenario of that name (built-in: " + String.join(", ", builtins())
                    + ")");
        }
        return parse("scenario:" + name, text, edits);
    }

    private static String builtinTextOrError(String name) {
        String text = builtinText(name);
        if (text == null) {
            throw InputError.at(name, 0, Files.isDirectory(Path.of(name)) ? "is a directory, not a scenario file"
                    : "no such scenario file or built-in scenario (built-in: " + String.join(", ", builtins()) + ")");
        }
        return text;
    }

    /** The one-line {@code description:} of the built-in scenario {@code name}. */
    public static String description(String name) {
        YamlNode d = YamlNode.parse("scenario:" + name, builtinTextOrError(name)).get("description");
        return d == null ? "" : description(d);
    }

    /**
     * Where a parsed scenario sets the key at {@code keys} (see {@link YamlNode#locate}): "FILE:LINE", or the file
     * alone when it does not set it.
     */
    public static String locate(Scenario scenario, String... keys) {
        String file = scenario.sourceFile();
        String text = file.startsWith("scenario:") ? builtinText(file.substring("scenario:".length()))
                : InputFiles.readText(Path.of(file));
        return YamlNode.locate(file, text, keys);
    }

    /** The names of the built-in scenarios. */
    public static List<String> builtins() {
        List<String> out = new ArrayList<>();
        for (String n : List.of("default", "compaction-test", "fragment-illuminator", "oracle-tmpfs", "oracle-frag",
                "processes", "slab-churn")) {
            if (builtinText(n) != null) {
                out.add(n);
            }
        }
        return out;
    }

    /** The YAML text of the built-in scenario {@code name}, or null when there is none of that name. */
    public static String builtinText(String name) {
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            return null;
        }
        try (InputStream in = ScenarioFile.class.getResourceAsStream("/scenarios/" + name + ".yaml")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** Parses scenario text; {@code file} names it in errors and anchors a relative machine path. */
    public static Scenario parse(String file, String text) {
        return parse(file, text, List.of());
    }

    /**
     * Parses scenario text with {@code edits} made to its tree first. A value an edit brings that a check refuses
     * is an error naming the edit; so is a check between fields that fails only because of the edits (a workload
     * moment after an edited duration): then the error names the edits, then the file's line.
     */
    public static Scenario parse(String file, String text, List<ScenarioEdit> edits) {
        YamlNode root = YamlNode.parse(file, text);
        root.requireOnlyKeys("scenario", TOP);
        if (edits.isEmpty()) {
            return check(file, root);
        }
        YamlNode edited = root;
        for (ScenarioEdit edit : edits) {
            edited = edit.apply(edited);
        }
        try {
            return check(file, edited);
        } catch (InputError e) {
            List<String> origins = new ArrayList<>();
            for (ScenarioEdit edit : edits) {
                if (e.getMessage().startsWith(edit.origin() + ":")) {
                    throw e;
                }
                origins.add(edit.origin());
            }
            check(file, root);
            throw new InputError(String.join(", ", origins) + ": " + e.getMessage());
        }
    }

    /** The default name of a workload entry without a {@code name:}: its kind and rank among that kind (anon2). */
    static String defaultEntryName(String kind, int rank) {
        return kind + rank;
    }

    /** A scenario's tree, checked. */
    private static Scenario check(String file, YamlNode root) {
        if (root.get("description") != null) {
            description(root.get("description"));
        }
        String name = root.get("name") == null ? defaultName(file) : ScenarioValues.name(root.get("name"), "name");
        String machine = machine(file, required(root, "machine"));
        long seed = root.get("seed") == null ? 42 : ScenarioValues.whole(root.get("seed"), "seed", 0, Long.MAX_VALUE);
        YamlNode durationNode = required(root, "duration");
        long duration = ScenarioValues.time(durationNode, "duration");
        if (duration == 0) {
            throw durationNode.error("duration must be longer than 0");
        }
        int hz = 250;
        if (root.get("hz") != null) {
            hz = (int) ScenarioValues.whole(root.get("hz"), "hz", 1, 1000);
            if (!HZ.contains((long) hz)) {
                throw root.get("hz").error("hz " + hz + " is not a kernel HZ (100, 250, 300 or 1000)");
            }
        }
        long swap = root.get("swap") == null ? 0 : ScenarioValues.size(root.get("swap"), "swap");
        boolean compaction = root.get("compaction") == null || ScenarioValues.bool(root.get("compaction"), "compaction");
        Map<String, String> sysctl = sysctl(root.get("sysctl"));
        Scenario.Record record = record(root.get("record"), duration);
        List<Scenario.Generator> generators = workload(required(root, "workload"), duration);
        long writebackDelay = root.get("writeback_delay") == null ? Scenario.DEFAULT_WRITEBACK_DELAY_NS
                : ScenarioValues.time(root.get("writeback_delay"), "writeback_delay");
        String thp = "always";
        YamlNode thpNode = root.get("transparent_hugepage");
        if (thpNode != null) {
            thp = ScenarioValues.text(thpNode, "transparent_hugepage");
            if (!Scenario.THP_ENABLED.contains(thp)) {
                throw thpNode.error("transparent_hugepage must be always, madvise or never, not '" + thp + "'");
            }
        }
        return new Scenario(name, file, machine, seed, duration, hz, sysctl, swap, compaction, writebackDelay, thp,
                generators, record);
    }

    /** A description: one line of 1 to 200 printable characters. */
    private static String description(YamlNode n) {
        String s = ScenarioValues.text(n, "description");
        if (s.isEmpty() || s.length() > 200 || s.chars().anyMatch(Character::isISOControl)) {
            throw n.error("description must be one line of 1 to 200 printable characters");
        }
        return s;
    }

    private static String defaultName(String file) {
        String base = Path.of(file.replaceFirst("^scenario:", "")).getFileName().toString();
        return base.endsWith(".yaml") ? base.substring(0, base.length() - 5) : base;
    }

    private static YamlNode required(YamlNode map, String key) {
        YamlNode n = map.get(key);
        if (n == null || n.kind() == YamlNode.Kind.NULL) {
            throw InputErrors.at(map, n == null ? map.line() : n.line(), "missing '" + key + "'");
        }
        return n;
    }

    /** A preset name, or a machine file path resolved against the scenario file's directory. */
    private static String machine(String file, YamlNode n) {
        String m = ScenarioValues.text(n, "machine");
        if (m.isEmpty() || m.chars().anyMatch(Character::isISOControl)) {
            throw n.error("machine must be a file name or preset, without control characters");
        }
        boolean inFile = !file.startsWith("scenario:") && n.file().equals(file);
        if (inFile) {
            Path dir = Path.of(file).toAbsolutePath().getParent();
            Path p = dir.resolve(m).normalize();
            if (Files.isRegularFile(p)) {
                return p.toString();
            }
        } else if (Files.isRegularFile(Path.of(m))) {
            return Path.of(m).toAbsolutePath().toString();
        }
        if (MachineFile.presets().contains(m)) {
            return m;
        }
        throw n.error("machine '" + m + "': no such machine file" + (!inFile ? "" : " (relative"
                + " to the scenario's directory)") + " or preset" + (MachineFile.presets().isEmpty() ? ""
                : " (presets: " + String.join(", ", MachineFile.presets()) + ")"));
    }

    private static Map<String, String> sysctl(YamlNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        for (Map.Entry<String, YamlNode> e : n.asMap("sysctl").entrySet()) {
            KernelSysctl k = KernelSysctl.byKey(e.getKey());
            if (k == null) {
                throw InputErrors.at(n, n.keyLine(e.getKey()), "unknown sysctl '" + e.getKey() + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(KernelSysctl.keys(false))) + ")");
            }
            out.put(k.key(), k.check(e.getValue(), KernelSysctl.MOST_ZONES));
        }
        return out;
    }

    private static Scenario.Record record(YamlNode n, long duration) {
        long interval = Math.min(1_000_000_000L, duration);
        List<String> proc = new ArrayList<>(Recordables.PROC_FILES);
        List<String> trace = new ArrayList<>();
        if (n == null) {
            return new Scenario.Record(interval, proc, trace);
        }
        n.requireOnlyKeys("record", RECORD);
        if (n.get("interval") != null) {
            YamlNode in = n.get("interval");
            interval = ScenarioValues.time(in, "record interval");
            if (interval == 0) {
                throw in.error("record interval must be longer than 0");
            }
            if (interval > duration) {
                throw in.error("record interval is longer than the duration");
            }
        }
        List<String> kernel = new ArrayList<>();
        if (n.get("proc") != null) {
            List<String> known = new ArrayList<>(Recordables.PROC_FILES);
            known.addAll(Recordables.KERNEL_FILES);
            proc = names(n.get("proc"), "record proc", known, "/proc file");
            kernel = new ArrayList<>(proc);
            kernel.retainAll(Recordables.KERNEL_FILES);
            proc.removeAll(Recordables.KERNEL_FILES);
        }
        if (n.get("trace") != null) {
            trace = names(n.get("trace"), "record trace", Recordables.TRACE_EVENTS, "trace event");
        }
        return new Scenario.Record(interval, proc, trace, kernel);
    }

    private static List<String> names(YamlNode n, String what, List<String> known, String noun) {
        List<String> out = new ArrayList<>();
        for (YamlNode x : n.asList(what)) {
            String s = ScenarioValues.text(x, what);
            if (!known.contains(s)) {
                throw x.error("unknown " + noun + " '" + s + "'" + (known.size() < 10 ? " (known: "
                        + String.join(", ", known) + ")" : ""));
            }
            if (out.contains(s)) {
                throw x.error(noun + " '" + s + "' is listed twice");
            }
            out.add(s);
        }
        return out;
    }

    private static List<Scenario.Generator> workload(YamlNode n, long duration) {
        List<Scenario.Generator> out = new ArrayList<>();
        Map<String, Integer> perKind = new HashMap<>();
        Set<String> names = new HashSet<>();
        Set<String> labels = new HashSet<>();
        List<YamlNode> entries = n.asList("workload");
        if (entries.isEmpty()) {
            throw n.error("workload is empty");
        }
        for (YamlNode entry : entries) {
            Map<String, YamlNode> m = entry.asMap("a workload entry");
            if (m.size() != 1) {
                throw entry.error("a workload entry is one 'kind: { settings }' (found " + m.size() + " keys)");
            }
            String kindName = m.keySet().iterator().next();
            GeneratorKind kind = GeneratorKind.byKey(kindName);
            if (kind == null) {
                List<String> kinds = new ArrayList<>();
                for (GeneratorKind k : GeneratorKind.values()) {
                    kinds.add(k.key());
                }
                throw InputErrors.at(entry, entry.keyLine(kindName), "unknown workload kind '" + kindName
                        + "' (known: " + String.join(", ", kinds) + ")");
            }
            YamlNode settings = m.get(kindName);
            Map<String, Object> params = params(kind, settings, duration);
            int index = perKind.merge(kind.key(), 1, Integer::sum);
            String name = params.containsKey("name") ? (String) params.get("name") : defaultEntryName(kind.key(), index);
            if (!names.add(name)) {
                throw InputErrors.at(entry, entry.keyLine(kindName), "workload name '" + name + "' is used twice");
            }
            if (params.get("label") instanceof String label && !label.equals("interval") && !labels.add(label)) {
                throw InputErrors.at(settings, settings.keyLine("label"), "snapshot label '" + label
                        + "' is used twice");
            }
            out.add(new Scenario.Generator(kind.key(), name, params, entry.keyLine(kindName)));
        }
        return List.copyOf(out);
    }

    private static Map<String, Object> params(GeneratorKind kind, YamlNode settings, long duration) {
        String what = kind.key();
        if (settings.kind() == YamlNode.Kind.NULL) {
            if (!kind.required().isEmpty()) {
                throw settings.error(what + " needs " + String.join(", ", new java.util.TreeSet<>(kind.required())));
            }
            return Map.of();
        }
        settings.requireOnlyKeys(what, kind.params().keySet());
        for (String req : new java.util.TreeSet<>(kind.required())) {
            if (settings.get(req) == null) {
                throw settings.error(what + ": missing '" + req + "'");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : settings.asMap(what).entrySet()) {
            String key = e.getKey();
            YamlNode v = e.getValue();
            String label = what + " " + key;
            Object value = switch (kind.params().get(key)) {
                case STRING -> key.equals("label") ? snapshotLabel(v, label) : ScenarioValues.name(v, label);
                case SIZE -> ScenarioValues.size(v, label);
                case TIME -> ScenarioValues.time(v, label);
                case RATE -> ScenarioValues.rate(v, label, false);
                case BYTE_RATE -> ScenarioValues.rate(v, label, true);
                case BOOL -> ScenarioValues.bool(v, label);
                case COUNT -> ScenarioValues.whole(v, label, key.equals("processes") ? 1 : 0, 1_000_000);
                case ORDERS -> ScenarioValues.orders(v, label, MAX_ORDER);
                case GFP -> ScenarioValues.gfp(v, label);
                case DROP_VALUE -> ScenarioValues.whole(v, label, 1, 3);
                case TOUCH -> touch(v, label);
            };
            if ((key.equals("at") || key.equals("start") || key.endsWith("_at")) && (Long) value > duration) {
                throw v.error(label + " is after the end of the scenario");
            }
            out.put(key, value);
        }
        Object start = out.get("start");
        Object stop = out.get("stop");
        if (start != null && stop != null && (Long) stop != 0 && (Long) stop < (Long) start) {
            throw settings.error(what + ": stop is before start");
        }
        if (kind == GeneratorKind.PROCESS) {
            checkProcess(settings, out);
        }
        return out;
    }

    /** The moments of a process generator fall in its life, and its children write inside its region. */
    private static void checkProcess(YamlNode settings, Map<String, Object> p) {
        long start = (Long) p.getOrDefault("start", 0L);
        long lifetime = (Long) p.getOrDefault("lifetime", 0L);
        long forks = (Long) p.getOrDefault("forks", 0L);
        if (forks > 0 && !p.containsKey("fork_at")) {
            throw settings.error("process: forks needs fork_at (the moment the children are forked)");
        }
        for (String key : List.of("fork_at", "munmap_at")) {
            if (!p.containsKey(key)) {
                continue;
            }
            long at = (Long) p.get(key);
            if (at < start) {
                throw InputErrors.at(settings, settings.keyLine(key), "process " + key + " is before start");
            }
            if (lifetime > 0 && at >= start + lifetime) {
                throw InputErrors.at(settings, settings.keyLine(key), "process " + key
                        + " is after the process exits (start + lifetime)");
            }
        }
        if ((Long) p.getOrDefault("child_writes", 0L) > (Long) p.get("size")) {
            throw InputErrors.at(settings, settings.keyLine("child_writes"),
                    "process child_writes is larger than size");
        }
    }

    /**
     * A snapshot label: it becomes the folder proc/LABEL of the output, so one safe file name, and not one of the
     * folders the run writes itself (start, end).
     */
    private static String snapshotLabel(YamlNode v, String what) {
        String s = ScenarioValues.text(v, what);
        if (!s.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw v.error(what + " '" + s + "' must be a folder name: letters, digits, '.', '_' and '-', at most 64");
        }
        if (s.equals("start") || s.equals("end")) {
            throw v.error(what + " '" + s + "' is the name of the run's own " + s + " snapshot");
        }
        return s;
    }

    private static String touch(YamlNode v, String label) {
        String s = ScenarioValues.text(v, label);
        if (!GeneratorKind.TOUCH_MODES.contains(s)) {
            throw v.error(label + " '" + s + "' is not one of " + String.join(", ", GeneratorKind.TOUCH_MODES));
        }
        return s;
    }
}
