package org.mmsim.kernel.vmalloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;
import org.mmsim.kernel.SimplePageSource;

/**
 * vmalloc/vfree/ioremap against a plain reference model of the address range: a list of busy and lazily freed
 * ranges, where a new area goes to the lowest page-aligned address whose whole range (guard page included) is
 * clear of both, the lazy ranges being released only by a purge (when vmap_lazy_nr passes lazy_max_pages(), or
 * when no space is left).
 */
class VmallocPropertyTest {
    private static final long START = 0xffffc90000000000L;
    private static final long PAGE = 4096;
    /** A 64 MiB vmalloc range, so that overflow, purge and failure all happen. */
    private static final VmallocRange SMALL = new VmallocRange(START, START + (64L << 20), 64, 12, 21, 30, true, 8);

    /** Reference: [start, end) pairs in a list, scanned by brute force. */
    static final class Reference {
        final List<long[]> busy = new ArrayList<>();
        final List<long[]> lazy = new ArrayList<>();
        long lazyNr;
        final long lazyMax = 8192;

        long alloc(long size) {
            long a = lowestFit(size);
            if (a == 0) {
                purge();
                a = lowestFit(size);
            }
            if (a != 0) {
                busy.add(new long[] {a, a + size});
            }
            return a;
        }

        private long lowestFit(long size) {
            List<long[]> taken = new ArrayList<>(busy);
            taken.addAll(lazy);
            taken.sort(Comparator.comparingLong(r -> r[0] - Long.MIN_VALUE));
            long cursor = START;
            for (long[] r : taken) {
                if (Long.compareUnsigned(r[0] - cursor, size) >= 0 && Long.compareUnsigned(r[0], cursor) >= 0) {
                    return cursor;
                }
                if (Long.compareUnsigned(r[1], cursor) > 0) {
                    cursor = r[1];
                }
            }
            return Long.compareUnsigned(SMALL.end() - cursor, size) >= 0 ? cursor : 0;
        }

        void free(long addr) {
            long[] r = busy.stream().filter(b -> b[0] == addr).findFirst().orElseThrow();
            busy.remove(r);
            lazy.add(r);
            lazyNr += (r[1] - r[0]) / PAGE;
            if (lazyNr > lazyMax) {
                purge();
            }
        }

        void purge() {
            lazy.clear();
            lazyNr = 0;
        }
    }

    @Provide
    Arbitrary<List<Tuple3<Integer, Integer, Integer>>> ops() {
        // (kind 0..4: vmalloc, vmalloc, ioremap of one page, vfree, vfree), pages 1..512, victim index
        return Arbitraries.integers().between(0, 4)
                .flatMap(k -> Arbitraries.integers().between(1, 512)
                        .flatMap(p -> Arbitraries.integers().between(0, 1000).map(v -> Tuple.of(k, p, v))))
                .list().ofMinSize(1).ofMaxSize(80);
    }

    @Property(tries = 150, seed = "20261125")
    void areasAreDisjointGuardedAndLowestFirst(@ForAll("ops") List<Tuple3<Integer, Integer, Integer>> ops) {
        Vmalloc vm = new Vmalloc(SMALL, SimplePageSource.ofBytes(1L << 32), null, new int[] {0}, 1);
        Reference ref = new Reference();
        List<long[]> live = new ArrayList<>();
        for (Tuple3<Integer, Integer, Integer> op : ops) {
            int kind = op.get1();
            long bytes = op.get2() * PAGE;
            if (kind >= 3 && !live.isEmpty()) {
                long[] victim = live.remove(op.get3() % live.size());
                if (victim[1] == 1) {
                    vm.iounmap(victim[0]);
                } else {
                    vm.vfree(victim[0]);
                }
                ref.free(victim[0]);
            } else if (kind >= 2) {
                long a = vm.ioremap(0xfed00000L, PAGE, "ioremap_test");
                assertThat(a).isEqualTo(ref.alloc(2 * PAGE));
                if (a != 0) {
                    live.add(new long[] {a, 1});
                }
            } else {
                long a = vm.vmalloc(bytes, "vmalloc_test");
                assertThat(a).isEqualTo(ref.alloc(bytes + PAGE));
                if (a != 0) {
                    live.add(new long[] {a, 0});
                }
            }
            checkInvariants(vm, ref);
        }
    }

    private static void checkInvariants(Vmalloc vm, Reference ref) {
        long[] busy = vm.busyRanges();
        List<long[]> expected = new ArrayList<>(ref.busy);
        expected.sort(Comparator.comparingLong(r -> r[0] - Long.MIN_VALUE));
        assertThat(busy.length / 2).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(busy[2 * i]).isEqualTo(expected.get(i)[0]);
            assertThat(busy[2 * i + 1]).isEqualTo(expected.get(i)[1]);
            if (i > 0) {
                assertThat(Long.compareUnsigned(busy[2 * i - 1], busy[2 * i])).isLessThanOrEqualTo(0);
            }
        }
        assertThat(vm.vmapLazyNr()).isEqualTo(ref.lazyNr);
        // free, busy and lazy ranges never overlap, and together they tile the vmalloc range
        long covered = 0;
        long[] free = vm.freeRanges();
        long[] lazy = vm.purgeRanges();
        List<long[]> all = new ArrayList<>();
        for (int i = 0; i < busy.length; i += 2) {
            all.add(new long[] {busy[i], busy[i + 1]});
        }
        for (int i = 0; i < lazy.length; i += 2) {
            all.add(new long[] {lazy[i], lazy[i + 1]});
        }
        for (int i = 0; i < free.length; i += 2) {
            long s = Math.max(free[i] - Long.MIN_VALUE, START - Long.MIN_VALUE) + Long.MIN_VALUE;
            long e = Math.min(free[i + 1] - Long.MIN_VALUE, SMALL.end() - Long.MIN_VALUE) + Long.MIN_VALUE;
            if (Long.compareUnsigned(s, e) < 0) {
                all.add(new long[] {s, e});
            }
        }
        all.sort(Comparator.comparingLong(r -> r[0] - Long.MIN_VALUE));
        long cursor = START;
        for (long[] r : all) {
            assertThat(r[0]).isEqualTo(cursor);
            cursor = r[1];
            covered += r[1] - r[0];
        }
        assertThat(covered).isEqualTo(SMALL.end() - START);
    }
}
