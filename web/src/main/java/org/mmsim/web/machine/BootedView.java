package org.mmsim.web.machine;

import java.util.Map;
import java.util.function.LongFunction;
import org.mmsim.boot.zone.BootLayout;
import org.mmsim.study.PfnZones;

/**
 * What a session keeps of the machine it booted in the machine view: the tables the page shows and the boot layout
 * that names the zone of a pfn when an address is translated. The page allocator itself is dropped after boot, so a
 * booted machine costs the session little and is not counted as a simulation.
 *
 * @param report the tables, as {@link MachineReport} builds them
 * @param layout the boot layout (memory ranges, nodes and zones)
 */
public record BootedView(Map<String, Object> report, BootLayout layout) {
    /** The session key it is kept under. */
    public static final String KEY = "machine";

    /** The layout's architecture name ({@code x86_64}, {@code i386-pae}, {@code arm64}). */
    public String arch() {
        return layout.spec().arch().id();
    }

    /** max_pfn of the booted machine. */
    public long maxPfn() {
        return layout.maxPfn();
    }

    /** "Node N, zone NAME" of a pfn, or null outside every zone. */
    public LongFunction<String> zoneOfPfn() {
        return PfnZones.of(layout);
    }
}
