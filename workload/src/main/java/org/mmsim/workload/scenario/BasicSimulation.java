package org.mmsim.workload.scenario;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import org.mmsim.page.Gfp;
import org.mmsim.page.Machine;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.trace.PageAllocTracer;
import org.mmsim.workload.Recorder;
import org.mmsim.workload.Simulation;
import org.mmsim.workload.SimulationView;

/**
 * A stand-in simulation WITHOUT reclaim, compaction, swap or an OOM killer, so that the front end (scenario,
 * recorder, /proc snapshots, trace, report) can run end to end before the real model of the memory manager
 * exists. It drives the machine only through {@link Machine#allocPages} and {@link Machine#freePages}: anon,
 * shmem, file and slab generators allocate order-0 pages (anon tries order 9 first when {@code thp: true}),
 * kernel generators allocate their order mix, thp generators order-9 blocks; lifetimes free them again. An
 * allocation that fails is counted and noted, nothing more. Other kinds (fork, kmalloc, kmem_cache, vmalloc,
 * compact_memory, drop_caches) are ignored with a note. Deterministic from the scenario's seed: time advances
 * in jiffies.
 */
public final class BasicSimulation implements Simulation {
    private static final int PAGE_SHIFT = 12;
    private static final int HPAGE_ORDER = 9;

    /** One block handed out, to be freed at {@code freeAtNs} (Long.MAX_VALUE: held to the end). */
    private record Held(long freeAtNs, long seq, long pfn, int order, Owner owner) implements Comparable<Held> {
        @Override
        public int compareTo(Held o) {
            int c = Long.compare(freeAtNs, o.freeAtNs);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** Who holds pages: a process (RSS), a slab cache, the page cache or the kernel. */
    private static final class Owner {
        final String name;
        final int pid;
        final String counter;
        long pages;

        Owner(String name, int pid, String counter) {
            this.name = name;
            this.pid = pid;
            this.counter = counter;
        }
    }

    private Machine machine;
    private BootedMachine booted;
    private Recorder recorder;
    private final Map<String, Long> counters = new LinkedHashMap<>();
    private final List<Owner> processes = new ArrayList<>();
    private final Map<String, Owner> slabs = new LinkedHashMap<>();
    private final PriorityQueue<Held> held = new PriorityQueue<>();
    private final Deque<Held> forever = new ArrayDeque<>();
    private final Set<String> noted = new HashSet<>();
    private long seq;
    private long now;
    private Set<String> traced = Set.of();

    @Override
    public SimulationView run(Scenario scenario, BootedMachine bootedMachine, Recorder rec) {
        this.booted = bootedMachine;
        this.machine = bootedMachine.machine();
        this.recorder = rec;
        this.traced = new HashSet<>(scenario.record().traceEvents());
        SplittableRandom random = new SplittableRandom(scenario.seed());
        machine.setCurrentCpu(0);
        if (traced.contains("mm_page_alloc_extfrag")) {
            machine.setTracer(new PageAllocTracer() {
                @Override
                public void mmPageAllocExtfrag(long pfn, int allocOrder, int fallbackOrder, int allocMt, int fallbackMt,
                        boolean change) {
                    trace("mm_page_alloc_extfrag", String.format(Locale.ROOT, "page=%016x pfn=0x%x alloc_order=%d"
                            + " fallback_order=%d pageblock_order=%d alloc_migratetype=%d fallback_migratetype=%d"
                            + " fragmenting=%d change_ownership=%d", vmemmap(pfn), pfn, allocOrder, fallbackOrder,
                            HPAGE_ORDER, allocMt, fallbackMt, fallbackOrder < HPAGE_ORDER ? 1 : 0, change ? 1 : 0));
                }
            });
        }
        List<Driver> drivers = new ArrayList<>();
        int pid = 1000;
        for (Scenario.Generator g : scenario.generators()) {
            Driver d = driver(g, pid, random.split());
            if (d == null) {
                note(0, "BasicSimulation ignores " + g.kind() + " generators (no model for them yet)");
            } else {
                drivers.add(d);
                pid += (int) g.getLong("processes", 1);
            }
        }
        long tick = 1_000_000_000L / scenario.hz();
        long interval = scenario.record().intervalNs();
        View view = new View();
        recorder.snapshot(0, "start", view);
        long nextSnapshot = interval;
        for (now = tick; now <= scenario.durationNs(); now += tick) {
            while (!held.isEmpty() && held.peek().freeAtNs <= now) {
                release(held.poll());
            }
            for (Driver d : drivers) {
                d.step(now, tick);
            }
            if (now >= nextSnapshot && now < scenario.durationNs()) {
                recorder.snapshot(now, "interval", view);
                nextSnapshot += interval;
            }
            recorder.progress(now, scenario.durationNs());
        }
        recorder.snapshot(scenario.durationNs(), "end", view);
        machine.setTracer(null);
        return view;
    }

    private static long vmemmap(long pfn) {
        return 0xffffea0000000000L + pfn * 64;
    }

    private void trace(String event, String fields) {
        long us = now / 1000;
        recorder.trace(String.format(Locale.ROOT, "%16s-%-7d [%03d] ..... %5d.%06d: %s: %s", "mmsim-basic", 1,
                machine.currentCpu(), us / 1_000_000, us % 1_000_000, event, fields));
    }

    private void note(long t, String text) {
        if (noted.add(text)) {
            recorder.note(t, text);
        }
    }

    private void count(String name, long delta) {
        counters.merge(name, delta, Long::sum);
    }

    /** Allocates one block for an owner; returns false (and counts it) when the allocator fails. */
    private boolean alloc(Owner owner, int gfp, int order, long lifetimeNs) {
        long pfn = machine.allocPages(gfp, order);
        if (pfn < 0) {
            count("mmsim_basic_alloc_fail", 1);
            note(now, "first failed order-" + order + " allocation for " + owner.name + " (no reclaim in BasicSimulation)");
            return false;
        }
        long pages = 1L << order;
        owner.pages += pages;
        count(owner.counter, pages);
        if (owner.counter.equals("nr_anon_pages")) {
            count("nr_active_anon", pages);
        } else if (owner.counter.equals("nr_file_pages")) {
            count("nr_inactive_file", pages);
        } else if (owner.counter.equals("nr_shmem")) {
            count("nr_file_pages", pages);
            count("nr_inactive_anon", pages);
        }
        Held h = new Held(lifetimeNs <= 0 ? Long.MAX_VALUE : now + lifetimeNs, seq++, pfn, order, owner);
        if (h.freeAtNs == Long.MAX_VALUE) {
            forever.add(h);
        } else {
            held.add(h);
        }
        return true;
    }

    private void release(Held h) {
        machine.freePages(h.pfn, h.order);
        long pages = 1L << h.order;
        h.owner.pages -= pages;
        count(h.owner.counter, -pages);
        if (h.owner.counter.equals("nr_anon_pages")) {
            count("nr_active_anon", -pages);
        } else if (h.owner.counter.equals("nr_shmem")) {
            count("nr_file_pages", -pages);
            count("nr_inactive_anon", -pages);
        }
        if (h.order == HPAGE_ORDER && h.owner.counter.equals("nr_anon_pages")) {
            count("nr_anon_transparent_hugepages", -pages);
        }
    }

    /** One generator's behaviour per tick. */
    private interface Driver {
        void step(long nowNs, long tickNs);
    }

    private Driver driver(Scenario.Generator g, int pid, SplittableRandom random) {
        long start = g.getLong("start", 0);
        long stop = g.getLong("stop", 0);
        switch (g.kind()) {
            case "anon":
            case "shmem": {
                boolean anon = g.kind().equals("anon");
                int procs = (int) g.getLong("processes", 1);
                List<Owner> owners = new ArrayList<>();
                for (int i = 0; i < procs; i++) {
                    Owner o = new Owner(procs == 1 ? g.name() : g.name() + "-" + i, pid + i,
                            anon ? "nr_anon_pages" : "nr_shmem");
                    owners.add(o);
                    if (anon) {
                        processes.add(o);
                    }
                }
                long target = g.getLong("size", 0) >> PAGE_SHIFT;
                double rate = g.getDouble("rate", 0) / (1 << PAGE_SHIFT);
                boolean thp = anon && Boolean.TRUE.equals(g.params().get("thp"));
                long lifetime = g.getLong("lifetime", 0);
                return paced(start, 0, rate, target, (budget) -> {
                    long done = 0;
                    for (Owner o : owners) {
                        done = fill(o, budget, target, thp, lifetime == 0 ? 0 : start + lifetime - now);
                    }
                    return done;
                });
            }
            case "file": {
                Owner cache = new Owner(g.name(), 0, "nr_file_pages");
                long target = g.getLong("size", 0) >> PAGE_SHIFT;
                double rate = g.getDouble("rate", 0) / (1 << PAGE_SHIFT);
                return paced(start, 0, rate, target, (budget) -> fill(cache, budget, target, false, 0));
            }
            case "kernel": {
                Owner k = new Owner(g.name(), 0, "mmsim_basic_kernel_pages");
                Object mix = g.params().get("orders");
                @SuppressWarnings("unchecked")
                Map<Integer, Double> orders = mix instanceof Map<?, ?> ? (Map<Integer, Double>) mix : Map.of(0, 1.0);
                int gfp = ScenarioValues.gfpMask(g.getString("gfp", "GFP_KERNEL"));
                long meanLife = g.getLong("lifetime_mean", 0);
                return events(start, stop, g.getDouble("rate", 0), random, () -> {
                    int order = pick(orders, random);
                    alloc(k, gfp, order, meanLife == 0 ? 0 : exponential(random, meanLife));
                });
            }
            case "slab": {
                boolean reclaimable = !Boolean.FALSE.equals(g.params().get("reclaimable"));
                Owner cache = new Owner(g.name(), 0, reclaimable ? "nr_slab_reclaimable" : "nr_slab_unreclaimable");
                slabs.put(g.name(), cache);
                int gfp = Gfp.GFP_KERNEL | (reclaimable ? Gfp.__GFP_RECLAIMABLE : 0);
                long meanLife = g.getLong("lifetime_mean", 0);
                return events(start, stop, g.getDouble("rate", 0), random,
                        () -> alloc(cache, gfp, 0, meanLife == 0 ? 0 : exponential(random, meanLife)));
            }
            case "thp": {
                Owner t = new Owner(g.name(), 0, "mmsim_basic_thp_pages");
                int gfp = ScenarioValues.gfpMask(g.getString("gfp", "GFP_TRANSHUGE_LIGHT"));
                long hold = g.getLong("hold", 0);
                return events(start, stop, g.getDouble("rate", 0), random, () -> {
                    if (alloc(t, gfp, HPAGE_ORDER, hold)) {
                        count("thp_fault_alloc", 1);
                    } else {
                        count("thp_fault_fallback", 1);
                    }
                });
            }
            default:
                return null;
        }
    }

    /** Pages an owner still lacks, allocated up to the budget; returns the pages allocated. */
    private long fill(Owner o, long budget, long target, boolean thp, long lifetime) {
        long done = 0;
        while (done < budget && o.pages < target) {
            long want = target - o.pages;
            if (thp && want >= (1 << HPAGE_ORDER)) {
                if (alloc(o, Gfp.GFP_TRANSHUGE_LIGHT, HPAGE_ORDER, lifetime)) {
                    count("thp_fault_alloc", 1);
                    count("nr_anon_transparent_hugepages", 1 << HPAGE_ORDER);
                    done += 1 << HPAGE_ORDER;
                    continue;
                }
                count("thp_fault_fallback", 1);
                note(now, "first THP fallback to base pages for " + o.name);
            }
            if (!alloc(o, Gfp.GFP_HIGHUSER_MOVABLE, 0, lifetime)) {
                break;
            }
            done++;
        }
        return done;
    }

    private interface Budgeted {
        long spend(long pages);
    }

    /** A byte-rate generator: from {@code start}, a page budget per tick (all at once when the rate is 0). */
    private static Driver paced(long start, long stop, double pagesPerSec, long target, Budgeted body) {
        double[] carry = {0};
        long[] total = {0};
        return (nowNs, tickNs) -> {
            if (nowNs < start || total[0] >= target || (stop > 0 && nowNs > stop)) {
                return;
            }
            long budget;
            if (pagesPerSec <= 0) {
                budget = target;
            } else {
                carry[0] += pagesPerSec * tickNs / 1e9;
                budget = (long) carry[0];
                carry[0] -= budget;
            }
            if (budget > 0) {
                long done = body.spend(budget);
                total[0] += done;
                if (done < budget) {
                    total[0] = target;
                }
            }
        };
    }

    /** A Poisson stream of events at {@code ratePerSec} between start and stop (0: to the end). */
    private static Driver events(long start, long stop, double ratePerSec, SplittableRandom random, Runnable event) {
        double[] nextAt = {start + exponential(random, 1e9 / Math.max(ratePerSec, 1e-9))};
        return (nowNs, tickNs) -> {
            if (ratePerSec <= 0) {
                return;
            }
            while (nextAt[0] <= nowNs && (stop == 0 || nextAt[0] <= stop)) {
                event.run();
                nextAt[0] += exponential(random, 1e9 / ratePerSec);
            }
        };
    }

    private static long exponential(SplittableRandom random, double mean) {
        return Math.max(1, Math.round(-Math.log(1 - random.nextDouble()) * mean));
    }

    private static int pick(Map<Integer, Double> weights, SplittableRandom random) {
        double total = 0;
        for (double w : weights.values()) {
            total += w;
        }
        double x = random.nextDouble() * total;
        int last = 0;
        for (Map.Entry<Integer, Double> e : weights.entrySet()) {
            last = e.getKey();
            x -= e.getValue();
            if (x < 0) {
                return last;
            }
        }
        return last;
    }

    /** The view the recorder reads. */
    private final class View implements SimulationView {
        @Override
        public BootedMachine booted() {
            return booted;
        }

        @Override
        public Map<String, Long> counters() {
            return java.util.Collections.unmodifiableMap(counters);
        }

        @Override
        public List<ProcessInfo> processes() {
            List<ProcessInfo> out = new ArrayList<>();
            for (Owner o : processes) {
                out.add(new ProcessInfo(o.pid, o.name, o.pages, 0));
            }
            return out;
        }

        @Override
        public Map<String, Long> slabPages() {
            Map<String, Long> out = new LinkedHashMap<>();
            for (Owner o : slabs.values()) {
                out.put(o.name, o.pages);
            }
            return out;
        }
    }
}
