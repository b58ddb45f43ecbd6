package org.mmsim.vm;

import org.mmsim.reclaim.SwapDevice;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** THP faults and fallback, swap-out/swap-in, and the exact /proc/PID/maps and smaps text of 6.1. */
class ThpSwapSmapsTest {
    static final int RW = Mman.PROT_READ | Mman.PROT_WRITE;

    /** A PhysPages that refuses order-9 requests, to drive the THP fallback of do_huge_pmd_anonymous_page(). */
    static final class NoHugePages implements PhysPages {
        final SimplePhysPages inner = new SimplePhysPages(1 << 14);

        @Override
        public long allocPages(int gfp, int order) {
            return order >= 9 ? -1 : inner.allocPages(gfp, order);
        }

        @Override
        public void freePages(long pfn, int order) {
            inner.freePages(pfn, order);
        }

        @Override
        public long maxPfn() {
            return inner.maxPfn();
        }
    }

    /*
     * 4 MiB anonymous mapping below mmap_base 0x7ffff7fff000: [0x7ffff7bff000, 0x7ffff7fff000). The only
     * 2 MiB-aligned block inside is [0x7ffff7c00000, 0x7ffff7e00000): a write there is a THP fault (order 9,
     * GFP_TRANSHUGE_LIGHT with defrag=madvise, a PTE table deposited), a write at the first page falls back
     * to 4 KiB (haddr below vm_start). RSS 512 + 1 pages; nr_ptes 2 (one PTE table, one deposited).
     */
    @Test
    void thpFaultAndFallback() {
        VmSystem sys = VmSystem.simple(Paging.X86_64, 1 << 14);
        Process p = sys.newProcess();
        long a = p.mmap(4L << 20, RW, Mman.MAP_PRIVATE);
        assertThat(a).isEqualTo(0x7ffff7bff000L);
        p.touch(0x7ffff7c00000L + 5 * 4096, true);
        p.touch(a, true);
        assertThat(sys.events().thpFaultAlloc).isEqualTo(1);
        assertThat(p.mm().isHugeMapped(0x7ffff7c00000L)).isTrue();
        assertThat(p.mm().isHugeMapped(a)).isFalse();
        assertThat(p.rss()).isEqualTo(513);
        assertThat(p.mm().nrPtes()).isEqualTo(2);
        String smaps = ProcMaps.smaps(p.mm());
        assertThat(smaps).contains("AnonHugePages:      2048 kB\n").contains("Rss:                2052 kB\n")
                .contains("THPeligible:    1\n");
        // munmap the upper half of the THP: split, 256 subpages unmapped but the THP is only freed whole
        assertThat(p.munmap(0x7ffff7d00000L, 1L << 20)).isZero();
        assertThat(p.rss()).isEqualTo(257);
        assertThat(sys.events().thpSplitPmd).isEqualTo(1);
        p.exit();
        assertThat(((SimplePhysPages) sys.phys()).allocatedPages()).isEqualTo(1);
    }

    @Test
    void thpFallbackWhenOrder9Fails() {
        VmSystem sys = new VmSystem(Paging.X86_64, new NoHugePages(), new SwapDevice(64), refs -> null);
        Process p = sys.newProcess();
        long a = p.mmap(4L << 20, RW, Mman.MAP_PRIVATE);
        p.touch(0x7ffff7c00000L, true);
        assertThat(a).isEqualTo(0x7ffff7bff000L);
        assertThat(sys.events().thpFaultFallback).isEqualTo(1);
        assertThat(sys.events().thpFaultAlloc).isZero();
        assertThat(p.rss()).isEqualTo(1);
        assertThat(p.mm().nrPtes()).isEqualTo(1);
    }

    @Test
    void thpMadviseModeAndNoHugepage() {
        VmSystem sys = VmSystem.simple(Paging.X86_64, 1 << 14);
        sys.thp().enabled = ThpSettings.Enabled.MADVISE;
        Process p = sys.newProcess();
        long a = p.mmap(4L << 20, RW, Mman.MAP_PRIVATE);
        long h = 0x7ffff7c00000L;
        p.touch(h, true);
        assertThat(sys.events().thpFaultAlloc).isZero();
        assertThat(p.madvise(a, 4L << 20, Mman.MADV_HUGEPAGE)).isZero();
        assertThat(p.mm().vmas().get(0).flags() & VmFlags.VM_HUGEPAGE).isNotZero();
        // zap_page_range() keeps the PTE table, so the PMD is not none and the fault stays 4 KiB
        p.madvise(a, 4L << 20, Mman.MADV_DONTNEED);
        assertThat(p.rss()).isZero();
        p.touch(h, true);
        assertThat(sys.events().thpFaultAlloc).isZero();
        // a fresh mapping (munmap frees the tables) with MADV_HUGEPAGE gets a THP
        p.munmap(a, 4L << 20);
        assertThat(p.mmap(a, 4L << 20, RW, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED, null, 0)).isEqualTo(a);
        p.madvise(a, 4L << 20, Mman.MADV_HUGEPAGE);
        p.touch(h, true);
        assertThat(sys.events().thpFaultAlloc).isEqualTo(1);
        assertThat(p.madvise(h, 2L << 20, Mman.MADV_NOHUGEPAGE)).isZero();
        assertThat(p.mm().mapCount()).isEqualTo(3);
        assertThat(ProcMaps.smaps(p.mm())).contains("VmFlags: rd wr mr mw me ac sd nh \n");
    }

    /* Huge zero page on a read fault; the write splits it into zero-page PTEs and copies one 4 KiB page. */
    @Test
    void hugeZeroPageReadThenWrite() {
        VmSystem sys = VmSystem.simple(Paging.X86_64, 1 << 14);
        Process p = sys.newProcess();
        p.mmap(4L << 20, RW, Mman.MAP_PRIVATE);
        long h = 0x7ffff7c00000L;
        p.touch(h, false);
        assertThat(p.mm().pfnAt(h)).isEqualTo(sys.hugeZeroPfn());
        assertThat(p.rss()).isZero();
        p.touch(h + 4096, true);
        assertThat(sys.events().thpSplitPmd).isEqualTo(1);
        assertThat(p.rss()).isEqualTo(1);
        assertThat(p.mm().pfnAt(h)).isEqualTo(sys.zeroPfn());
    }

    @Test
    void forkedThpWriteSplitsAndCopiesOnePage() {
        VmSystem sys = VmSystem.simple(Paging.X86_64, 1 << 14);
        Process parent = sys.newProcess();
        parent.mmap(4L << 20, RW, Mman.MAP_PRIVATE);
        long h = 0x7ffff7c00000L;
        parent.touch(h, true);
        long head = parent.mm().pfnAt(h);
        Process child = parent.fork();
        assertThat(child.rss()).isEqualTo(512);
        assertThat(sys.refs().refcount(head)).isEqualTo(2);
        parent.touch(h + 4096, true);
        assertThat(sys.events().thpSplitPmd).isEqualTo(1);
        assertThat(sys.events().cowCopies).isEqualTo(1);
        assertThat(parent.mm().pfnAt(h + 4096)).isNotEqualTo(head + 1);
        assertThat(parent.mm().pfnAt(h + 8192)).isEqualTo(head + 2);
        assertThat(child.mm().pfnAt(h + 4096)).isEqualTo(head + 1);
        assertThat(parent.rss()).isEqualTo(512);
        child.exit();
        parent.exit();
        assertThat(((SimplePhysPages) sys.phys()).allocatedPages()).isEqualTo(1);
    }

    @Test
    void swapOutAndIn() {
        VmSystem sys = VmSystem.simple(Paging.X86_64, 1 << 14);
        Process p = sys.newProcess();
        long a = p.mmap(8192, RW, Mman.MAP_PRIVATE);
        p.touch(a, true);
        long before = ((SimplePhysPages) sys.phys()).allocatedPages();
        assertThat(p.mm().swapOut(a)).isTrue();
        assertThat(p.mm().counter(RssCounters.MM_SWAPENTS)).isEqualTo(1);
        assertThat(p.rss()).isZero();
        assertThat(((SimplePhysPages) sys.phys()).allocatedPages()).isEqualTo(before - 1);
        long e = p.mm().leafEntry(a);
        assertThat(sys.fmt.isSwap(e)).isTrue();
        assertThat(sys.fmt.swapType(e)).isZero();
        assertThat(ProcMaps.smaps(p.mm())).contains("Swap:                  4 kB\n").contains("SwapPss:               4 kB\n");
        Process child = p.fork();
        assertThat(sys.swap().count(sys.fmt.swapOffset(e))).isEqualTo(2);
        assertThat(ProcMaps.smaps(child.mm())).contains("SwapPss:               2 kB\n");
        assertThat(p.touch(a, false)).isZero();
        assertThat(p.rss()).isEqualTo(1);
        assertThat(sys.events().pswpin).isEqualTo(1);
        assertThat(child.touch(a, true)).isZero();
        assertThat(sys.events().pswpin).isEqualTo(1);
        assertThat(sys.swap().usedPages()).isZero();
        assertThat(child.mm().pfnAt(a)).isNotEqualTo(p.mm().pfnAt(a));
        child.exit();
        p.exit();
        assertThat(((SimplePhysPages) sys.phys()).allocatedPages()).isEqualTo(1);
    }

    @Test
    void x86SwapEntryEncodingRoundTrips() {
        PteFormat f = X86PteFormat.INSTANCE;
        long e = f.mkSwap(3, 0x12345);
        assertThat(f.isPresent(e)).isFalse();
        assertThat(f.swapType(e)).isEqualTo(3);
        assertThat(f.swapOffset(e)).isEqualTo(0x12345);
        // type in bits 63..59, offset inverted from bit 9 (L1TF): __swp_entry(3, 0x12345) of 6.1
        assertThat(e >>> 59).isEqualTo(3);
        assertThat(((~e) >>> 9) & 0x3ffffffffffL).isEqualTo(0x12345);
    }

    /* Exact text worked out from show_map_vma()/show_smap() of 6.1 for one dirty anonymous page in 8 KiB. */
    @Test
    void smapsExactText() {
        VmSystem sys = VmSystem.simple(Paging.X86_64, 1 << 14);
        Process p = sys.newProcess();
        long a = p.mmap(8192, RW, Mman.MAP_PRIVATE);
        p.touch(a, true);
        p.touch(a + 4096, false);
        String expected = "7ffff7ffd000-7ffff7fff000 rw-p 00000000 00:00 0 \n"
                + "Size:                  8 kB\n"
                + "KernelPageSize:        4 kB\n"
                + "MMUPageSize:           4 kB\n"
                + "Rss:                   4 kB\n"
                + "Pss:                   4 kB\n"
                + "Pss_Dirty:             4 kB\n"
                + "Shared_Clean:          0 kB\n"
                + "Shared_Dirty:          0 kB\n"
                + "Private_Clean:         0 kB\n"
                + "Private_Dirty:         4 kB\n"
                + "Referenced:            4 kB\n"
                + "Anonymous:             4 kB\n"
                + "LazyFree:              0 kB\n"
                + "AnonHugePages:         0 kB\n"
                + "ShmemPmdMapped:        0 kB\n"
                + "FilePmdMapped:         0 kB\n"
                + "Shared_Hugetlb:        0 kB\n"
                + "Private_Hugetlb:       0 kB\n"
                + "Swap:                  0 kB\n"
                + "SwapPss:               0 kB\n"
                + "Locked:                0 kB\n"
                + "THPeligible:    0\n"
                + "VmFlags: rd wr mr mw me ac sd \n";
        assertThat(ProcMaps.smaps(p.mm())).isEqualTo(expected);
    }

    /* A file mapping's name starts at column 73 (seq_setwidth(25 + 8*6 - 1) then seq_pad(' ')). */
    @Test
    void mapsFileLinePadding() {
        SimplePhysPages phys = new SimplePhysPages(1 << 14);
        VmSystem sys = new VmSystem(Paging.X86_64, phys, new SwapDevice(1 << 14), refs -> new SimplePageCache(phys, refs));
        Process p = sys.newProcess();
        VmFile file = VmFile.regular("/usr/lib/libc.so.6", 42, 16);
        long a = p.mmap(0, 4096, Mman.PROT_READ, Mman.MAP_PRIVATE, file, 0x3000);
        String prefix = "7ffff7ffe000-7ffff7fff000 r--p 00003000 08:01 42 ";
        assertThat(ProcMaps.maps(p.mm())).isEqualTo(prefix + " ".repeat(72 - prefix.length()) + " /usr/lib/libc.so.6\n");
        p.touch(a, false);
        assertThat(p.mm().counter(RssCounters.MM_FILEPAGES)).isEqualTo(1);
        Process child = p.fork();
        assertThat(child.rss()).isZero();
        child.touch(a, false);
        assertThat(child.mm().pfnAt(a)).isEqualTo(p.mm().pfnAt(a));
        assertThat(ProcMaps.smaps(p.mm())).contains("Shared_Clean:          4 kB\n").contains("Pss:                   2 kB\n");
    }

    @Test
    void walkPrintsEachLevel() {
        VmSystem sys = VmSystem.simple(Paging.X86_64, 1 << 14);
        Process p = sys.newProcess();
        long a = p.mmap(4096, RW, Mman.MAP_PRIVATE);
        p.touch(a, true);
        String w = PageTableWalk.walk(p.mm(), a + 0x123);
        // 0x7ffff7ffe123: PGD index bits 47:39 = 255, PUD 38:30 = 511, PMD 29:21 = 447, PTE 20:12 = 510
        assertThat(w).contains("PGD[ 255] = ").contains("PUD[ 511] = ").contains("PMD[ 447] = ").contains("PTE[ 510] = ")
                .contains("(present rw user accessed dirty)").contains("(present rw user accessed dirty soft-dirty nx)")
                .contains(String.format("physical address 0x%x", (p.mm().pfnAt(a) << 12) + 0x123));
    }
}
