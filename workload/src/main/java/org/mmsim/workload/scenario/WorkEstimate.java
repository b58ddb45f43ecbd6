package org.mmsim.workload.scenario;

import java.util.Set;

/**
 * How much work a scenario asks for, estimated from its settings before it runs, so that the front end can refuse a
 * run that would take hours or fill a disk. It counts what the simulation does (see the generators in
 * org.mmsim.workload.sim): page operations (an allocation, a free or a touch of a page: a {@code kernel} or
 * {@code slab} rate times its active time, twice when the objects are freed again; an {@code anon} byte rate over
 * its lifetime; every page of a {@code file} pass, of a {@code fork} child and of a {@code process} and its forks'
 * page-table copies and writes; one walk over the machine's pages for {@code compact_memory} and {@code drop_caches},
 * two for {@code frag} (fill, free half, take the rest), three for {@code compaction_test} (fill 80 %, unmap half,
 * compact for huge pages)), events (a rate-driven generator steps once per millisecond of
 * simulated time), snapshots (every record interval, the start, the end and the {@code snapshot} entries; each reads
 * every pageblock of the machine) and trace lines (one per page operation for the per-allocation tracepoints).
 * It is an estimate: reclaim and compaction under memory pressure add work it does not foresee.
 *
 * @param operations page operations
 * @param events     events of the simulation's queue
 * @param snapshots  snapshots of the recorded /proc files
 * @param traceLines trace lines for the tracepoints that fire once per page or object operation
 */
public record WorkEstimate(double operations, double events, double snapshots, double traceLines) {
    /** Tracepoints that fire once per allocation or free (include/trace/events/kmem.h), the ones that fill a trace. */
    static final Set<String> PER_OPERATION_EVENTS = Set.of("mm_page_alloc", "mm_page_free", "mm_page_free_batched",
            "mm_page_alloc_zone_locked", "mm_page_pcpu_drain", "kmalloc", "kfree", "kmem_cache_alloc",
            "kmem_cache_free", "rss_stat");
    private static final double PAGE = 4096;
    private static final double QUANTUM_NS = 1e6;
    private static final double NS = 1e9;
    /** kcompactd's proactive timer (HPAGE_FRAG_CHECK_INTERVAL_MSEC, mm/compaction.c). */
    private static final double KCOMPACTD_TIMER_NS = 500e6;

    /**
     * @param machinePages the booted machine's present pages
     * @param nodes        its NUMA nodes
     */
    public static WorkEstimate of(Scenario s, long machinePages, int nodes) {
        double d = s.durationNs();
        double ops = 0;
        double events = d / KCOMPACTD_TIMER_NS * nodes;
        double snapshots = 2;
        long interval = s.record() == null ? 0 : s.record().intervalNs();
        if (interval > 0) {
            snapshots += Math.ceil(d / interval) - 1;
        }
        events += snapshots;
        for (Scenario.Generator g : s.generators()) {
            double start = Math.min(d, g.getLong("start", 0));
            double stop = g.getLong("stop", 0) > 0 ? Math.min(d, g.getLong("stop", 0)) : d;
            double active = Math.max(0, stop - start);
            double pages = Math.ceil(g.getLong("size", 0) / PAGE);
            switch (g.kind()) {
                case "kernel", "slab", "thp", "kmalloc", "kmem_cache" -> {
                    boolean freed = g.getLong("lifetime_mean", 0) > 0 || g.getLong("hold", 0) > 0;
                    double n = g.getDouble("rate", 0) * active / NS;
                    ops += freed ? 2 * n : n;
                    events += active / QUANTUM_NS + (freed ? n : 0);
                }
                case "vmalloc" -> {
                    double n = g.getDouble("rate", 0) * active / NS * Math.max(1, pages);
                    ops += g.getLong("lifetime_mean", 0) > 0 ? 2 * n : n;
                    events += active / QUANTUM_NS;
                }
                case "anon" -> {
                    double life = g.getLong("lifetime", 0) > 0 ? Math.min(g.getLong("lifetime", 0), d - start)
                            : d - start;
                    double rate = g.getDouble("rate", 0);
                    double perProcess = rate > 0 ? rate / PAGE * life / NS : pages;
                    ops += perProcess * g.getLong("processes", 1);
                    events += rate > 0 ? life / QUANTUM_NS : 1;
                }
                case "file", "shmem" -> {
                    double total = pages * Math.max(1, g.getLong("repeat", 1));
                    double rate = g.getDouble("rate", 0);
                    ops += rate > 0 ? Math.min(total, rate / PAGE * active / NS) : total;
                    events += rate > 0 ? Math.min(active, total / (rate / PAGE) * NS) / QUANTUM_NS : 1;
                }
                case "fork" -> {
                    double children = d / Math.max(1, g.getLong("every", 1));
                    ops += children * pages * (g.getLong("lifetime", 0) > 0 ? 2 : 1);
                    events += 2 * children;
                }
                case "process" -> {
                    double forks = g.getLong("forks", 0);
                    double childWrites = Math.min(pages, Math.ceil(g.getLong("child_writes", 0) / PAGE));
                    ops += pages + forks * (pages + childWrites);
                    double rate = g.getDouble("rate", 0);
                    events += rate > 0 ? Math.min(active, pages / (rate / PAGE) * NS) / QUANTUM_NS : 1;
                    events += forks;
                }
                case "compact_memory", "drop_caches" -> {
                    ops += machinePages;
                    events += 1;
                }
                case "frag" -> {
                    ops += 2.0 * machinePages;
                    events += 3;
                }
                case "compaction_test" -> {
                    ops += 3.0 * machinePages;
                    events += 1;
                }
                case "nr_hugepages" -> {
                    ops += g.getLong("count", 0) * 512.0;
                    events += 1;
                }
                case "snapshot" -> {
                    snapshots += 1;
                    events += 1;
                }
                default -> events += 1;
            }
        }
        long perOperation = s.record() == null ? 0
                : s.record().traceEvents().stream().filter(PER_OPERATION_EVENTS::contains).count();
        return new WorkEstimate(ops, events, snapshots, ops * perOperation);
    }
}
