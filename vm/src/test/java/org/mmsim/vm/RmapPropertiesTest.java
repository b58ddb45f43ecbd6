package org.mmsim.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random faults, forks, exits, munmaps and mremaps of a few processes, interleaved with what reclaim and
 * compaction do through rmap (migrating, ageing and swapping out random pages), checked after every step: each
 * page's mapcount equals the PTEs that map it across all processes, its refcount is at least that, a migration
 * renames the page in every mapping and leaves none on the old one, and pages shared before a migration are
 * still shared after it.
 */
class RmapPropertiesTest {
    private static final int RW = Mman.PROT_READ | Mman.PROT_WRITE;
    private static final long PS = 4096;
    private static final int REGION = 64;

    private record Region(Process p, long start) {
    }

    @Property(tries = 40, seed = "20261125")
    void rmapKeepsMappingsConsistent(@ForAll long seed) {
        VmSystem sys = VmSystem.simple(Paging.X86_64, 1 << 14);
        sys.thp().enabled = ThpSettings.Enabled.NEVER;
        SplittableRandom r = new SplittableRandom(seed);
        List<Region> regions = new ArrayList<>();
        List<Process> live = new ArrayList<>();
        Process first = sys.newProcess();
        live.add(first);
        regions.add(new Region(first, first.mmap(REGION * PS, RW, Mman.MAP_PRIVATE)));
        for (int step = 0; step < 300; step++) {
            int kind = r.nextInt(100);
            Region g = regions.get(r.nextInt(regions.size()));
            if (kind < 40) {
                g.p().touch(g.start() + r.nextInt(REGION) * PS, r.nextInt(4) != 0);
            } else if (kind < 45 && live.size() < 4) {
                Process child = g.p().fork();
                if (child != null) {
                    live.add(child);
                    for (Region x : new ArrayList<>(regions)) {
                        if (x.p() == g.p()) {
                            regions.add(new Region(child, x.start()));
                        }
                    }
                }
            } else if (kind < 48 && live.size() > 1) {
                Process victim = live.remove(r.nextInt(live.size()));
                victim.exit();
                regions.removeIf(x -> x.p() == victim);
            } else if (kind < 52) {
                g.p().munmap(g.start() + r.nextInt(REGION) * PS, (1 + r.nextInt(4)) * PS);
            } else if (kind < 55) {
                Process p = g.p();
                long moved = p.mremap(g.start(), REGION * PS, REGION * PS, Mman.MREMAP_MAYMOVE | Mman.MREMAP_FIXED,
                        g.start() + (1L << 30));
                if (moved > 0) {
                    regions.remove(g);
                    regions.add(new Region(p, moved));
                }
            } else {
                List<Long> mapped = mappedPfns(regions);
                if (mapped.isEmpty()) {
                    continue;
                }
                long pfn = mapped.get(r.nextInt(mapped.size()));
                if (kind < 80) {
                    migrate(sys, regions, pfn);
                } else if (kind < 90) {
                    sys.folioReferenced(pfn);
                } else {
                    sys.swapOut(pfn);
                }
            }
            checkMapcounts(sys, regions);
        }
    }

    private static void migrate(VmSystem sys, List<Region> regions, long src) {
        Map<String, Long> before = mappings(regions);
        long dst = sys.phys().allocPages(0, 0);
        if (dst < 0) {
            return;
        }
        if (!sys.migrate(src, dst)) {
            sys.phys().freePages(dst, 0);
            return;
        }
        sys.phys().freePages(src, 0);
        Map<String, Long> after = mappings(regions);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (Map.Entry<String, Long> e : before.entrySet()) {
            long expected = e.getValue() == src ? dst : e.getValue();
            assertThat(after.get(e.getKey())).as("mapping %s after migrating 0x%x", e.getKey(), src).isEqualTo(expected);
        }
        assertThat(sys.refs().refcount(src)).isZero();
    }

    /** (process, address) -> pfn of every present, non-special mapping. */
    private static Map<String, Long> mappings(List<Region> regions) {
        Map<String, Long> out = new HashMap<>();
        for (Region g : regions) {
            for (int i = 0; i < REGION; i++) {
                long addr = g.start() + i * PS;
                long e = g.p().mm().leafEntry(addr);
                if (e != 0 && g.p().mm().sys.fmt.isPresent(e) && !g.p().mm().sys.fmt.isSpecial(e)) {
                    out.put(System.identityHashCode(g.p()) + "@" + addr, g.p().mm().pfnAt(addr));
                }
            }
        }
        return out;
    }

    private static List<Long> mappedPfns(List<Region> regions) {
        return new ArrayList<>(new java.util.TreeSet<>(mappings(regions).values()));
    }

    private static void checkMapcounts(VmSystem sys, List<Region> regions) {
        Map<Long, Integer> count = new HashMap<>();
        for (long pfn : mappings(regions).values()) {
            count.merge(pfn, 1, Integer::sum);
        }
        for (Map.Entry<Long, Integer> e : count.entrySet()) {
            assertThat(sys.refs().pteMapcount(e.getKey())).as("mapcount of 0x%x", e.getKey()).isEqualTo(e.getValue());
            assertThat(sys.refs().refcount(e.getKey())).isGreaterThanOrEqualTo(e.getValue());
        }
    }
}
