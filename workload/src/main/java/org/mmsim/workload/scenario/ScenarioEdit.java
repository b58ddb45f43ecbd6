package org.mmsim.workload.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mmsim.arch.InputError;
import org.mmsim.boot.spec.YamlNode;

/**
 * One change to a scenario's YAML tree before {@link ScenarioFile} checks it, so that a changed value meets every
 * check a value written in the file meets: a top-level field ({@code duration}, {@code machine}, {@code seed}, ...;
 * see {@link #FIELDS}), a field of the {@code record:} section ({@code record.interval}) or a field of one workload
 * entry, named by its {@code name:} or, without one, by its kind and rank ({@code workload.db.size},
 * {@code workload.compact_memory1.at}). The value is YAML, as in the file ({@code 2G}, {@code [buddyinfo,
 * slabinfo]}); a mistake names {@code origin} (the option and word it came from), not the scenario file.
 *
 * @param path   the field, as above
 * @param value  its new value, YAML
 * @param origin what an error names: e.g. {@code --set: workload.db.size=2G} or {@code --duration: 5s}
 */
public record ScenarioEdit(String path, String value, String origin) {
    /** The top-level fields an edit may set (the sysctl map is set through vm.NAME words, not here). */
    public static final List<String> FIELDS = List.of("name", "description", "machine", "seed", "duration", "hz",
            "swap", "compaction", "writeback_delay", "transparent_hugepage");
    private static final String RECORD = "record.";
    private static final String WORKLOAD = "workload.";

    /** Whether {@code path} names a field of a scenario: a top-level field, record.KEY or workload.NAME.KEY. */
    public static boolean isField(String path) {
        return FIELDS.contains(path) || path.startsWith(RECORD) || path.startsWith(WORKLOAD);
    }

    /** The forms of the fields, for messages listing what may be set. */
    public static String forms() {
        return String.join(", ", FIELDS) + ", " + RECORD + String.join("|", new TreeSet<>(ScenarioFile.RECORD))
                + ", " + WORKLOAD + "NAME.FIELD";
    }

    /** The scenario tree {@code root} (a mapping) with this change. */
    YamlNode apply(YamlNode root) {
        if (value.isBlank()) {
            throw error("give a value");
        }
        YamlNode v = YamlNode.value(origin, value);
        if (FIELDS.contains(path)) {
            return root.with(path, v);
        }
        if (path.startsWith(RECORD)) {
            String key = path.substring(RECORD.length());
            if (!ScenarioFile.RECORD.contains(key)) {
                throw error("unknown field '" + key + "' of record (fields: "
                        + String.join(", ", new TreeSet<>(ScenarioFile.RECORD)) + ")");
            }
            YamlNode record = root.get("record");
            if (record == null || record.kind() == YamlNode.Kind.NULL) {
                record = YamlNode.value(origin, "{}");
            }
            return root.with("record", record.with(key, v));
        }
        int dot = path.lastIndexOf('.');
        if (!path.startsWith(WORKLOAD) || dot < WORKLOAD.length()) {
            throw error("unknown scenario field '" + path + "' (fields: " + forms() + ")");
        }
        return workload(root, path.substring(WORKLOAD.length(), dot), path.substring(dot + 1), v);
    }

    /** The tree with field {@code key} of the workload entry {@code name} set to {@code v}. */
    private YamlNode workload(YamlNode root, String name, String key, YamlNode v) {
        YamlNode list = root.get("workload");
        if (list == null || list.kind() != YamlNode.Kind.LIST) {
            throw error("the scenario has no workload list");
        }
        List<String> names = new ArrayList<>();
        Map<String, Integer> perKind = new HashMap<>();
        List<YamlNode> entries = list.asList("workload");
        for (int i = 0; i < entries.size(); i++) {
            YamlNode entry = entries.get(i);
            if (entry.kind() != YamlNode.Kind.MAP || entry.asMap("a workload entry").size() != 1) {
                continue;
            }
            String kindName = entry.asMap("a workload entry").keySet().iterator().next();
            YamlNode settings = entry.get(kindName);
            int rank = perKind.merge(kindName, 1, Integer::sum);
            YamlNode named = settings.get("name");
            String entryName = named != null && named.kind() == YamlNode.Kind.SCALAR ? named.asText("name").trim()
                    : ScenarioFile.defaultEntryName(kindName, rank);
            names.add(entryName);
            if (!entryName.equals(name)) {
                continue;
            }
            GeneratorKind kind = GeneratorKind.byKey(kindName);
            if (kind != null && !kind.params().containsKey(key)) {
                throw error("unknown field '" + key + "' of the " + kindName + " entry '" + name + "' (fields: "
                        + String.join(", ", new TreeSet<>(kind.params().keySet())) + ")");
            }
            YamlNode base = settings.kind() == YamlNode.Kind.NULL ? YamlNode.value(origin, "{}") : settings;
            if (base.kind() != YamlNode.Kind.MAP) {
                return root;
            }
            return root.with("workload", list.withItem(i, entry.with(kindName, base.with(key, v))));
        }
        throw error("no workload entry named '" + name + "' (entries: " + String.join(", ", names) + ")");
    }

    private InputError error(String problem) {
        return InputError.at(origin, 0, problem);
    }
}
