package org.mmsim.workload.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workload generators a scenario may name, each with the settings it accepts, their types and the
 * required ones. Sizes become bytes (Long), times nanoseconds (Long), rates per second (Double; a byte rate
 * bytes per second), booleans Boolean, whole numbers Long, order mixes Map&lt;Integer, Double&gt;, the rest
 * String.
 */
public enum GeneratorKind {
    /** Anonymous memory of one or more processes (malloc + touch), optionally THP-backed. */
    ANON("anon", Set.of("size"), Map.of("name", Type.STRING, "size", Type.SIZE, "start", Type.TIME,
            "lifetime", Type.TIME, "touch", Type.TOUCH, "rate", Type.BYTE_RATE, "thp", Type.BOOL,
            "processes", Type.COUNT)),
    /** Page cache from reading a file, or from writing it (dirty pages that the flusher writes back). */
    FILE("file", Set.of("size"), Map.of("name", Type.STRING, "size", Type.SIZE, "start", Type.TIME,
            "rate", Type.BYTE_RATE, "repeat", Type.COUNT, "write", Type.BOOL)),
    /** Kernel page allocations of an order mix (alloc_pages from drivers and subsystems). */
    KERNEL("kernel", Set.of("rate"), Map.of("name", Type.STRING, "rate", Type.RATE, "orders", Type.ORDERS,
            "lifetime_mean", Type.TIME, "gfp", Type.GFP, "start", Type.TIME, "stop", Type.TIME)),
    /** Slab pages of a cache (reclaimable or not). */
    SLAB("slab", Set.of("rate"), Map.of("name", Type.STRING, "rate", Type.RATE, "lifetime_mean", Type.TIME,
            "reclaimable", Type.BOOL, "start", Type.TIME, "stop", Type.TIME)),
    /** Huge-page allocations held for a while (order 9). */
    THP("thp", Set.of("rate"), Map.of("name", Type.STRING, "rate", Type.RATE, "gfp", Type.GFP, "hold", Type.TIME,
            "start", Type.TIME, "stop", Type.TIME)),
    /** A process forking children that touch memory and exit. */
    FORK("fork", Set.of("every", "size"), Map.of("name", Type.STRING, "every", Type.TIME, "size", Type.SIZE,
            "lifetime", Type.TIME, "start", Type.TIME, "stop", Type.TIME)),
    /**
     * A process of the vm module (real page tables, COW, THP faults): mmap of an anonymous private region,
     * touched at a rate, optional fork of children that write part of it, munmap of half of it, exit.
     */
    PROCESS("process", Set.of("size"), Map.ofEntries(Map.entry("name", Type.STRING), Map.entry("size", Type.SIZE),
            Map.entry("start", Type.TIME), Map.entry("lifetime", Type.TIME), Map.entry("touch", Type.TOUCH),
            Map.entry("rate", Type.BYTE_RATE), Map.entry("write", Type.BOOL), Map.entry("thp", Type.BOOL),
            Map.entry("forks", Type.COUNT), Map.entry("fork_at", Type.TIME), Map.entry("child_writes", Type.SIZE),
            Map.entry("child_lifetime", Type.TIME), Map.entry("munmap_at", Type.TIME))),
    /** tmpfs / shared memory pages. */
    SHMEM("shmem", Set.of("size"), Map.of("name", Type.STRING, "size", Type.SIZE, "start", Type.TIME,
            "lifetime", Type.TIME, "rate", Type.BYTE_RATE)),
    /** echo 1 &gt; /proc/sys/vm/compact_memory at a moment. */
    COMPACT_MEMORY("compact_memory", Set.of("at"), Map.of("at", Type.TIME)),
    /** echo N &gt; /proc/sys/vm/drop_caches at a moment. */
    DROP_CACHES("drop_caches", Set.of("at"), Map.of("at", Type.TIME, "value", Type.DROP_VALUE)),
    /** A snapshot of the recorded files at a moment, under a label (e.g. after-alloc). */
    SNAPSHOT("snapshot", Set.of("at"), Map.of("at", Type.TIME, "label", Type.STRING)),
    /** echo N &gt; /proc/sys/vm/nr_hugepages at a moment. */
    NR_HUGEPAGES("nr_hugepages", Set.of("at", "count"), Map.of("at", Type.TIME, "count", Type.COUNT)),
    /** The recipe of tools/testing/selftests/vm/compaction_test.c, run at a moment. */
    COMPACTION_TEST("compaction_test", Set.of("at"), Map.of("at", Type.TIME, "map_size", Type.SIZE)),
    /**
     * The oracle's frag.c: map pct % of MemFree as 4 KiB anonymous pages, touch them, free every other one; at
     * fill, take the remaining order-9 blocks with THP faults, CPU by CPU; at exit, free everything.
     */
    FRAG("frag", Set.of("fill", "exit"), Map.of("pct", Type.COUNT, "start", Type.TIME, "fill", Type.TIME,
            "exit", Type.TIME)),
    /** kmalloc() of a size at a rate. */
    KMALLOC("kmalloc", Set.of("rate", "size"), Map.of("name", Type.STRING, "rate", Type.RATE, "size", Type.SIZE,
            "lifetime_mean", Type.TIME, "gfp", Type.GFP, "start", Type.TIME, "stop", Type.TIME)),
    /** A kmem_cache of an object size, allocated at a rate. */
    KMEM_CACHE("kmem_cache", Set.of("rate", "object_size"), Map.of("name", Type.STRING, "rate", Type.RATE,
            "object_size", Type.SIZE, "lifetime_mean", Type.TIME, "reclaimable", Type.BOOL, "start", Type.TIME,
            "stop", Type.TIME)),
    /** vmalloc() areas of a size at a rate. */
    VMALLOC("vmalloc", Set.of("rate", "size"), Map.of("name", Type.STRING, "rate", Type.RATE, "size", Type.SIZE,
            "lifetime_mean", Type.TIME, "start", Type.TIME, "stop", Type.TIME));

    /** How a setting's value is written. */
    public enum Type { STRING, SIZE, TIME, RATE, BYTE_RATE, BOOL, COUNT, ORDERS, GFP, TOUCH, DROP_VALUE }

    /** The ways an anon generator touches its memory. */
    public static final List<String> TOUCH_MODES = List.of("random", "sequential");

    private final String key;
    private final Set<String> required;
    private final Map<String, Type> params;

    GeneratorKind(String key, Set<String> required, Map<String, Type> params) {
        this.key = key;
        this.required = required;
        this.params = new LinkedHashMap<>(params);
    }

    /** The name a scenario file uses. */
    public String key() {
        return key;
    }

    public Set<String> required() {
        return required;
    }

    public Map<String, Type> params() {
        return params;
    }

    /** The kind of that name, or null. */
    public static GeneratorKind byKey(String key) {
        for (GeneratorKind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        return null;
    }
}
