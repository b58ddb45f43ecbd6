package org.mmsim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmsim.workload.scenario.Scenario;

/** A finished run written by hand for the report tests: a scenario's identity, zones, samples, notes, pictures. */
final class RunBuilder {
    private String name = "hand-made";
    private String machine = "x86_64-1G";
    private long seed = 42;
    private long durationNs = 4_000_000_000L;
    private final List<String> zones = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();
    private final List<String[]> notes = new ArrayList<>();
    private final Map<String, PageblockPicture[]> pictures = new LinkedHashMap<>();
    private long worstAtNs;
    private long traceLines;
    private List<Scenario.Generator> workload = List.of();

    RunBuilder name(String n) {
        name = n;
        return this;
    }

    RunBuilder machine(String m) {
        machine = m;
        return this;
    }

    RunBuilder seed(long s) {
        seed = s;
        return this;
    }

    RunBuilder durationSeconds(double s) {
        durationNs = Math.round(s * 1e9);
        return this;
    }

    RunBuilder zones(String... names) {
        zones.addAll(List.of(names));
        return this;
    }

    RunBuilder sample(SampleBuilder s) {
        samples.add(s.build());
        return this;
    }

    RunBuilder note(String atSeconds, String text) {
        notes.add(new String[] {atSeconds, text});
        return this;
    }

    RunBuilder picture(String moment, PageblockPicture... perZone) {
        pictures.put(moment, perZone);
        return this;
    }

    RunBuilder worstAtSeconds(double s) {
        worstAtNs = Math.round(s * 1e9);
        return this;
    }

    /** The scenario's workload entries. */
    RunBuilder workload(List<Scenario.Generator> entries) {
        workload = List.copyOf(entries);
        return this;
    }

    RunBuilder traceLines(long n) {
        traceLines = n;
        return this;
    }

    Scenario scenario() {
        return scenario(List.of());
    }

    /** The scenario, snapshotting these /proc files. */
    Scenario scenario(List<String> procFiles) {
        return new Scenario(name, name + ".yaml", machine, seed, durationNs, 250, Map.of(), 0, true,
                Scenario.DEFAULT_WRITEBACK_DELAY_NS, "always", workload,
                new Scenario.Record(1_000_000_000L, procFiles, List.of()));
    }

    RunData build() {
        return new RunData(scenario(), "x86_64", List.copyOf(zones), List.copyOf(samples), List.copyOf(notes),
                Map.copyOf(pictures), worstAtNs, traceLines);
    }
}
