package org.mmsim.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmsim.vm.VmFlags.VM_ACCOUNT;
import static org.mmsim.vm.VmFlags.VM_MAYEXEC;
import static org.mmsim.vm.VmFlags.VM_MAYREAD;
import static org.mmsim.vm.VmFlags.VM_MAYWRITE;
import static org.mmsim.vm.VmFlags.VM_READ;
import static org.mmsim.vm.VmFlags.VM_WRITE;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * VMA merge and split cases ported from the kernel's tools/testing/vma/vma.c (torvalds/linux, 6.12+) and
 * tools/testing/selftests/vm/mremap_test.c (6.1), named after the kernel's test and sub-case. The newer
 * tests drive vma_merge_new_range()/vma_merge_existing_range(); in 6.1 the same situations arise through
 * mmap_region() (new range) and mprotect_fixup() -> vma_merge() (existing range), which these ports call.
 * Where 6.1's rules give a different outcome than the newer kernel expects, the test is suffixed
 * "_6_1" and asserts 6.1's outcome, worked out from 6.1 mm/mmap.c:
 * - is_mergeable_vma() refuses any VMA with vm_ops->close (newer kernels only refuse to delete one);
 * - is_mergeable_anon_vma() lets a VMA without anon_vma absorb an anon_vma only if its anon_vma_chain is
 *   singular, and a VMA without anon_vma has an empty chain: so a faulted VMA never merges into an
 *   unfaulted neighbour (the newer tests give such neighbours a fake singular chain);
 * - mmap_region() tries next first and then prev with next's anon_vma, so with incompatible anon_vmas on
 *   both sides it extends next, where vma_merge_new_range() extends prev.
 * Addresses start at 0 as in vma.c (linkVma() inserts without the mmap checks).
 */
class VmaMergeTest {
    /** The flags of vma.c's tests plus VM_MAYEXEC and VM_ACCOUNT so that mmap()'d anonymous VMAs match. */
    static final long FL = VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC | VM_ACCOUNT;
    /** Read-only variant: mprotect(PROT_READ|PROT_WRITE) turns it into FL (VM_ACCOUNT kept). */
    static final long RO = FL & ~VM_WRITE;
    static final int RW = Mman.PROT_READ | Mman.PROT_WRITE;

    VmSystem sys;
    Mm mm;

    @BeforeEach
    void setUp() {
        sys = VmSystem.simple(Paging.X86_64, 1 << 14);
        mm = sys.newProcess().mm();
    }

    Vma link(long start, long end, long pgoff, long flags) {
        return mm.linkVma(start, end, pgoff, flags, null);
    }

    void assertVma(Vma v, long start, long end, long pgoff) {
        assertThat(v.start()).as("start").isEqualTo(start);
        assertThat(v.end()).as("end").isEqualTo(end);
        assertThat(v.pgoff()).as("pgoff").isEqualTo(pgoff);
    }

    void assertLayout(long... startEndPgoff) {
        List<Vma> vs = mm.vmas();
        assertThat(vs).hasSize(startEndPgoff.length / 3);
        for (int i = 0; i < vs.size(); i++) {
            assertVma(vs.get(i), startEndPgoff[3 * i], startEndPgoff[3 * i + 1], startEndPgoff[3 * i + 2]);
        }
    }

    /** merge_new() of vma.c for 6.1: vma_merge() with prev = the VMA before start, else link a new VMA. */
    Vma mergeNew(long start, long end, long pgoff) {
        Vma m = mm.vmaMerge(mm.prevForAddr(start), start, end, FL, null, null, pgoff);
        return m != null ? m : link(start, end, pgoff, FL);
    }

    /** mmap_region() at a fixed address: the 6.1 path of a new anonymous mapping (pgoff = addr >> 12). */
    long mmapFixed(long start, long len) {
        return mm.mmap(start, len, RW, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED, null, 0);
    }

    // ---- simple_* ---------------------------------------------------------------------------------------

    @Test
    void simple_merge() {
        link(0, 0x1000, 0, FL);
        link(0x2000, 0x3000, 2, FL);
        Vma v = mm.vmaMerge(mm.prevForAddr(0x1000), 0x1000, 0x2000, FL, null, null, 1);
        assertThat(v).isNotNull();
        assertVma(v, 0, 0x3000, 0);
        assertThat(v.flags()).isEqualTo(FL);
        assertThat(mm.mapCount()).isEqualTo(1);
    }

    @Test
    void simple_modify() {
        link(0, 0x3000, 0, FL);
        assertThat(mm.mprotect(0x1000, 0x1000, Mman.PROT_READ)).isZero();
        assertLayout(0, 0x1000, 0, 0x1000, 0x2000, 1, 0x2000, 0x3000, 2);
        assertThat(mm.vmas().get(1).flags()).isEqualTo(RO);
    }

    @Test
    void simple_expand() {
        link(0, 0x1000, 0, FL);
        assertThat(mm.mremap(0, 0x1000, 0x3000, 0, 0)).isZero();
        assertLayout(0, 0x3000, 0);
    }

    @Test
    void simple_shrink() {
        link(0, 0x3000, 0, FL);
        assertThat(mm.mremap(0, 0x3000, 0x1000, 0, 0)).isZero();
        assertLayout(0, 0x1000, 0);
    }

    // ---- merge_new --------------------------------------------------------------------------------------

    /**
     * vma.c test_merge_new with A, B, C, D sharing one anon_vma (as pieces split from one faulted VMA):
     * the kernel's sequence and expected layout after every step hold in 6.1. (vma.c sets vm_ops->close on
     * A and D "with no impact"; in 6.1 it would block the merges, see vma_merge_new_with_close_6_1.)
     */
    @Test
    void merge_new() {
        AnonVma av = new AnonVma();
        Vma a = link(0, 0x2000, 0, FL);
        Vma b = link(0x3000, 0x4000, 3, FL);
        Vma c = link(0xb000, 0xc000, 0xb, FL);
        a.setAnonVma(av, 1);
        Vma d = mergeNew(0x7000, 0x9000, 7);
        assertThat(mm.mapCount()).isEqualTo(4);
        d.setAnonVma(av, 1);
        b.setAnonVma(av, 1);
        c.setAnonVma(av, 1);
        // Merge BOTH sides: AA*B -> A absorbs B
        Vma v = mergeNew(0x2000, 0x3000, 2);
        assertThat(v).isSameAs(a);
        assertVma(v, 0, 0x4000, 0);
        assertThat(mm.mapCount()).isEqualTo(3);
        // Merge to PREVIOUS
        v = mergeNew(0x4000, 0x5000, 4);
        assertThat(v).isSameAs(a);
        assertVma(v, 0, 0x5000, 0);
        // Merge to NEXT
        v = mergeNew(0x6000, 0x7000, 6);
        assertThat(v).isSameAs(d);
        assertVma(v, 0x6000, 0x9000, 6);
        assertThat(mm.mapCount()).isEqualTo(3);
        // Merge BOTH sides: A absorbs D
        v = mergeNew(0x5000, 0x6000, 5);
        assertThat(v).isSameAs(a);
        assertVma(v, 0, 0x9000, 0);
        assertThat(mm.mapCount()).isEqualTo(2);
        // Merge to NEXT: prepend C
        v = mergeNew(0xa000, 0xb000, 0xa);
        assertThat(v).isSameAs(c);
        assertVma(v, 0xa000, 0xc000, 0xa);
        // Merge BOTH sides: A absorbs C
        v = mergeNew(0x9000, 0xa000, 9);
        assertThat(v).isSameAs(a);
        assertLayout(0, 0xc000, 0);
        assertThat(v.anonVma()).isSameAs(av);
    }

    /**
     * vma.c test_merge_new's first "Merge BOTH sides" step with A never faulted (no anon_vma, empty chain)
     * and B faulted: 6.1's mmap_region() merges with next (B is singular) but then refuses prev, because
     * is_mergeable_anon_vma(B's anon_vma, NULL, A) needs A's chain to be singular. B grows down instead.
     */
    @Test
    void merge_new_unfaulted_prev_6_1() {
        link(0, 0x2000, 0, FL);
        Vma b = link(0x3000, 0x4000, 3, FL);
        b.setAnonVma(new AnonVma(), 1);
        assertThat(mmapFixed(0x2000, 0x1000)).isEqualTo(0x2000);
        assertLayout(0, 0x2000, 0, 0x2000, 0x4000, 2);
        assertThat(mm.vmas().get(1)).isSameAs(b);
    }

    // ---- special flags and vm_ops->close ---------------------------------------------------------------

    @Test
    void vma_merge_special_flags() {
        long[] special = {VmFlags.VM_IO, VmFlags.VM_DONTEXPAND, VmFlags.VM_PFNMAP, VmFlags.VM_MIXEDMAP};
        long all = 0;
        for (long s : special) {
            all |= s;
        }
        assertThat(all).isEqualTo(VmFlags.VM_SPECIAL);
        Vma left = link(0, 0x3000, 0, FL);
        for (long s : special) {
            left.flags = FL | s;
            assertThat(mm.vmaMerge(left, 0x3000, 0x4000, FL | s, null, null, 3)).isNull();
        }
        Vma v = link(0x3000, 0x4000, 3, FL);
        for (long s : special) {
            left.flags = FL | s;
            assertThat(mm.vmaMerge(left, 0x3000, 0x4000, FL | s, v.anonVma(), null, 3)).isNull();
        }
        assertThat(mm.mapCount()).isEqualTo(2);
    }

    /** vma.c test_vma_merge_with_close, PPP**NNNN with close on next: prev grows, next stays (same in 6.1). */
    @Test
    void vma_merge_with_close_new_next_has_close() {
        Vma prev = link(0, 0x3000, 0, FL);
        Vma next = link(0x5000, 0x9000, 5, FL);
        next.setCloseOp(true);
        assertThat(mmapFixed(0x3000, 0x2000)).isEqualTo(0x3000);
        assertLayout(0, 0x5000, 0, 0x5000, 0x9000, 5);
        assertThat(mm.vmas().get(0)).isSameAs(prev);
    }

    /**
     * vma.c PPPVV with close on V: the newer kernel refuses (a VMA with close is never deleted). 6.1's
     * vma_merge() checks close only on prev and next, so case 7 deletes V and prev covers [0, 0x5000).
     */
    @Test
    void vma_merge_with_close_existing_vma_has_close_6_1() {
        link(0, 0x3000, 0, FL);
        Vma v = link(0x3000, 0x5000, 3, RO);
        v.setCloseOp(true);
        assertThat(mm.mprotect(0x3000, 0x2000, RW)).isZero();
        assertLayout(0, 0x5000, 0);
    }

    /** vma.c VVNNNN with close on V: newer refuses; 6.1 case 8 removes V and N grows down to 0x3000. */
    @Test
    void vma_merge_with_close_existing_vma_has_close_next_6_1() {
        Vma v = link(0x3000, 0x5000, 3, RO);
        Vma n = link(0x5000, 0x9000, 5, FL);
        v.setCloseOp(true);
        assertThat(mm.mprotect(0x3000, 0x2000, RW)).isZero();
        assertLayout(0x3000, 0x9000, 3);
        assertThat(mm.vmas().get(0)).isSameAs(n);
    }

    /** vma.c PPPVVNNNN with close on V: newer refuses; 6.1 case 6 merges all three into prev. */
    @Test
    void vma_merge_with_close_existing_both_vma_has_close_6_1() {
        link(0, 0x3000, 0, FL);
        Vma v = link(0x3000, 0x5000, 3, RO);
        link(0x5000, 0x9000, 5, FL);
        v.setCloseOp(true);
        assertThat(mm.mprotect(0x3000, 0x2000, RW)).isZero();
        assertLayout(0, 0x9000, 0);
    }

    /** vma.c PPPVVNNNN with close on N: reduced to prev+vma, N stays (same in 6.1: can_vma_merge_before fails). */
    @Test
    void vma_merge_with_close_existing_both_next_has_close() {
        link(0, 0x3000, 0, FL);
        link(0x3000, 0x5000, 3, RO);
        Vma n = link(0x5000, 0x9000, 5, FL);
        n.setCloseOp(true);
        assertThat(mm.mprotect(0x3000, 0x2000, RW)).isZero();
        assertLayout(0, 0x5000, 0, 0x5000, 0x9000, 5);
    }

    /** vma.c test_vma_merge_new_with_close: newer extends prev; in 6.1 both neighbours refuse, a new VMA. */
    @Test
    void vma_merge_new_with_close_6_1() {
        link(0, 0x2000, 0, FL).setCloseOp(true);
        link(0x5000, 0x7000, 5, FL).setCloseOp(true);
        assertThat(mmapFixed(0x2000, 0x3000)).isEqualTo(0x2000);
        assertLayout(0, 0x2000, 0, 0x2000, 0x5000, 2, 0x5000, 0x7000, 5);
    }

    // ---- merge_existing -----------------------------------------------------------------------------------

    /** vma.c merge_existing "Merge right case - partial span", N sharing V's anon_vma: VNNNNNN (case 4). */
    @Test
    void merge_existing_right_partial() {
        AnonVma av = new AnonVma();
        Vma v = link(0x2000, 0x6000, 2, RO);
        Vma n = link(0x6000, 0x9000, 6, FL);
        v.setAnonVma(av, 1);
        n.setAnonVma(av, 1);
        assertThat(mm.mprotect(0x3000, 0x3000, RW)).isZero();
        assertLayout(0x2000, 0x3000, 2, 0x3000, 0x9000, 3);
        assertThat(mm.vmas().get(1)).isSameAs(n);
        assertThat(n.anonVma()).isSameAs(av);
    }

    /** The same with N never faulted (vma.c's setting): 6.1 refuses (N's chain is empty), V is split. */
    @Test
    void merge_existing_right_partial_unfaulted_next_6_1() {
        Vma v = link(0x2000, 0x6000, 2, RO);
        link(0x6000, 0x9000, 6, FL);
        v.setAnonVma(new AnonVma(), 1);
        assertThat(mm.mprotect(0x3000, 0x3000, RW)).isZero();
        assertLayout(0x2000, 0x3000, 2, 0x3000, 0x6000, 3, 0x6000, 0x9000, 6);
    }

    /** vma.c "Merge right case - full span" with a shared anon_vma: NNNNNNN (case 8), V deleted. */
    @Test
    void merge_existing_right_full() {
        AnonVma av = new AnonVma();
        link(0x2000, 0x6000, 2, RO).setAnonVma(av, 1);
        Vma n = link(0x6000, 0x9000, 6, FL);
        n.setAnonVma(av, 1);
        assertThat(mm.mprotect(0x2000, 0x4000, RW)).isZero();
        assertLayout(0x2000, 0x9000, 2);
        assertThat(mm.vmas().get(0)).isSameAs(n);
    }

    /** vma.c "Merge right case - full span" as written (N unfaulted): 6.1 leaves two VMAs with equal flags. */
    @Test
    void merge_existing_right_full_unfaulted_next_6_1() {
        link(0x2000, 0x6000, 2, RO).setAnonVma(new AnonVma(), 1);
        link(0x6000, 0x9000, 6, FL);
        assertThat(mm.mprotect(0x2000, 0x4000, RW)).isZero();
        assertLayout(0x2000, 0x6000, 2, 0x6000, 0x9000, 6);
    }

    /** vma.c "Merge left case - partial span" with a shared anon_vma: PPPPPPV (case 5). */
    @Test
    void merge_existing_left_partial() {
        AnonVma av = new AnonVma();
        Vma p = link(0, 0x3000, 0, FL);
        p.setAnonVma(av, 1);
        Vma v = link(0x3000, 0x7000, 3, RO);
        v.setAnonVma(av, 1);
        assertThat(mm.mprotect(0x3000, 0x3000, RW)).isZero();
        assertLayout(0, 0x6000, 0, 0x6000, 0x7000, 6);
        assertThat(mm.vmas().get(0)).isSameAs(p);
        assertThat(mm.vmas().get(1)).isSameAs(v);
    }

    /** vma.c "Merge left case - partial span" as written (P unfaulted): 6.1 splits V instead. */
    @Test
    void merge_existing_left_partial_unfaulted_prev_6_1() {
        link(0, 0x3000, 0, FL);
        link(0x3000, 0x7000, 3, RO).setAnonVma(new AnonVma(), 1);
        assertThat(mm.mprotect(0x3000, 0x3000, RW)).isZero();
        assertLayout(0, 0x3000, 0, 0x3000, 0x6000, 3, 0x6000, 0x7000, 6);
    }

    /** vma.c "Merge left case - full span" with a shared anon_vma: PPPPPPP (case 7). */
    @Test
    void merge_existing_left_full() {
        AnonVma av = new AnonVma();
        link(0, 0x3000, 0, FL).setAnonVma(av, 1);
        link(0x3000, 0x7000, 3, RO).setAnonVma(av, 1);
        assertThat(mm.mprotect(0x3000, 0x4000, RW)).isZero();
        assertLayout(0, 0x7000, 0);
    }

    /** vma.c "Merge both case" with a shared anon_vma: PPPPPPPPPP (case 6). */
    @Test
    void merge_existing_both() {
        AnonVma av = new AnonVma();
        link(0, 0x3000, 0, FL).setAnonVma(av, 1);
        link(0x3000, 0x7000, 3, RO).setAnonVma(av, 1);
        link(0x7000, 0x9000, 7, FL).setAnonVma(av, 1);
        assertThat(mm.mprotect(0x3000, 0x4000, RW)).isZero();
        assertLayout(0, 0x9000, 0);
        assertThat(mm.vmas().get(0).anonVma()).isSameAs(av);
    }

    /** vma.c "Merge both case" as written (only V faulted): 6.1 merges nothing, V just changes flags. */
    @Test
    void merge_existing_both_unfaulted_neighbours_6_1() {
        link(0, 0x3000, 0, FL);
        link(0x3000, 0x7000, 3, RO).setAnonVma(new AnonVma(), 1);
        link(0x7000, 0x9000, 7, FL);
        assertThat(mm.mprotect(0x3000, 0x4000, RW)).isZero();
        assertLayout(0, 0x3000, 0, 0x3000, 0x7000, 3, 0x7000, 0x9000, 7);
    }

    /** vma.c merge_existing "Non-merge ranges": a range strictly inside V never merges (vma_merge -> NULL). */
    @Test
    void merge_existing_non_merge_ranges() {
        link(0, 0x3000, 0, FL);
        Vma v = link(0x3000, 0x8000, 3, FL);
        link(0x8000, 0xa000, 8, FL);
        long[][] ranges = {{0x4000, 0x5000}, {0x5000, 0x6000}, {0x6000, 0x7000}, {0x4000, 0x7000},
            {0x4000, 0x6000}, {0x5000, 0x6000}};
        for (long[] r : ranges) {
            long pgoff = v.pgoff() + ((r[0] - v.start()) >>> 12);
            assertThat(mm.vmaMerge(v, r[0], r[1], FL, null, null, pgoff)).isNull();
        }
        assertLayout(0, 0x3000, 0, 0x3000, 0x8000, 3, 0x8000, 0xa000, 8);
    }

    // ---- anon_vma rules -----------------------------------------------------------------------------------

    /** vma.c test_anon_vma_non_mergeable, existing: prev and next with different anon_vmas -> PPPPPPPNNN. */
    @Test
    void anon_vma_non_mergeable_existing() {
        link(0, 0x3000, 0, FL).setAnonVma(new AnonVma(), 1);
        link(0x3000, 0x7000, 3, RO);
        link(0x7000, 0x9000, 7, FL).setAnonVma(new AnonVma(), 1);
        assertThat(mm.mprotect(0x3000, 0x4000, RW)).isZero();
        assertLayout(0, 0x7000, 0, 0x7000, 0x9000, 7);
    }

    /**
     * vma.c test_anon_vma_non_mergeable, new VMA in the gap: the newer kernel extends prev (PPPPPPPNNN). 6.1's
     * mmap_region() checks next first (mergeable), then prev against next's anon_vma (different), so it
     * extends next down: PPPNNNNNNN with next's pgoff 7 - 4 = 3.
     */
    @Test
    void anon_vma_non_mergeable_new_6_1() {
        link(0, 0x3000, 0, FL).setAnonVma(new AnonVma(), 1);
        Vma n = link(0x7000, 0x9000, 7, FL);
        n.setAnonVma(new AnonVma(), 1);
        assertThat(mmapFixed(0x3000, 0x4000)).isEqualTo(0x3000);
        assertLayout(0, 0x3000, 0, 0x3000, 0x9000, 3);
        assertThat(mm.vmas().get(1)).isSameAs(n);
    }

    /** A forked (non-singular chain) prev refuses a new unfaulted neighbour in 6.1 and newer kernels alike. */
    @Test
    void anon_vma_non_mergeable_forked_prev() {
        link(0, 0x3000, 0, FL).setAnonVma(new AnonVma(), 2);
        assertThat(mmapFixed(0x3000, 0x1000)).isEqualTo(0x3000);
        assertLayout(0, 0x3000, 0, 0x3000, 0x4000, 3);
    }

    /** vma.c test_dup_anon_vma "next has anon_vma, we assign to prev": prev, vma, next -> prev, anon from next. */
    @Test
    void dup_anon_vma_next_has_anon_vma() {
        link(0, 0x3000, 0, FL);
        link(0x3000, 0x5000, 3, RO);
        AnonVma av = new AnonVma();
        link(0x5000, 0x8000, 5, FL).setAnonVma(av, 1);
        assertThat(mm.mprotect(0x3000, 0x2000, RW)).isZero();
        assertLayout(0, 0x8000, 0);
        assertThat(mm.vmas().get(0).anonVma()).isSameAs(av);
    }

    /** vma.c test_dup_anon_vma "vma has anon_vma, we assign to prev" (3 VMAs): 6.1 cannot merge (prev's chain empty). */
    @Test
    void dup_anon_vma_vma_has_anon_vma_6_1() {
        link(0, 0x3000, 0, FL);
        link(0x3000, 0x5000, 3, RO).setAnonVma(new AnonVma(), 1);
        link(0x5000, 0x8000, 5, FL);
        assertThat(mm.mprotect(0x3000, 0x2000, RW)).isZero();
        assertThat(mm.mapCount()).isEqualTo(3);
    }

    /** vma.c test_dup_anon_vma "vma has anon_vma, we assign to prev" (shrink/delete): 6.1 splits V instead. */
    @Test
    void dup_anon_vma_vma_has_anon_vma_prev_extend_6_1() {
        link(0, 0x3000, 0, FL);
        link(0x3000, 0x8000, 3, RO).setAnonVma(new AnonVma(), 1);
        assertThat(mm.mprotect(0x3000, 0x2000, RW)).isZero();
        assertLayout(0, 0x3000, 0, 0x3000, 0x5000, 3, 0x5000, 0x8000, 5);
    }

    /** vma.c test_dup_anon_vma "vma has anon_vma, we assign to next": 6.1 splits V instead (next's chain empty). */
    @Test
    void dup_anon_vma_vma_has_anon_vma_next_extend_6_1() {
        link(0, 0x5000, 0, RO).setAnonVma(new AnonVma(), 1);
        link(0x5000, 0x8000, 5, FL);
        assertThat(mm.mprotect(0x3000, 0x2000, RW)).isZero();
        assertLayout(0, 0x3000, 0, 0x3000, 0x5000, 3, 0x5000, 0x8000, 5);
    }

    /** The 6.1 way to get vma.c's "assign to next" outcome: the neighbour faulted first reuses V's anon_vma. */
    @Test
    void dup_anon_vma_shared_by_fault_assign_to_next() {
        Vma v = link(0, 0x5000, 0, RO);
        Vma n = link(0x5000, 0x8000, 5, FL);
        mm.touch(0x1000, false);
        mm.touch(0x5000, true);
        assertThat(v.anonVma()).isNull();
        mm.fault.anonVmaPrepare(v);
        assertThat(v.anonVma()).isSameAs(n.anonVma());
        assertThat(mm.mprotect(0x3000, 0x2000, RW)).isZero();
        assertLayout(0, 0x3000, 0, 0x3000, 0x8000, 3);
        assertThat(mm.vmas().get(1)).isSameAs(n);
    }

    // ---- extend / copy (mremap) -------------------------------------------------------------------------

    /** vma.c test_merge_extend: [0,0x1000) grown to 0x3000 meets [0x3000,0x4000) -> one VMA (6.1: mremap's vma_merge()). */
    @Test
    void merge_extend() {
        link(0, 0x1000, 0, FL);
        link(0x3000, 0x4000, 3, FL);
        assertThat(mm.mremap(0, 0x1000, 0x3000, 0, 0)).isZero();
        assertLayout(0, 0x4000, 0);
    }

    /** vma.c test_copy_vma "Move backwards and do not merge": [0x3000,0x5000) to 0 -> [0,0x2000) pgoff 0. */
    @Test
    void copy_vma_move_backwards_no_merge() {
        link(0x3000, 0x5000, 3, FL);
        assertThat(mm.mremap(0x3000, 0x2000, 0x2000, Mman.MREMAP_MAYMOVE | Mman.MREMAP_FIXED, 0)).isZero();
        assertLayout(0, 0x2000, 0);
    }

    /** vma.c test_copy_vma "Move a VMA into position next to another and merge the two" (copy_vma() -> next). */
    @Test
    void copy_vma_move_and_merge_with_next() {
        link(0, 0x2000, 0, FL);
        Vma next = link(0x6000, 0x8000, 6, FL);
        assertThat(mm.mremap(0, 0x2000, 0x2000, Mman.MREMAP_MAYMOVE | Mman.MREMAP_FIXED, 0x4000))
                .isEqualTo(0x4000);
        assertLayout(0x4000, 0x8000, 4);
        assertThat(mm.vmas().get(0)).isSameAs(next);
    }

    /** selftests/vm/mremap_test.c mremap_expand_merge: 3 pages, unmap the middle, grow the first back -> one VMA. */
    @Test
    void mremap_expand_merge() {
        long ps = 4096;
        long start = mm.mmap(3 * ps, RW, Mman.MAP_PRIVATE);
        assertThat(mm.munmap(start + ps, ps)).isZero();
        assertThat(mm.mapCount()).isEqualTo(2);
        assertThat(mm.mremap(start, ps, 2 * ps, 0, 0)).isEqualTo(start);
        assertThat(ProcMaps.maps(mm)).contains(Long.toHexString(start) + "-" + Long.toHexString(start + 3 * ps));
        assertThat(mm.mapCount()).isEqualTo(1);
    }

    /** Split then re-merge through mprotect keeps pages: 6.1 cases 5 and 7 on a faulted VMA. */
    @Test
    void mprotect_split_and_remerge_faulted() {
        long ps = 4096;
        long a = mm.mmap(4 * ps, RW, Mman.MAP_PRIVATE);
        for (int i = 0; i < 4; i++) {
            mm.touch(a + i * ps, true);
        }
        assertThat(mm.mprotect(a + ps, ps, Mman.PROT_READ)).isZero();
        assertThat(mm.mapCount()).isEqualTo(3);
        assertThat(sys.fmt.isWrite(mm.leafEntry(a + ps))).isFalse();
        assertThat(mm.mprotect(a + ps, ps, RW)).isZero();
        assertThat(mm.mapCount()).isEqualTo(1);
        assertThat(sys.fmt.isWrite(mm.leafEntry(a + ps))).isTrue();
        assertThat(mm.rss()).isEqualTo(4);
    }
}
