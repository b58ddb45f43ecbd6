package org.mmsim.proc.model;

import java.util.Map;
import org.mmsim.page.Machine;
import org.mmsim.page.VmEvent;

/**
 * Where the adapters read a counter by its kernel name: first the simulation's own counters (vmstat names, in
 * the kernel's internal units: pages, THP node stats in base pages), then the page allocator's vm events
 * ({@link Machine#event}), else 0 (a counter the model does not track).
 */
public final class ModelCounters {
    private final Machine machine;
    private final Map<String, Long> simulation;

    public ModelCounters(Machine machine, Map<String, Long> simulation) {
        this.machine = machine;
        this.simulation = simulation == null ? Map.of() : simulation;
    }

    /** Whether the simulation keeps this counter itself. */
    public boolean has(String name) {
        return simulation.containsKey(name);
    }

    /** The counter's value, 0 when nobody keeps it. */
    public long get(String name) {
        Long v = simulation.get(name);
        if (v != null) {
            return v;
        }
        return VmEvent.byName(name) >= 0 ? machine.event(name) : 0;
    }
}
