package org.mmsim.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random mmap/munmap/mprotect/mremap/touch sequences in a 256-page window: VMAs stay sorted, page aligned,
 * non-overlapping, no two adjacent VMAs remain that 6.1's vma_merge() rules would merge (for never-faulted
 * VMAs), and RSS, page-table pages and pages taken from PhysPages agree with a plain reference: the set of
 * written pages still mapped (moved along by mremap).
 */
class VmaOpsPropertiesTest {
    static final long PS = 4096;
    static final long BASE = 0x10000000L;

    /** One random operation: kind, page, pages, prot, extra. */
    record Op(int kind, int page, int pages, int prot, int extra) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 200),
                Arbitraries.integers().between(1, 24), Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 200))
                .as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(60);
    }

    static int prot(int p) {
        return new int[] {Mman.PROT_READ, Mman.PROT_READ | Mman.PROT_WRITE, Mman.PROT_NONE,
            Mman.PROT_READ | Mman.PROT_WRITE}[p];
    }

    @Property(tries = 150, seed = "20261125")
    void vmaStructureWithoutFaults(@ForAll("ops") List<Op> ops) {
        VmSystem sys = VmSystem.simple(Paging.X86_64, 1 << 12);
        Mm mm = sys.newProcess().mm();
        for (Op o : ops) {
            apply(mm, o, null, false);
            checkStructure(mm, true);
        }
    }

    @Property(tries = 150, seed = "20261125")
    void pageCountsMatchReference(@ForAll("ops") List<Op> ops) {
        VmSystem sys = VmSystem.simple(Paging.X86_64, 1 << 13);
        sys.thp().enabled = ThpSettings.Enabled.NEVER;
        Mm mm = sys.newProcess().mm();
        TreeSet<Long> resident = new TreeSet<>();
        SimplePhysPages phys = (SimplePhysPages) sys.phys();
        for (Op o : ops) {
            apply(mm, o, resident, true);
            checkStructure(mm, false);
            assertThat(mm.rss()).isEqualTo(resident.size());
            assertThat(phys.allocatedPages()).isEqualTo(1 + sys.tables().tablePagesAllocated() + mm.rss());
            assertThat(sys.tables().tablePagesAllocated()).isEqualTo(mm.pageTablePagesWithPgd());
            assertThat(countTables(mm, mm.pgdTable(), 0)).isEqualTo(mm.pgtablesPages());
            for (long a : resident) {
                assertThat(mm.pfnAt(a)).isNotEqualTo(-1);
            }
        }
        for (Vma v : mm.vmas()) {
            mm.munmap(v.start(), v.end() - v.start());
        }
        assertThat(mm.mapCount()).isZero();
        assertThat(mm.pgtablesPages()).isZero();
        assertThat(phys.allocatedPages()).isEqualTo(1 + 2);
    }

    private static long countTables(Mm mm, int id, int level) {
        if (level == 3) {
            return 0;
        }
        long n = 0;
        long[] t = mm.sys.tables.entries(id);
        for (long e : t) {
            if (mm.f.isTable(e)) {
                n += 1 + countTables(mm, mm.sys.tables.tableAt(mm.f.pfn(e)), level + 1);
            }
        }
        return n;
    }

    private static void apply(Mm mm, Op o, TreeSet<Long> resident, boolean faults) {
        long addr = BASE + o.page() * PS;
        long len = o.pages() * PS;
        switch (o.kind()) {
            case 0: {
                long r = mm.mmap(addr, len, prot(o.prot()), Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED, null, 0);
                assertThat(r).isEqualTo(addr);
                clear(resident, addr, addr + len);
                break;
            }
            case 1:
                assertThat(mm.munmap(addr, len)).isZero();
                clear(resident, addr, addr + len);
                break;
            case 2:
                mm.mprotect(addr, len, prot(o.prot()));
                break;
            case 3:
                mremap(mm, o, addr, len, resident);
                break;
            default:
                if (faults) {
                    for (long a = addr; a < addr + Math.min(len, 8 * PS); a += PS) {
                        Vma v = mm.vmaLookup(a);
                        boolean write = o.prot() != 0;
                        int r = mm.touch(a, write);
                        if (v == null || (write && (v.flags() & VmFlags.VM_WRITE) == 0)
                                || (!write && (v.flags() & VmFlags.VM_ACCESS_FLAGS) == 0)) {
                            assertThat(r).isEqualTo(1);
                        } else {
                            assertThat(r).isZero();
                            if (write && resident != null) {
                                resident.add(a);
                            }
                        }
                    }
                }
        }
    }

    private static void mremap(Mm mm, Op o, long addr, long len, TreeSet<Long> resident) {
        Vma v = mm.vmaLookup(addr);
        if (v == null || addr + len > v.end()) {
            return;
        }
        long newLen = (1 + o.extra() % 24) * PS;
        if (o.prot() == 0) {
            long dest = BASE + (o.extra() + 60) * PS;
            if (addr + len > dest && dest + newLen > addr) {
                return;
            }
            long r = mm.mremap(addr, len, newLen, Mman.MREMAP_MAYMOVE | Mman.MREMAP_FIXED, dest);
            assertThat(r).isEqualTo(dest);
            clear(resident, dest, dest + newLen);
            long moveLen = Math.min(len, newLen);
            if (len > newLen) {
                clear(resident, addr + newLen, addr + len);
            }
            move(resident, addr, dest, moveLen);
            return;
        }
        long r = mm.mremap(addr, len, newLen, Mman.MREMAP_MAYMOVE, 0);
        assertThat(Mman.isError(r)).isFalse();
        if (newLen <= len) {
            clear(resident, addr + newLen, addr + len);
        } else if (r != addr) {
            move(resident, addr, r, len);
        }
    }

    private static void move(TreeSet<Long> resident, long from, long to, long len) {
        if (resident == null) {
            return;
        }
        TreeSet<Long> moved = new TreeSet<>();
        for (Long a : resident.subSet(from, from + len)) {
            moved.add(to + (a - from));
        }
        clear(resident, from, from + len);
        resident.addAll(moved);
    }

    private static void clear(TreeSet<Long> resident, long from, long to) {
        if (resident != null) {
            resident.subSet(from, to).clear();
        }
    }

    private static void checkStructure(Mm mm, boolean noFaults) {
        List<Vma> vs = mm.vmas();
        for (int i = 0; i < vs.size(); i++) {
            Vma v = vs.get(i);
            assertThat(v.start()).isLessThan(v.end());
            assertThat(v.start() % PS).isZero();
            assertThat(v.end() % PS).isZero();
            if (i > 0) {
                Vma p = vs.get(i - 1);
                assertThat(p.end()).isLessThanOrEqualTo(v.start());
                if (noFaults && p.end() == v.start()) {
                    boolean mergeable = Mm.isMergeableVma(p, v.file(), v.flags())
                            && Mm.isMergeableAnonVma(p.anonVma(), v.anonVma(), null)
                            && p.pgoff() + p.pages() == v.pgoff();
                    assertThat(mergeable).as("unmerged neighbours %s %s", p, v).isFalse();
                }
            }
        }
    }
}
