package org.mmsim.boot.memblock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmsim.boot.memblock.MemblockSimulator.*;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cases of tools/testing/memblock/tests/alloc_api.c (6.1), ported. Like the kernel, each runs through
 * memblock_alloc() and memblock_alloc_raw(); the generic ones run top-down and bottom-up.
 */
class MemblockAllocApiTest {
    private final MemblockSimulator sim = new MemblockSimulator();
    private boolean raw;

    static Stream<Arguments> directionsAndRaw() {
        return Stream.of(Arguments.of(false, false), Arguments.of(true, false),
                Arguments.of(false, true), Arguments.of(true, true));
    }

    private Memblock mb() {
        return sim.memblock;
    }

    private void start(boolean bottomUp, boolean rawAlloc) {
        sim.memblock.setBottomUp(bottomUp);
        this.raw = rawAlloc;
    }

    /** run_memblock_alloc(). */
    private long runMemblockAlloc(long size, long align) {
        return raw ? mb().allocRaw(size, align) : mb().alloc(size, align);
    }

    // ------------------------------------------------------------ top-down

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_top_down_simple_check(boolean rawAlloc) {
        start(false, rawAlloc);
        sim.setupMemblock();
        long expectedStart = mb().endOfDram() - SMP_CACHE_BYTES;
        long p = runMemblockAlloc(SZ_2, SMP_CACHE_BYTES);
        assertThat(p).isNotZero();
        assertRegion(sim.reserved(), 0, expectedStart, SZ_2);
        assertCounts(sim.reserved(), 1, SZ_2);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_top_down_disjoint_check(boolean rawAlloc) {
        start(false, rawAlloc);
        long r2Size = SZ_16;
        long alignment = SMP_CACHE_BYTES * 2;
        sim.setupMemblock();
        long r1Base = mb().endOfDram() - SZ_2;
        long expectedStart = mb().endOfDram() - alignment;
        mb().reserve(r1Base, SZ_2);
        long p = runMemblockAlloc(r2Size, alignment);
        assertThat(p).isNotZero();
        assertRegion(sim.reserved(), 1, r1Base, SZ_2);
        assertRegion(sim.reserved(), 0, expectedStart, r2Size);
        assertCounts(sim.reserved(), 2, SZ_2 + r2Size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_top_down_before_check(boolean rawAlloc) {
        start(false, rawAlloc);
        long r1Size = SMP_CACHE_BYTES;
        long r2Size = SZ_512;
        long total = r1Size + r2Size;
        sim.setupMemblock();
        mb().reserve(mb().endOfDram() - total, r1Size);
        long p = runMemblockAlloc(r2Size, SMP_CACHE_BYTES);
        assertThat(p).isNotZero();
        assertRegion(sim.reserved(), 0, mb().endOfDram() - total, total);
        assertCounts(sim.reserved(), 1, total);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_top_down_after_check(boolean rawAlloc) {
        start(false, rawAlloc);
        long r2Size = SZ_512;
        sim.setupMemblock();
        long r1Base = mb().endOfDram() - SMP_CACHE_BYTES;
        long r1Size = SZ_8;
        mb().reserve(r1Base, r1Size);
        long p = runMemblockAlloc(r2Size, SMP_CACHE_BYTES);
        assertThat(p).isNotZero();
        assertRegion(sim.reserved(), 0, r1Base - r2Size, r1Size + r2Size);
        assertCounts(sim.reserved(), 1, r1Size + r2Size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_top_down_second_fit_check(boolean rawAlloc) {
        start(false, rawAlloc);
        long r3Size = SZ_1K;
        sim.setupMemblock();
        long r1Base = mb().endOfDram() - SZ_512;
        long r1Size = SZ_512;
        long r2Base = r1Base - SZ_512;
        long r2Size = SZ_256;
        mb().reserve(r1Base, r1Size);
        mb().reserve(r2Base, r2Size);
        long p = runMemblockAlloc(r3Size, SMP_CACHE_BYTES);
        assertThat(p).isNotZero();
        assertRegion(sim.reserved(), 0, r2Base - r3Size, r2Size + r3Size);
        assertCounts(sim.reserved(), 2, r1Size + r2Size + r3Size);
    }

    // ------------------------------------------------------------ bottom-up

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_bottom_up_simple_check(boolean rawAlloc) {
        start(true, rawAlloc);
        sim.setupMemblock();
        long p = runMemblockAlloc(SZ_2, SMP_CACHE_BYTES);
        assertThat(p).isNotZero();
        assertRegion(sim.reserved(), 0, mb().startOfDram(), SZ_2);
        assertCounts(sim.reserved(), 1, SZ_2);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_bottom_up_disjoint_check(boolean rawAlloc) {
        start(true, rawAlloc);
        long r2Size = SZ_16;
        long alignment = SMP_CACHE_BYTES * 2;
        sim.setupMemblock();
        long r1Base = mb().startOfDram() + SZ_2;
        long expectedStart = mb().startOfDram() + alignment;
        mb().reserve(r1Base, SZ_2);
        long p = runMemblockAlloc(r2Size, alignment);
        assertThat(p).isNotZero();
        assertRegion(sim.reserved(), 0, r1Base, SZ_2);
        assertRegion(sim.reserved(), 1, expectedStart, r2Size);
        assertCounts(sim.reserved(), 2, SZ_2 + r2Size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_bottom_up_before_check(boolean rawAlloc) {
        start(true, rawAlloc);
        long r1Size = SZ_512;
        long r2Size = SZ_128;
        sim.setupMemblock();
        mb().reserve(mb().startOfDram() + r1Size, r2Size);
        long p = runMemblockAlloc(r1Size, SMP_CACHE_BYTES);
        assertThat(p).isNotZero();
        assertRegion(sim.reserved(), 0, mb().startOfDram(), r1Size + r2Size);
        assertCounts(sim.reserved(), 1, r1Size + r2Size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_bottom_up_after_check(boolean rawAlloc) {
        start(true, rawAlloc);
        long r2Size = SZ_512;
        sim.setupMemblock();
        long r1Base = mb().startOfDram() + SMP_CACHE_BYTES;
        long r1Size = SZ_64;
        mb().reserve(r1Base, r1Size);
        long p = runMemblockAlloc(r2Size, SMP_CACHE_BYTES);
        assertThat(p).isNotZero();
        assertRegion(sim.reserved(), 0, r1Base, r1Size + r2Size);
        assertCounts(sim.reserved(), 1, r1Size + r2Size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_bottom_up_second_fit_check(boolean rawAlloc) {
        start(true, rawAlloc);
        long r3Size = SZ_1K;
        sim.setupMemblock();
        long r1Base = mb().startOfDram();
        long r1Size = SZ_512;
        long r2Base = r1Base + r1Size + SZ_512;
        long r2Size = SZ_256;
        mb().reserve(r1Base, r1Size);
        mb().reserve(r2Base, r2Size);
        long p = runMemblockAlloc(r3Size, SMP_CACHE_BYTES);
        assertThat(p).isNotZero();
        assertRegion(sim.reserved(), 1, r2Base, r2Size + r3Size);
        assertCounts(sim.reserved(), 2, r1Size + r2Size + r3Size);
    }

    // ------------------------------------------------------------ both directions

    @ParameterizedTest(name = "bottomUp={0} raw={1}")
    @MethodSource("directionsAndRaw")
    void alloc_in_between_generic_check(boolean bottomUp, boolean rawAlloc) {
        start(bottomUp, rawAlloc);
        long gapSize = SMP_CACHE_BYTES;
        long r3Size = SZ_64;
        long rgnSize = (MEM_SIZE - (2 * gapSize + r3Size)) / 2;
        sim.setupMemblock();
        long r1Base = mb().endOfDram() - (gapSize + rgnSize);
        long r2Base = mb().startOfDram() + gapSize;
        long total = 2 * rgnSize + r3Size;
        mb().reserve(r1Base, rgnSize);
        mb().reserve(r2Base, rgnSize);
        long p = runMemblockAlloc(r3Size, SMP_CACHE_BYTES);
        assertThat(p).isNotZero();
        assertRegion(sim.reserved(), 0, r1Base - rgnSize - r3Size, total);
        assertCounts(sim.reserved(), 1, total);
    }

    @ParameterizedTest(name = "bottomUp={0} raw={1}")
    @MethodSource("directionsAndRaw")
    void alloc_small_gaps_generic_check(boolean bottomUp, boolean rawAlloc) {
        start(bottomUp, rawAlloc);
        long regionSize = SZ_1K;
        long gapSize = SZ_256;
        sim.setupMemblock();
        long regionEnd = mb().startOfDram();
        while (regionEnd < mb().endOfDram()) {
            mb().reserve(regionEnd + gapSize, regionSize);
            regionEnd += gapSize + regionSize;
        }
        assertThat(runMemblockAlloc(regionSize, SMP_CACHE_BYTES)).isZero();
    }

    @ParameterizedTest(name = "bottomUp={0} raw={1}")
    @MethodSource("directionsAndRaw")
    void alloc_all_reserved_generic_check(boolean bottomUp, boolean rawAlloc) {
        start(bottomUp, rawAlloc);
        sim.setupMemblock();
        mb().reserve(mb().startOfDram(), MEM_SIZE);
        assertThat(runMemblockAlloc(SZ_256, SMP_CACHE_BYTES)).isZero();
    }

    @ParameterizedTest(name = "bottomUp={0} raw={1}")
    @MethodSource("directionsAndRaw")
    void alloc_no_space_generic_check(boolean bottomUp, boolean rawAlloc) {
        start(bottomUp, rawAlloc);
        long availableSize = SZ_256;
        sim.setupMemblock();
        mb().reserve(mb().startOfDram(), MEM_SIZE - availableSize);
        assertThat(runMemblockAlloc(SZ_1K, SMP_CACHE_BYTES)).isZero();
    }

    @ParameterizedTest(name = "bottomUp={0} raw={1}")
    @MethodSource("directionsAndRaw")
    void alloc_limited_space_generic_check(boolean bottomUp, boolean rawAlloc) {
        start(bottomUp, rawAlloc);
        long availableSize = SZ_256;
        sim.setupMemblock();
        mb().reserve(mb().startOfDram(), MEM_SIZE - availableSize);
        long p = runMemblockAlloc(availableSize, SMP_CACHE_BYTES);
        assertThat(p).isNotZero();
        assertRegion(sim.reserved(), 0, mb().startOfDram(), MEM_SIZE);
        assertCounts(sim.reserved(), 1, MEM_SIZE);
    }

    @ParameterizedTest(name = "bottomUp={0} raw={1}")
    @MethodSource("directionsAndRaw")
    void alloc_no_memory_generic_check(boolean bottomUp, boolean rawAlloc) {
        start(bottomUp, rawAlloc);
        sim.resetMemblockRegions();
        assertThat(runMemblockAlloc(SZ_1K, SMP_CACHE_BYTES)).isZero();
        assertRegion(sim.reserved(), 0, 0, 0);
        assertThat(sim.reserved().totalSize()).isZero();
    }

    @ParameterizedTest(name = "bottomUp={0} raw={1}")
    @MethodSource("directionsAndRaw")
    void alloc_too_large_generic_check(boolean bottomUp, boolean rawAlloc) {
        start(bottomUp, rawAlloc);
        sim.setupMemblock();
        assertThat(runMemblockAlloc(MEM_SIZE + SZ_2, SMP_CACHE_BYTES)).isZero();
        assertRegion(sim.reserved(), 0, 0, 0);
        assertThat(sim.reserved().totalSize()).isZero();
    }
}
