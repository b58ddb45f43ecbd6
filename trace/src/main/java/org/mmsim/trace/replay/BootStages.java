package org.mmsim.trace.replay;

import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.trace.TraceEvent;

/**
 * A replay from trace_init() ({@link StartState#atTraceInit}) passes the boot steps the trace does not show:
 * before the first event at or after each of {@link BootTimes}, the machine takes the step
 * ({@link MemoryInit#setupPerCpuPageset}, then {@link MemoryInit#initPerZoneWmarkMin}); every event then goes
 * on to the replay.
 */
public final class BootStages implements ReplaySink {
    private final BootedMachine booted;
    private final BootTimes times;
    private final ReplaySink replay;
    private boolean perCpuPageset;
    private boolean zoneWatermarks;

    /** Steps {@code booted} (from {@link MemoryInit#bootToMemInit}) at {@code times}, events going to {@code replay}. */
    public BootStages(BootedMachine booted, BootTimes times, ReplaySink replay) {
        this.booted = booted;
        this.times = times;
        this.replay = replay;
    }

    @Override
    public void apply(TraceEvent e) {
        if (!perCpuPageset && e.timeNs >= times.perCpuPagesetNs()) {
            MemoryInit.setupPerCpuPageset(booted.machine());
            perCpuPageset = true;
        }
        if (!zoneWatermarks && e.timeNs >= times.zoneWatermarksNs()) {
            if (!perCpuPageset) {
                MemoryInit.setupPerCpuPageset(booted.machine());
                perCpuPageset = true;
            }
            MemoryInit.initPerZoneWmarkMin(booted);
            zoneWatermarks = true;
        }
        replay.apply(e);
    }
}
