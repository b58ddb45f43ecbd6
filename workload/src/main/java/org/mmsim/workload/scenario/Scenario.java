package org.mmsim.workload.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed scenario file: which machine, the sysctls, the seed and duration, the workload generators, and what
 * to record. Times are simulated nanoseconds; sizes are bytes.
 *
 * @param machine     a machine preset name (e.g. x86_64-4G) or a machine file path, resolved by the front end
 * @param sysctl      vm sysctls (vm.min_free_kbytes, vm.watermark_scale_factor, vm.swappiness,
 *                    vm.compaction_proactiveness, vm.extfrag_threshold, vm.watermark_boost_factor, ...)
 * @param swapBytes   size of the swap device (0 = no swap)
 * @param compaction  false models a kernel without CONFIG_COMPACTION
 * @param hz          the tick rate for jiffies (250 on Debian)
 * @param generators  the workload, in file order
 */
public record Scenario(String name, String sourceFile, String machine, long seed, long durationNs, int hz,
        Map<String, String> sysctl, long swapBytes, boolean compaction, long writebackDelayNs, String thpEnabled,
        List<Generator> generators, Record record) {
    /** /sys/kernel/mm/transparent_hugepage/enabled values; Debian 6.1 boots with "always". */
    public static final List<String> THP_ENABLED = List.of("always", "madvise", "never");
    /** The time the disk takes to write back a dirty page-cache page, unless the scenario says otherwise. */
    public static final long DEFAULT_WRITEBACK_DELAY_NS = 100_000_000L;

    /** This scenario with another seed (mmsim run --seed). */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, sourceFile, machine, newSeed, durationNs, hz, sysctl, swapBytes, compaction,
                writebackDelayNs, thpEnabled, generators, record);
    }

    /** This scenario with other sysctls, checked values by {@code vm.NAME} (mmsim run --set). */
    public Scenario withSysctl(Map<String, String> newSysctl) {
        return new Scenario(name, sourceFile, machine, seed, durationNs, hz,
                Collections.unmodifiableMap(new LinkedHashMap<>(newSysctl)), swapBytes, compaction, writebackDelayNs,
                thpEnabled, generators, record);
    }

    /** What to record: the snapshot interval, the /proc files to snapshot, and the trace events to write. */
    public record Record(long intervalNs, List<String> procFiles, List<String> traceEvents) {
    }

    /**
     * One workload generator. {@code kind} is one of: anon, file, kernel, slab, thp, fork, process, kmalloc,
     * kmem_cache, vmalloc, compact_memory, drop_caches. {@code params} holds its settings as parsed values
     * (sizes in bytes, times in ns, rates per second, order mixes as "order -> weight", gfp masks as
     * {@link GfpMask}), and {@code line} is
     * the line of the scenario file {@code file} it came from, for error messages.
     */
    public record Generator(String kind, String name, Map<String, Object> params, int line, String file) {
        /** An entry whose file is not known yet: messages name it "scenario" until {@link #in} says which. */
        public Generator(String kind, String name, Map<String, Object> params, int line) {
            this(kind, name, params, line, "scenario");
        }

        /** The same entry, said to come from {@code sourceFile}. */
        public Generator in(String sourceFile) {
            return new Generator(kind, name, params, line, sourceFile);
        }

        public long getLong(String key, long dflt) {
            Object v = params.get(key);
            return v instanceof Number n ? n.longValue() : dflt;
        }

        public double getDouble(String key, double dflt) {
            Object v = params.get(key);
            return v instanceof Number n ? n.doubleValue() : dflt;
        }

        public boolean getBool(String key, boolean dflt) {
            Object v = params.get(key);
            return v instanceof Boolean b ? b : dflt;
        }

        /** A gfp mask as the scenario file gave it (parsed at load), or {@code dflt} when the file has none. */
        public int getGfp(String key, int dflt) {
            Object v = params.get(key);
            return v instanceof GfpMask m ? m.bits() : dflt;
        }

        public String getString(String key, String dflt) {
            Object v = params.get(key);
            return v == null ? dflt : v.toString();
        }
    }
}
