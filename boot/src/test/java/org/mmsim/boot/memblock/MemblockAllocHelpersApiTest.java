package org.mmsim.boot.memblock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmsim.boot.memblock.MemblockSimulator.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases of tools/testing/memblock/tests/alloc_helpers_api.c (6.1), ported: memblock_alloc_from(). */
class MemblockAllocHelpersApiTest {
    private final MemblockSimulator sim = new MemblockSimulator();

    private Memblock mb() {
        return sim.memblock;
    }

    @ParameterizedTest(name = "bottomUp={0}")
    @ValueSource(booleans = {false, true})
    void alloc_from_simple_generic_check(boolean bottomUp) {
        mb().setBottomUp(bottomUp);
        long size = SZ_16;
        sim.setupMemblock();
        long minAddr = mb().endOfDram() - SMP_CACHE_BYTES;
        assertThat(mb().allocFrom(size, SMP_CACHE_BYTES, minAddr)).isNotZero();
        assertRegion(sim.reserved(), 0, minAddr, size);
        assertCounts(sim.reserved(), 1, size);
    }

    @ParameterizedTest(name = "bottomUp={0}")
    @ValueSource(booleans = {false, true})
    void alloc_from_misaligned_generic_check(boolean bottomUp) {
        mb().setBottomUp(bottomUp);
        long size = SZ_32;
        sim.setupMemblock();
        long minAddr = mb().endOfDram() - (SMP_CACHE_BYTES * 2 - 1);
        assertThat(mb().allocFrom(size, SMP_CACHE_BYTES, minAddr)).isNotZero();
        assertRegion(sim.reserved(), 0, mb().endOfDram() - SMP_CACHE_BYTES, size);
        assertCounts(sim.reserved(), 1, size);
    }

    @Test
    void alloc_from_top_down_high_addr_check() {
        mb().setBottomUp(false);
        long size = SZ_32;
        sim.setupMemblock();
        long minAddr = mb().endOfDram() - SZ_16;
        assertThat(mb().allocFrom(size, SMP_CACHE_BYTES, minAddr)).isNotZero();
        assertRegion(sim.reserved(), 0, mb().endOfDram() - SMP_CACHE_BYTES, size);
        assertCounts(sim.reserved(), 1, size);
    }

    @Test
    void alloc_from_top_down_no_space_above_check() {
        mb().setBottomUp(false);
        long r1Size = SZ_64;
        long r2Size = SZ_2;
        sim.setupMemblock();
        long minAddr = mb().endOfDram() - SMP_CACHE_BYTES * 2;
        mb().reserve(minAddr, r2Size);
        assertThat(mb().allocFrom(r1Size, SMP_CACHE_BYTES, minAddr)).isNotZero();
        assertRegion(sim.reserved(), 0, minAddr - r1Size, r1Size + r2Size);
        assertCounts(sim.reserved(), 1, r1Size + r2Size);
    }

    @Test
    void alloc_from_top_down_min_addr_cap_check() {
        mb().setBottomUp(false);
        long r1Size = SZ_64;
        sim.setupMemblock();
        long startAddr = mb().startOfDram();
        long minAddr = startAddr - SMP_CACHE_BYTES * 3;
        mb().reserve(startAddr + r1Size, MEM_SIZE - r1Size);
        assertThat(mb().allocFrom(r1Size, SMP_CACHE_BYTES, minAddr)).isNotZero();
        assertRegion(sim.reserved(), 0, startAddr, MEM_SIZE);
        assertCounts(sim.reserved(), 1, MEM_SIZE);
    }

    @Test
    void alloc_from_bottom_up_high_addr_check() {
        mb().setBottomUp(true);
        long size = SZ_32;
        sim.setupMemblock();
        long minAddr = mb().endOfDram() - SZ_8;
        assertThat(mb().allocFrom(size, SMP_CACHE_BYTES, minAddr)).isNotZero();
        assertRegion(sim.reserved(), 0, mb().startOfDram(), size);
        assertCounts(sim.reserved(), 1, size);
    }

    @Test
    void alloc_from_bottom_up_no_space_above_check() {
        mb().setBottomUp(true);
        long r1Size = SZ_64;
        sim.setupMemblock();
        long minAddr = mb().startOfDram() + SZ_128;
        long r2Size = mb().endOfDram() - minAddr;
        mb().reserve(minAddr - SMP_CACHE_BYTES, r2Size);
        assertThat(mb().allocFrom(r1Size, SMP_CACHE_BYTES, minAddr)).isNotZero();
        assertRegion(sim.reserved(), 0, mb().startOfDram(), r1Size);
        assertCounts(sim.reserved(), 2, r1Size + r2Size);
    }

    @Test
    void alloc_from_bottom_up_min_addr_cap_check() {
        mb().setBottomUp(true);
        long r1Size = SZ_64;
        sim.setupMemblock();
        long startAddr = mb().startOfDram();
        long minAddr = startAddr - SMP_CACHE_BYTES * 3;
        assertThat(mb().allocFrom(r1Size, SMP_CACHE_BYTES, minAddr)).isNotZero();
        assertRegion(sim.reserved(), 0, startAddr, r1Size);
        assertCounts(sim.reserved(), 1, r1Size);
    }
}
