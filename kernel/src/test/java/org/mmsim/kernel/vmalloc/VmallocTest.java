package org.mmsim.kernel.vmalloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mmsim.kernel.SimplePageSource;
import org.mmsim.kernel.slab.Slub;
import org.mmsim.kernel.slab.SlubParams;

class VmallocTest {
    private static final long START = 0xffffc90000000000L;

    private static Vmalloc x86(SimplePageSource src) {
        return new Vmalloc(VmallocRange.x86_64(), src, null, new int[] {0}, 1);
    }

    @Test
    void firstFitWithGuardPageAndLazyReuse() {
        SimplePageSource src = SimplePageSource.ofBytes(1L << 30);
        Vmalloc vm = x86(src);
        long a = vm.vmalloc(65536, "a");
        long b = vm.vmalloc(65536, "b");
        assertThat(a).isEqualTo(START);
        assertThat(b).isEqualTo(START + 65536 + 4096); // one guard page in between
        assertThat(vm.nrVmallocPages()).isEqualTo(32);
        assertThat(src.allocatedPages()).isEqualTo(32);
        vm.vfree(a);
        assertThat(src.allocatedPages()).isEqualTo(16);
        assertThat(vm.vmapLazyNr()).isEqualTo(17);
        // the freed range waits on the purge list: not reused yet
        long c = vm.vmalloc(4096, "c");
        assertThat(c).isEqualTo(b + 65536 + 4096);
        vm.purgeVmapAreaLazy();
        assertThat(vm.vmapLazyNr()).isZero();
        long d = vm.vmalloc(4096, "d");
        assertThat(d).isEqualTo(START); // lowest-first after the purge
    }

    @Test
    void lazyPurgeRunsPastLazyMaxPages() {
        Vmalloc vm = x86(SimplePageSource.ofBytes(1L << 32));
        // fls(1) * 32 MiB / 4 KiB
        assertThat(vm.lazyMaxPages()).isEqualTo(8192);
        assertThat(new Vmalloc(VmallocRange.x86_64(), SimplePageSource.ofBytes(1L << 30), null, new int[4], 1)
                .lazyMaxPages()).isEqualTo(3 * 8192);
        long[] addrs = new long[3];
        for (int i = 0; i < 3; i++) {
            addrs[i] = vm.vmalloc(12L << 20, "x");
        }
        vm.vfree(addrs[0]);
        vm.vfree(addrs[1]);
        assertThat(vm.purges()).isZero();
        // each 12 MiB area is 3072 pages + guard, and its 24 KiB pages array a nested 6-page area + guard
        assertThat(vm.vmapLazyNr()).isEqualTo(2 * (3073 + 7));
        vm.vfree(addrs[2]);
        assertThat(vm.purges()).isEqualTo(1);
        assertThat(vm.vmapLazyNr()).isZero();
        assertThat(vm.vmalloc(4096, "y")).isEqualTo(START);
    }

    @Test
    void ioremapAlignmentPhysAndNoPages() {
        SimplePageSource src = SimplePageSource.ofBytes(1L << 30);
        Vmalloc vm = x86(src);
        vm.vmalloc(4096, "pad"); // START .. START + 8K
        long io = vm.ioremap(0xfed00010L, 0x100, "hpet_enable+0xef/0x46d");
        assertThat(io & 0xfff).isEqualTo(0x10);
        assertThat(io & ~0xfffL).isEqualTo(START + 8192);
        // 1 MiB: align 1 << clamp(20, 12, 19) = 512 KiB
        long big = vm.ioremap(0x40000000L, 1 << 20, "big");
        assertThat(big % (512 * 1024)).isZero();
        assertThat(big).isEqualTo(START + 512 * 1024);
        assertThat(src.allocatedPages()).isEqualTo(1);
        String info = VmallocInfo.render(vm, VmallocInfo.PointerStyle.PLACEHOLDER);
        assertThat(info.split("\n")[1]).isEqualTo(
                "0x(____ptrval____)-0x(____ptrval____)    8192 hpet_enable+0xef/0x46d phys=0x00000000fed00000 ioremap");
        vm.iounmap(io);
        assertThatThrownBy(() -> vm.vfree(START + 0x10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pageTablesPerTwoMiBAndPerGiB() {
        Vmalloc vm = x86(SimplePageSource.ofBytes(1L << 30));
        vm.vmalloc(1L << 20, "a"); // START is 1 GiB aligned: one PTE page, one PMD page
        assertThat(vm.pageTablePages()).isEqualTo(2);
        vm.vmalloc(2L << 20, "b"); // START + 1 MiB + 4 KiB: reaches into the second 2 MiB region
        assertThat(vm.pageTablePages()).isEqualTo(3);
        vm.vmalloc(4096, "c"); // START + 3 MiB + 8 KiB: still the second region
        assertThat(vm.pageTablePages()).isEqualTo(3);
    }

    @Test
    void hugeVmallocMapsPmdBlocks() {
        SimplePageSource src = SimplePageSource.ofBytes(1L << 30);
        Vmalloc vm = x86(src);
        vm.vmalloc(4096, "pad");
        long h = vm.vmallocHuge(3L << 20, org.mmsim.page.Gfp.GFP_KERNEL, "huge");
        assertThat(h % (2L << 20)).isZero();
        assertThat(h).isEqualTo(START + (2L << 20));
        // 3 MiB rounded up to two 2 MiB blocks, plus the 8 KiB pages array (a nested vmalloc)
        assertThat(vm.nrVmallocPages()).isEqualTo(1 + 1024 + 2);
        // the vm area is the aligned size plus one guard page
        // the pages array (8 KiB + guard) went into the hole below the huge area, lowest fit first
        long[] busy = vm.busyRanges();
        assertThat(busy[2]).isEqualTo(START + 8192);
        assertThat(busy[3] - busy[2]).isEqualTo(12288);
        assertThat(busy[5] - busy[4]).isEqualTo((4L << 20) + 4096);
        // PTE pages only for the small areas, all in the first 2 MiB region; one PMD page
        assertThat(vm.pageTablePages()).isEqualTo(2);
    }

    @Test
    void pagesArrayFromKmallocOrNestedVmallocAndSlabObjects() {
        SimplePageSource src = SimplePageSource.ofBytes(1L << 30);
        Slub slub = Slub.boot(SlubParams.x86_64(1, 1), src);
        Vmalloc vm = new Vmalloc(VmallocRange.x86_64(), src, slub, new int[] {0}, 1);
        long small = vm.vmalloc(16384, "small");
        long big = vm.vmalloc(4L << 20, "pcpu_create_chunk+0x167/0x1b0");
        String[] lines = VmallocInfo.render(vm, VmallocInfo.PointerStyle.PLACEHOLDER).split("\n");
        // 1024 pages need an 8 KiB pages array: vmalloc'ed (2 pages + guard) after the big area's reservation
        assertThat(lines).containsExactly(
                "0x(____ptrval____)-0x(____ptrval____)   20480 small pages=4 vmalloc N0=4",
                "0x(____ptrval____)-0x(____ptrval____) 4198400 pcpu_create_chunk+0x167/0x1b0 pages=1024 vmalloc"
                        + " vpages N0=1024",
                "0x(____ptrval____)-0x(____ptrval____)   12288 pcpu_create_chunk+0x167/0x1b0 pages=2 vmalloc N0=2");
        assertThat(slub.slabinfo(slub.findCache("vmap_area")).numObjs()).isPositive();
        long pagesBefore = src.allocatedPages();
        vm.vfree(big);
        assertThat(pagesBefore - src.allocatedPages()).isEqualTo(1024 + 2);
        vm.vfree(small);
        assertThat(vm.nrVmallocPages()).isZero();
        assertThat(vm.meminfoLines()).isEqualTo(
                "VmallocTotal:   34359738367 kB\nVmallocUsed:           0 kB\nVmallocChunk:          0 kB\n");
        assertThat(VmallocInfo.render(vm, VmallocInfo.PointerStyle.REAL)).isEqualTo(
                "0xffffc90000000000-0xffffc90000409000 4231168 unpurged vm_area\n");
    }

    @Test
    void earlyAreasAreKeptOutOfTheFreeSpace() {
        Vmalloc vm = new Vmalloc(VmallocRange.arm64(), SimplePageSource.ofBytes(1L << 30), null, new int[] {0}, 1);
        long kimage = 0xffff800008000000L;
        vm.reserveEarly(kimage, 13565952, VmFlags.VM_MAP, 0x40210000L, "paging_init+0x130/0x610");
        long a = vm.vmalloc(16384, "start_kernel+0x554/0x75c");
        assertThat(a).isEqualTo(kimage + 13565952);
        assertThat(VmallocInfo.render(vm, VmallocInfo.PointerStyle.REAL).split("\n")[0]).isEqualTo(
                "0xffff800008000000-0xffff800008cf0000 13565952 paging_init+0x130/0x610 phys=0x0000000040210000 vmap");
    }

    @Test
    void vmallocNodeCountsPagesPerNodeAndI386HasNoNodeCounts() {
        SimplePageSource src = new SimplePageSource(12, 11, 0, 1 << 18, 1 << 18, 1 << 19);
        Vmalloc vm = new Vmalloc(VmallocRange.x86_64(), src, null, new int[] {0, 1}, 2);
        vm.vmallocNodeRange(8192, 1, VmallocRange.x86_64().start(), VmallocRange.x86_64().end(),
                org.mmsim.page.Gfp.GFP_KERNEL, 0, 1, "alloc_large_system_hash+0x0/0x1");
        assertThat(VmallocInfo.render(vm, VmallocInfo.PointerStyle.PLACEHOLDER)).isEqualTo(
                "0x(____ptrval____)-0x(____ptrval____)   12288 alloc_large_system_hash+0x0/0x1 pages=2 vmalloc N1=2\n");
        VmallocRange i386 = VmallocRange.i386Pae(0xf8800000L, 0xff7fe000L);
        assertThat(i386.totalKb()).isEqualTo(114680);
        Vmalloc vm32 = new Vmalloc(i386, SimplePageSource.ofBytes(1L << 30), null, new int[] {0}, 1);
        vm32.vmalloc(4096, "gen_pool_add_owner+0x2a/0xb0");
        assertThat(VmallocInfo.render(vm32, VmallocInfo.PointerStyle.PLACEHOLDER)).isEqualTo(
                "0x(ptrval)-0x(ptrval)    8192 gen_pool_add_owner+0x2a/0xb0 pages=1 vmalloc\n");
        assertThat(VmallocInfo.render(vm32, VmallocInfo.PointerStyle.REAL)).startsWith("0xf8800000-0xf8802000 ");
    }
}
