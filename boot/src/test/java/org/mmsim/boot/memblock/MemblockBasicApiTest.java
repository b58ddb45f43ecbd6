package org.mmsim.boot.memblock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmsim.boot.memblock.MemblockSimulator.*;

import org.junit.jupiter.api.Test;

/**
 * Cases of the kernel's tools/testing/memblock/tests/basic_api.c (6.1), ported: expected regions,
 * counts and totals are the kernel's.
 */
class MemblockBasicApiTest {
    private final MemblockSimulator sim = new MemblockSimulator();

    private Memblock mb() {
        return sim.memblock;
    }

    @Test
    void memblock_initialization_check() {
        Memblock mb = new Memblock(CONFIG);
        assertThat(mb.memory().cnt()).isEqualTo(1);
        assertThat(mb.memory().max()).isEqualTo(128);
        assertThat(mb.memory().name()).isEqualTo("memory");
        assertThat(mb.reserved().cnt()).isEqualTo(1);
        assertThat(mb.reserved().max()).isEqualTo(128);
        assertThat(mb.reserved().name()).isEqualTo("reserved");
        assertThat(mb.bottomUp()).isFalse();
        assertThat(mb.getCurrentLimit()).isEqualTo(Memblock.MEMBLOCK_ALLOC_ANYWHERE);
    }

    // ------------------------------------------------------------ memblock_add

    @Test
    void memblock_add_simple_check() {
        sim.resetMemblockRegions();
        mb().add(SZ_1G, SZ_4M);
        assertRegion(sim.memory(), 0, SZ_1G, SZ_4M);
        assertCounts(sim.memory(), 1, SZ_4M);
    }

    @Test
    void memblock_add_node_simple_check() {
        sim.resetMemblockRegions();
        mb().addNode(SZ_1M, SZ_16M, 1, MemblockFlags.HOTPLUG);
        assertRegion(sim.memory(), 0, SZ_1M, SZ_16M);
        assertThat(sim.memory().nid(0)).isEqualTo(1);
        assertThat(sim.memory().flags(0)).isEqualTo(MemblockFlags.HOTPLUG);
        assertCounts(sim.memory(), 1, SZ_16M);
    }

    @Test
    void memblock_add_disjoint_check() {
        sim.resetMemblockRegions();
        mb().add(SZ_1G, SZ_8K);
        mb().add(SZ_1G + SZ_16K, SZ_8K);
        assertRegion(sim.memory(), 0, SZ_1G, SZ_8K);
        assertRegion(sim.memory(), 1, SZ_1G + SZ_16K, SZ_8K);
        assertCounts(sim.memory(), 2, SZ_8K + SZ_8K);
    }

    @Test
    void memblock_add_overlap_top_check() {
        long r1Base = SZ_512M;
        long r1Size = SZ_1G;
        long r2Base = SZ_256M;
        long total = (r1Base - r2Base) + r1Size;
        sim.resetMemblockRegions();
        mb().add(r1Base, r1Size);
        mb().add(r2Base, SZ_512M);
        assertRegion(sim.memory(), 0, r2Base, total);
        assertCounts(sim.memory(), 1, total);
    }

    @Test
    void memblock_add_overlap_bottom_check() {
        long r1Base = SZ_128M;
        long r2Base = SZ_256M;
        long r2Size = SZ_1G;
        long total = (r2Base - r1Base) + r2Size;
        sim.resetMemblockRegions();
        mb().add(r1Base, SZ_512M);
        mb().add(r2Base, r2Size);
        assertRegion(sim.memory(), 0, r1Base, total);
        assertCounts(sim.memory(), 1, total);
    }

    @Test
    void memblock_add_within_check() {
        sim.resetMemblockRegions();
        mb().add(SZ_8M, SZ_32M);
        mb().add(SZ_16M, SZ_1M);
        assertRegion(sim.memory(), 0, SZ_8M, SZ_32M);
        assertCounts(sim.memory(), 1, SZ_32M);
    }

    @Test
    void memblock_add_twice_check() {
        sim.resetMemblockRegions();
        mb().add(SZ_16K, SZ_2M);
        mb().add(SZ_16K, SZ_2M);
        assertCounts(sim.memory(), 1, SZ_2M);
    }

    @Test
    void memblock_add_between_check() {
        long total = SZ_8K * 3;
        sim.resetMemblockRegions();
        mb().add(SZ_1G, SZ_8K);
        mb().add(SZ_1G + SZ_16K, SZ_8K);
        mb().add(SZ_1G + SZ_8K, SZ_8K);
        assertRegion(sim.memory(), 0, SZ_1G, total);
        assertCounts(sim.memory(), 1, total);
    }

    @Test
    void memblock_add_near_max_check() {
        long base = PHYS_ADDR_MAX - SZ_1M;
        long total = PHYS_ADDR_MAX - base;
        sim.resetMemblockRegions();
        mb().add(base, SZ_2M);
        assertRegion(sim.memory(), 0, base, total);
        assertCounts(sim.memory(), 1, total);
    }

    // ------------------------------------------------------------ memblock_reserve

    @Test
    void memblock_reserve_simple_check() {
        sim.resetMemblockRegions();
        mb().reserve(SZ_2G, SZ_128M);
        assertRegion(sim.reserved(), 0, SZ_2G, SZ_128M);
    }

    @Test
    void memblock_reserve_disjoint_check() {
        sim.resetMemblockRegions();
        mb().reserve(SZ_256M, SZ_16M);
        mb().reserve(SZ_512M, SZ_512M);
        assertRegion(sim.reserved(), 0, SZ_256M, SZ_16M);
        assertRegion(sim.reserved(), 1, SZ_512M, SZ_512M);
        assertCounts(sim.reserved(), 2, SZ_16M + SZ_512M);
    }

    @Test
    void memblock_reserve_overlap_top_check() {
        long total = (SZ_1G - SZ_128M) + SZ_1G;
        sim.resetMemblockRegions();
        mb().reserve(SZ_1G, SZ_1G);
        mb().reserve(SZ_128M, SZ_1G);
        assertRegion(sim.reserved(), 0, SZ_128M, total);
        assertCounts(sim.reserved(), 1, total);
    }

    @Test
    void memblock_reserve_overlap_bottom_check() {
        long total = (SZ_128K - SZ_2K) + SZ_128K;
        sim.resetMemblockRegions();
        mb().reserve(SZ_2K, SZ_128K);
        mb().reserve(SZ_128K, SZ_128K);
        assertRegion(sim.reserved(), 0, SZ_2K, total);
        assertCounts(sim.reserved(), 1, total);
    }

    @Test
    void memblock_reserve_within_check() {
        sim.resetMemblockRegions();
        mb().reserve(SZ_1M, SZ_8M);
        mb().reserve(SZ_2M, SZ_64K);
        assertRegion(sim.reserved(), 0, SZ_1M, SZ_8M);
        assertCounts(sim.reserved(), 1, SZ_8M);
    }

    @Test
    void memblock_reserve_twice_check() {
        sim.resetMemblockRegions();
        mb().reserve(SZ_16K, SZ_2M);
        mb().reserve(SZ_16K, SZ_2M);
        assertCounts(sim.reserved(), 1, SZ_2M);
    }

    @Test
    void memblock_reserve_between_check() {
        long total = SZ_8K * 3;
        sim.resetMemblockRegions();
        mb().reserve(SZ_1G, SZ_8K);
        mb().reserve(SZ_1G + SZ_16K, SZ_8K);
        mb().reserve(SZ_1G + SZ_8K, SZ_8K);
        assertRegion(sim.reserved(), 0, SZ_1G, total);
        assertCounts(sim.reserved(), 1, total);
    }

    @Test
    void memblock_reserve_near_max_check() {
        long base = PHYS_ADDR_MAX - SZ_1M;
        long total = PHYS_ADDR_MAX - base;
        sim.resetMemblockRegions();
        mb().reserve(base, SZ_2M);
        assertRegion(sim.reserved(), 0, base, total);
        assertCounts(sim.reserved(), 1, total);
    }

    // ------------------------------------------------------------ memblock_remove

    @Test
    void memblock_remove_simple_check() {
        sim.resetMemblockRegions();
        mb().add(SZ_2K, SZ_4K);
        mb().add(SZ_128K, SZ_4M);
        mb().remove(SZ_2K, SZ_4K);
        assertRegion(sim.memory(), 0, SZ_128K, SZ_4M);
        assertCounts(sim.memory(), 1, SZ_4M);
    }

    @Test
    void memblock_remove_absent_check() {
        sim.resetMemblockRegions();
        mb().add(SZ_512K, SZ_4M);
        mb().remove(SZ_64M, SZ_1G);
        assertRegion(sim.memory(), 0, SZ_512K, SZ_4M);
        assertCounts(sim.memory(), 1, SZ_4M);
    }

    @Test
    void memblock_remove_overlap_top_check() {
        long r1Base = SZ_32M;
        long r1Size = SZ_32M;
        long r2Base = SZ_16M;
        long r2Size = SZ_32M;
        long total = (r1Base + r1Size) - (r2Base + r2Size);
        sim.resetMemblockRegions();
        mb().add(r1Base, r1Size);
        mb().remove(r2Base, r2Size);
        assertRegion(sim.memory(), 0, r1Base + r2Base, total);
        assertCounts(sim.memory(), 1, total);
    }

    @Test
    void memblock_remove_overlap_bottom_check() {
        long total = SZ_32M - SZ_2M;
        sim.resetMemblockRegions();
        mb().add(SZ_2M, SZ_64M);
        mb().remove(SZ_32M, SZ_256M);
        assertRegion(sim.memory(), 0, SZ_2M, total);
        assertCounts(sim.memory(), 1, total);
    }

    @Test
    void memblock_remove_within_check() {
        long r1Base = SZ_1M;
        long r1Size = SZ_32M;
        long r2Base = SZ_16M;
        long r2Size = SZ_1M;
        long r1NewSize = r2Base - r1Base;
        long r2NewSize = (r1Base + r1Size) - (r2Base + r2Size);
        sim.resetMemblockRegions();
        mb().add(r1Base, r1Size);
        mb().remove(r2Base, r2Size);
        assertRegion(sim.memory(), 0, r1Base, r1NewSize);
        assertRegion(sim.memory(), 1, r2Base + r2Size, r2NewSize);
        assertCounts(sim.memory(), 2, r1NewSize + r2NewSize);
    }

    @Test
    void memblock_remove_only_region_check() {
        sim.resetMemblockRegions();
        mb().add(SZ_2K, SZ_4K);
        mb().remove(SZ_2K, SZ_4K);
        assertRegion(sim.memory(), 0, 0, 0);
        assertCounts(sim.memory(), 1, 0);
    }

    @Test
    void memblock_remove_near_max_check() {
        long r1Base = PHYS_ADDR_MAX - SZ_2M;
        long r1Size = SZ_2M;
        long r2Base = PHYS_ADDR_MAX - SZ_1M;
        long total = r1Size - (PHYS_ADDR_MAX - r2Base);
        sim.resetMemblockRegions();
        mb().add(r1Base, r1Size);
        mb().remove(r2Base, SZ_2M);
        assertRegion(sim.memory(), 0, r1Base, total);
        assertCounts(sim.memory(), 1, total);
    }

    @Test
    void memblock_remove_overlap_two_check() {
        long r1Base = SZ_16M;
        long r2End = SZ_64M + SZ_64M;
        long r3Base = SZ_32M;
        long r3End = SZ_32M + SZ_64M;
        long newR1 = r3Base - r1Base;
        long newR2 = r2End - r3End;
        sim.resetMemblockRegions();
        mb().add(r1Base, SZ_32M);
        mb().add(SZ_64M, SZ_64M);
        mb().remove(r3Base, SZ_64M);
        assertRegion(sim.memory(), 0, r1Base, newR1);
        assertRegion(sim.memory(), 1, r3End, newR2);
        assertCounts(sim.memory(), 2, newR1 + newR2);
    }

    // ------------------------------------------------------------ memblock_free

    @Test
    void memblock_free_simple_check() {
        sim.resetMemblockRegions();
        mb().reserve(SZ_4M, SZ_1M);
        mb().reserve(SZ_8M, SZ_1M);
        mb().free(SZ_4M, SZ_1M);
        assertRegion(sim.reserved(), 0, SZ_8M, SZ_1M);
        assertCounts(sim.reserved(), 1, SZ_1M);
    }

    @Test
    void memblock_free_absent_check() {
        sim.resetMemblockRegions();
        mb().reserve(SZ_2M, SZ_8K);
        mb().free(SZ_16M, SZ_128M);
        assertRegion(sim.reserved(), 0, SZ_2M, SZ_8K);
        assertCounts(sim.reserved(), 1, SZ_8K);
    }

    @Test
    void memblock_free_overlap_top_check() {
        long total = (SZ_32M + SZ_8M) - (SZ_1M + SZ_8M);
        sim.resetMemblockRegions();
        mb().reserve(SZ_8M, SZ_32M);
        mb().free(SZ_1M, SZ_8M);
        assertRegion(sim.reserved(), 0, SZ_1M + SZ_8M, total);
        assertCounts(sim.reserved(), 1, total);
    }

    @Test
    void memblock_free_overlap_bottom_check() {
        long total = SZ_32M - SZ_8M;
        sim.resetMemblockRegions();
        mb().reserve(SZ_8M, SZ_32M);
        mb().free(SZ_32M, SZ_32M);
        assertRegion(sim.reserved(), 0, SZ_8M, total);
        assertCounts(sim.reserved(), 1, total);
    }

    @Test
    void memblock_free_within_check() {
        long r1Size = SZ_4M - SZ_1M;
        long r2Size = (SZ_1M + SZ_8M) - (SZ_4M + SZ_1M);
        sim.resetMemblockRegions();
        mb().reserve(SZ_1M, SZ_8M);
        mb().free(SZ_4M, SZ_1M);
        assertRegion(sim.reserved(), 0, SZ_1M, r1Size);
        assertRegion(sim.reserved(), 1, SZ_4M + SZ_1M, r2Size);
        assertCounts(sim.reserved(), 2, r1Size + r2Size);
    }

    @Test
    void memblock_free_only_region_check() {
        sim.resetMemblockRegions();
        mb().reserve(SZ_2K, SZ_4K);
        mb().free(SZ_2K, SZ_4K);
        assertRegion(sim.reserved(), 0, 0, 0);
        assertCounts(sim.reserved(), 1, 0);
    }

    @Test
    void memblock_free_near_max_check() {
        long r1Base = PHYS_ADDR_MAX - SZ_2M;
        long r1Size = SZ_2M;
        long r2Base = PHYS_ADDR_MAX - SZ_1M;
        long total = r1Size - (PHYS_ADDR_MAX - r2Base);
        sim.resetMemblockRegions();
        mb().reserve(r1Base, r1Size);
        mb().free(r2Base, SZ_2M);
        assertRegion(sim.reserved(), 0, r1Base, total);
        assertCounts(sim.reserved(), 1, total);
    }

    @Test
    void memblock_free_overlap_two_check() {
        long r1Base = SZ_16M;
        long r2End = SZ_64M + SZ_64M;
        long r3Base = SZ_32M;
        long r3End = SZ_32M + SZ_64M;
        long newR1 = r3Base - r1Base;
        long newR2 = r2End - r3End;
        sim.resetMemblockRegions();
        mb().reserve(r1Base, SZ_32M);
        mb().reserve(SZ_64M, SZ_64M);
        mb().free(r3Base, SZ_64M);
        assertRegion(sim.reserved(), 0, r1Base, newR1);
        assertRegion(sim.reserved(), 1, r3End, newR2);
        assertCounts(sim.reserved(), 2, newR1 + newR2);
    }

    // ------------------------------------------------------------ bottom-up

    @Test
    void memblock_set_bottom_up_check() {
        mb().setBottomUp(false);
        assertThat(mb().bottomUp()).isFalse();
        mb().setBottomUp(true);
        assertThat(mb().bottomUp()).isTrue();
    }

    @Test
    void memblock_bottom_up_check() {
        mb().setBottomUp(false);
        assertThat(mb().bottomUp()).isFalse();
        mb().setBottomUp(true);
        assertThat(mb().bottomUp()).isTrue();
    }

    // ------------------------------------------------------------ memblock_trim_memory

    @Test
    void memblock_trim_memory_aligned_check() {
        long alignment = SMP_CACHE_BYTES;
        sim.resetMemblockRegions();
        mb().add(alignment, alignment * 4);
        mb().trimMemory(alignment);
        assertRegion(sim.memory(), 0, alignment, alignment * 4);
        assertThat(sim.memory().cnt()).isEqualTo(1);
    }

    @Test
    void memblock_trim_memory_too_small_check() {
        long alignment = SMP_CACHE_BYTES;
        sim.resetMemblockRegions();
        mb().add(alignment, alignment * 2);
        mb().add(alignment * 4, alignment - SZ_2);
        mb().trimMemory(alignment);
        assertRegion(sim.memory(), 0, alignment, alignment * 2);
        assertThat(sim.memory().cnt()).isEqualTo(1);
    }

    @Test
    void memblock_trim_memory_unaligned_base_check() {
        long alignment = SMP_CACHE_BYTES;
        long offset = SZ_2;
        long r2Base = alignment * 4 + offset;
        long r2Size = alignment * 2 - offset;
        sim.resetMemblockRegions();
        mb().add(alignment, alignment * 2);
        mb().add(r2Base, r2Size);
        mb().trimMemory(alignment);
        assertRegion(sim.memory(), 0, alignment, alignment * 2);
        assertRegion(sim.memory(), 1, r2Base + (alignment - offset), r2Size - (alignment - offset));
        assertThat(sim.memory().cnt()).isEqualTo(2);
    }

    @Test
    void memblock_trim_memory_unaligned_end_check() {
        long alignment = SMP_CACHE_BYTES;
        long offset = SZ_2;
        long r2Size = alignment * 2 - offset;
        sim.resetMemblockRegions();
        mb().add(alignment, alignment * 2);
        mb().add(alignment * 4, r2Size);
        mb().trimMemory(alignment);
        assertRegion(sim.memory(), 0, alignment, alignment * 2);
        assertRegion(sim.memory(), 1, alignment * 4, r2Size - (alignment - offset));
        assertThat(sim.memory().cnt()).isEqualTo(2);
    }
}
