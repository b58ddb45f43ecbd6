package org.mmsim.boot.memblock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmsim.boot.memblock.MemblockSimulator.*;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cases of tools/testing/memblock/tests/alloc_nid_api.c (6.1), ported: range tests and the NUMA tests
 * (the harness built with NUMA=1). Each runs through memblock_alloc_try_nid() and
 * memblock_alloc_try_nid_raw(); the generic ones run top-down and bottom-up.
 */
class MemblockAllocNidApiTest {
    /** node_fractions of alloc_nid_api.c, in basis points. */
    private static final int[] NODE_FRACTIONS = {2500, 625, 1250, 1250, 625, 625, 2500, 625};

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

    /** run_memblock_alloc_try_nid(). */
    private long run(long size, long align, long minAddr, long maxAddr, int nid) {
        return raw ? mb().allocTryNidRaw(size, align, minAddr, maxAddr, nid)
                : mb().allocTryNid(size, align, minAddr, maxAddr, nid);
    }

    private static long regionEnd(MemblockType type, int i) {
        return type.end(i);
    }

    // ================================================================ range tests, top-down

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_top_down_simple_check(boolean rawAlloc) {
        start(false, rawAlloc);
        long size = SZ_128;
        sim.setupMemblock();
        long minAddr = mb().startOfDram() + SMP_CACHE_BYTES * 2;
        long maxAddr = minAddr + SZ_512;
        assertThat(run(size, SMP_CACHE_BYTES, minAddr, maxAddr, NUMA_NO_NODE)).isNotZero();
        assertRegion(sim.reserved(), 0, maxAddr - size, size);
        assertThat(regionEnd(sim.reserved(), 0)).isEqualTo(maxAddr);
        assertCounts(sim.reserved(), 1, size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_top_down_end_misaligned_check(boolean rawAlloc) {
        start(false, rawAlloc);
        long size = SZ_128;
        long misalign = SZ_2;
        sim.setupMemblock();
        long minAddr = mb().startOfDram() + SMP_CACHE_BYTES * 2;
        long maxAddr = minAddr + SZ_512 + misalign;
        assertThat(run(size, SMP_CACHE_BYTES, minAddr, maxAddr, NUMA_NO_NODE)).isNotZero();
        assertRegion(sim.reserved(), 0, maxAddr - size - misalign, size);
        assertThat(regionEnd(sim.reserved(), 0)).isLessThan(maxAddr);
        assertCounts(sim.reserved(), 1, size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_top_down_narrow_range_check(boolean rawAlloc) {
        start(false, rawAlloc);
        long size = SZ_256;
        sim.setupMemblock();
        long minAddr = mb().startOfDram() + SZ_512;
        long maxAddr = minAddr + SMP_CACHE_BYTES;
        assertThat(run(size, SMP_CACHE_BYTES, minAddr, maxAddr, NUMA_NO_NODE)).isNotZero();
        assertRegion(sim.reserved(), 0, maxAddr - size, size);
        assertCounts(sim.reserved(), 1, size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_top_down_reserved_with_space_check(boolean rawAlloc) {
        start(false, rawAlloc);
        long r3Size = SZ_64;
        long gapSize = SMP_CACHE_BYTES;
        sim.setupMemblock();
        long r1Base = mb().endOfDram() - SMP_CACHE_BYTES * 2;
        long r1Size = SMP_CACHE_BYTES;
        long r2Size = SZ_128;
        long r2Base = r1Base - (r3Size + gapSize + r2Size);
        long minAddr = r2Base + r2Size;
        long maxAddr = r1Base;
        mb().reserve(r1Base, r1Size);
        mb().reserve(r2Base, r2Size);
        assertThat(run(r3Size, SMP_CACHE_BYTES, minAddr, maxAddr, NUMA_NO_NODE)).isNotZero();
        assertRegion(sim.reserved(), 1, maxAddr - r3Size, r1Size + r3Size);
        assertRegion(sim.reserved(), 0, r2Base, r2Size);
        assertCounts(sim.reserved(), 2, r1Size + r2Size + r3Size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_top_down_reserved_no_space_check(boolean rawAlloc) {
        start(false, rawAlloc);
        long r3Size = SZ_256;
        long gapSize = SMP_CACHE_BYTES;
        sim.setupMemblock();
        long r1Base = mb().endOfDram() - SMP_CACHE_BYTES * 2;
        long r1Size = SMP_CACHE_BYTES;
        long r2Size = SZ_128;
        long r2Base = r1Base - (r2Size + gapSize);
        long minAddr = r2Base + r2Size;
        long maxAddr = r1Base;
        mb().reserve(r1Base, r1Size);
        mb().reserve(r2Base, r2Size);
        assertThat(run(r3Size, SMP_CACHE_BYTES, minAddr, maxAddr, NUMA_NO_NODE)).isNotZero();
        assertRegion(sim.reserved(), 1, r1Base, r1Size);
        assertRegion(sim.reserved(), 0, r2Base - r3Size, r2Size + r3Size);
        assertCounts(sim.reserved(), 2, r1Size + r2Size + r3Size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_top_down_cap_max_check(boolean rawAlloc) {
        start(false, rawAlloc);
        long size = SZ_256;
        sim.setupMemblock();
        long minAddr = mb().endOfDram() - SZ_1K;
        long maxAddr = mb().endOfDram() + SZ_256;
        assertThat(run(size, SMP_CACHE_BYTES, minAddr, maxAddr, NUMA_NO_NODE)).isNotZero();
        assertRegion(sim.reserved(), 0, mb().endOfDram() - size, size);
        assertCounts(sim.reserved(), 1, size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_top_down_cap_min_check(boolean rawAlloc) {
        start(false, rawAlloc);
        long size = SZ_1K;
        sim.setupMemblock();
        long minAddr = mb().startOfDram() - SZ_256;
        long maxAddr = mb().endOfDram();
        assertThat(run(size, SMP_CACHE_BYTES, minAddr, maxAddr, NUMA_NO_NODE)).isNotZero();
        assertRegion(sim.reserved(), 0, mb().endOfDram() - size, size);
        assertCounts(sim.reserved(), 1, size);
    }

    // ================================================================ range tests, bottom-up

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_bottom_up_simple_check(boolean rawAlloc) {
        start(true, rawAlloc);
        long size = SZ_128;
        sim.setupMemblock();
        long minAddr = mb().startOfDram() + SMP_CACHE_BYTES * 2;
        long maxAddr = minAddr + SZ_512;
        assertThat(run(size, SMP_CACHE_BYTES, minAddr, maxAddr, NUMA_NO_NODE)).isNotZero();
        assertRegion(sim.reserved(), 0, minAddr, size);
        assertThat(regionEnd(sim.reserved(), 0)).isLessThan(maxAddr);
        assertCounts(sim.reserved(), 1, size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_bottom_up_start_misaligned_check(boolean rawAlloc) {
        start(true, rawAlloc);
        long size = SZ_128;
        long misalign = SZ_2;
        sim.setupMemblock();
        long minAddr = mb().startOfDram() + misalign;
        long maxAddr = minAddr + SZ_512;
        assertThat(run(size, SMP_CACHE_BYTES, minAddr, maxAddr, NUMA_NO_NODE)).isNotZero();
        assertRegion(sim.reserved(), 0, minAddr + (SMP_CACHE_BYTES - misalign), size);
        assertThat(regionEnd(sim.reserved(), 0)).isLessThan(maxAddr);
        assertCounts(sim.reserved(), 1, size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_bottom_up_narrow_range_check(boolean rawAlloc) {
        start(true, rawAlloc);
        long size = SZ_256;
        sim.setupMemblock();
        long minAddr = mb().startOfDram() + SZ_512;
        long maxAddr = minAddr + SMP_CACHE_BYTES;
        assertThat(run(size, SMP_CACHE_BYTES, minAddr, maxAddr, NUMA_NO_NODE)).isNotZero();
        assertRegion(sim.reserved(), 0, mb().startOfDram(), size);
        assertCounts(sim.reserved(), 1, size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_bottom_up_reserved_with_space_check(boolean rawAlloc) {
        start(true, rawAlloc);
        long r3Size = SZ_64;
        long gapSize = SMP_CACHE_BYTES;
        sim.setupMemblock();
        long r1Base = mb().endOfDram() - SMP_CACHE_BYTES * 2;
        long r1Size = SMP_CACHE_BYTES;
        long r2Size = SZ_128;
        long r2Base = r1Base - (r3Size + gapSize + r2Size);
        long minAddr = r2Base + r2Size;
        long maxAddr = r1Base;
        mb().reserve(r1Base, r1Size);
        mb().reserve(r2Base, r2Size);
        assertThat(run(r3Size, SMP_CACHE_BYTES, minAddr, maxAddr, NUMA_NO_NODE)).isNotZero();
        assertRegion(sim.reserved(), 1, maxAddr, r1Size);
        assertRegion(sim.reserved(), 0, r2Base, r2Size + r3Size);
        assertCounts(sim.reserved(), 2, r1Size + r2Size + r3Size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_bottom_up_reserved_no_space_check(boolean rawAlloc) {
        start(true, rawAlloc);
        long r3Size = SZ_256;
        long gapSize = SMP_CACHE_BYTES;
        sim.setupMemblock();
        long r1Base = mb().endOfDram() - SMP_CACHE_BYTES * 2;
        long r1Size = SMP_CACHE_BYTES;
        long r2Size = SZ_128;
        long r2Base = r1Base - (r2Size + gapSize);
        long minAddr = r2Base + r2Size;
        long maxAddr = r1Base;
        mb().reserve(r1Base, r1Size);
        mb().reserve(r2Base, r2Size);
        assertThat(run(r3Size, SMP_CACHE_BYTES, minAddr, maxAddr, NUMA_NO_NODE)).isNotZero();
        assertRegion(sim.reserved(), 0, mb().startOfDram(), r3Size);
        assertRegion(sim.reserved(), 1, r2Base, r2Size);
        assertRegion(sim.reserved(), 2, r1Base, r1Size);
        assertCounts(sim.reserved(), 3, r1Size + r2Size + r3Size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_bottom_up_cap_max_check(boolean rawAlloc) {
        start(true, rawAlloc);
        long size = SZ_256;
        sim.setupMemblock();
        long minAddr = mb().startOfDram() + SZ_1K;
        long maxAddr = mb().endOfDram() + SZ_256;
        assertThat(run(size, SMP_CACHE_BYTES, minAddr, maxAddr, NUMA_NO_NODE)).isNotZero();
        assertRegion(sim.reserved(), 0, minAddr, size);
        assertCounts(sim.reserved(), 1, size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_bottom_up_cap_min_check(boolean rawAlloc) {
        start(true, rawAlloc);
        long size = SZ_1K;
        sim.setupMemblock();
        long minAddr = mb().startOfDram();
        long maxAddr = mb().endOfDram() - SZ_256;
        assertThat(run(size, SMP_CACHE_BYTES, minAddr, maxAddr, NUMA_NO_NODE)).isNotZero();
        assertRegion(sim.reserved(), 0, mb().startOfDram(), size);
        assertCounts(sim.reserved(), 1, size);
    }

    // ================================================================ range tests, both directions

    @ParameterizedTest(name = "bottomUp={0} raw={1}")
    @MethodSource("directionsAndRaw")
    void alloc_try_nid_min_reserved_generic_check(boolean bottomUp, boolean rawAlloc) {
        start(bottomUp, rawAlloc);
        long r1Size = SZ_128;
        long r2Size = SZ_64;
        sim.setupMemblock();
        long maxAddr = mb().endOfDram();
        long minAddr = maxAddr - r2Size;
        long reservedBase = minAddr - r1Size;
        mb().reserve(reservedBase, r1Size);
        assertThat(run(r2Size, SMP_CACHE_BYTES, minAddr, maxAddr, NUMA_NO_NODE)).isNotZero();
        assertRegion(sim.reserved(), 0, reservedBase, r1Size + r2Size);
        assertCounts(sim.reserved(), 1, r1Size + r2Size);
    }

    @ParameterizedTest(name = "bottomUp={0} raw={1}")
    @MethodSource("directionsAndRaw")
    void alloc_try_nid_max_reserved_generic_check(boolean bottomUp, boolean rawAlloc) {
        start(bottomUp, rawAlloc);
        long r1Size = SZ_64;
        long r2Size = SZ_128;
        sim.setupMemblock();
        long maxAddr = mb().endOfDram() - r1Size;
        long minAddr = maxAddr - r2Size;
        mb().reserve(maxAddr, r1Size);
        assertThat(run(r2Size, SMP_CACHE_BYTES, minAddr, maxAddr, NUMA_NO_NODE)).isNotZero();
        assertRegion(sim.reserved(), 0, minAddr, r1Size + r2Size);
        assertCounts(sim.reserved(), 1, r1Size + r2Size);
    }

    @ParameterizedTest(name = "bottomUp={0} raw={1}")
    @MethodSource("directionsAndRaw")
    void alloc_try_nid_exact_address_generic_check(boolean bottomUp, boolean rawAlloc) {
        start(bottomUp, rawAlloc);
        long size = SZ_1K;
        sim.setupMemblock();
        long minAddr = mb().startOfDram() + SMP_CACHE_BYTES;
        long maxAddr = minAddr + size;
        assertThat(run(size, SMP_CACHE_BYTES, minAddr, maxAddr, NUMA_NO_NODE)).isNotZero();
        assertRegion(sim.reserved(), 0, minAddr, size);
        assertThat(regionEnd(sim.reserved(), 0)).isEqualTo(maxAddr);
        assertCounts(sim.reserved(), 1, size);
    }

    @ParameterizedTest(name = "bottomUp={0} raw={1}")
    @MethodSource("directionsAndRaw")
    void alloc_try_nid_reserved_full_merge_generic_check(boolean bottomUp, boolean rawAlloc) {
        start(bottomUp, rawAlloc);
        long r3Size = SZ_64;
        sim.setupMemblock();
        long r1Base = mb().endOfDram() - SMP_CACHE_BYTES * 2;
        long r1Size = SMP_CACHE_BYTES;
        long r2Size = SZ_128;
        long r2Base = r1Base - (r3Size + r2Size);
        long total = r1Size + r2Size + r3Size;
        mb().reserve(r1Base, r1Size);
        mb().reserve(r2Base, r2Size);
        assertThat(run(r3Size, SMP_CACHE_BYTES, r2Base + r2Size, r1Base, NUMA_NO_NODE)).isNotZero();
        assertRegion(sim.reserved(), 0, r2Base, total);
        assertCounts(sim.reserved(), 1, total);
    }

    @ParameterizedTest(name = "bottomUp={0} raw={1}")
    @MethodSource("directionsAndRaw")
    void alloc_try_nid_reserved_all_generic_check(boolean bottomUp, boolean rawAlloc) {
        start(bottomUp, rawAlloc);
        long r3Size = SZ_256;
        long gapSize = SMP_CACHE_BYTES;
        sim.setupMemblock();
        long r1Base = mb().endOfDram() - SMP_CACHE_BYTES;
        long r1Size = SMP_CACHE_BYTES;
        long r2Size = MEM_SIZE - (r1Size + gapSize);
        long r2Base = mb().startOfDram();
        mb().reserve(r1Base, r1Size);
        mb().reserve(r2Base, r2Size);
        assertThat(run(r3Size, SMP_CACHE_BYTES, r2Base + r2Size, r1Base, NUMA_NO_NODE)).isZero();
    }

    @ParameterizedTest(name = "bottomUp={0} raw={1}")
    @MethodSource("directionsAndRaw")
    void alloc_try_nid_low_max_generic_check(boolean bottomUp, boolean rawAlloc) {
        start(bottomUp, rawAlloc);
        sim.setupMemblock();
        long minAddr = mb().startOfDram();
        long maxAddr = minAddr + SMP_CACHE_BYTES;
        assertThat(run(SZ_1K, SMP_CACHE_BYTES, minAddr, maxAddr, NUMA_NO_NODE)).isZero();
    }

    // ================================================================ NUMA tests, top-down

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_top_down_numa_simple_check(boolean rawAlloc) {
        start(false, rawAlloc);
        int nidReq = 3;
        sim.setupNumaMemblock(NODE_FRACTIONS);
        MemblockType mem = sim.memory();
        assertThat(mem.size(nidReq)).isGreaterThanOrEqualTo(4);
        long size = mem.size(nidReq) / 4;
        assertThat(run(size, SMP_CACHE_BYTES, mb().startOfDram(), mb().endOfDram(), nidReq)).isNotZero();
        assertRegion(sim.reserved(), 0, regionEnd(mem, nidReq) - size, size);
        assertThat(mem.base(nidReq)).isLessThanOrEqualTo(sim.reserved().base(0));
        assertCounts(sim.reserved(), 1, size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_top_down_numa_small_node_check(boolean rawAlloc) {
        start(false, rawAlloc);
        int nidReq = 1;
        int nidExp = 6;
        sim.setupNumaMemblock(NODE_FRACTIONS);
        MemblockType mem = sim.memory();
        long size = SZ_2 * mem.size(nidReq);
        assertThat(run(size, SMP_CACHE_BYTES, mb().startOfDram(), mb().endOfDram(), nidReq)).isNotZero();
        assertRegion(sim.reserved(), 0, regionEnd(mem, nidExp) - size, size);
        assertThat(mem.base(nidExp)).isLessThanOrEqualTo(sim.reserved().base(0));
        assertCounts(sim.reserved(), 1, size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_top_down_numa_node_reserved_check(boolean rawAlloc) {
        start(false, rawAlloc);
        int nidReq = 2;
        int nidExp = 6;
        sim.setupNumaMemblock(NODE_FRACTIONS);
        MemblockType mem = sim.memory();
        long size = mem.size(nidReq);
        mb().reserve(mem.base(nidReq), mem.size(nidReq));
        assertThat(run(size, SMP_CACHE_BYTES, mb().startOfDram(), mb().endOfDram(), nidReq)).isNotZero();
        assertRegion(sim.reserved(), 1, regionEnd(mem, nidExp) - size, size);
        assertThat(mem.base(nidExp)).isLessThanOrEqualTo(sim.reserved().base(1));
        assertCounts(sim.reserved(), 2, size + mem.size(nidReq));
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_top_down_numa_part_reserved_check(boolean rawAlloc) {
        start(false, rawAlloc);
        int nidReq = 4;
        sim.setupNumaMemblock(NODE_FRACTIONS);
        MemblockType mem = sim.memory();
        assertThat(mem.size(nidReq)).isGreaterThanOrEqualTo(8);
        long r1Base = mem.base(nidReq);
        long r1Size = mem.size(nidReq) / 2;
        long size = r1Size / 4;
        mb().reserve(r1Base, r1Size);
        assertThat(run(size, SMP_CACHE_BYTES, mb().startOfDram(), mb().endOfDram(), nidReq)).isNotZero();
        assertRegion(sim.reserved(), 1, regionEnd(mem, nidReq) - size, size);
        assertThat(mem.base(nidReq)).isLessThanOrEqualTo(sim.reserved().base(1));
        assertCounts(sim.reserved(), 2, size + r1Size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_top_down_numa_part_reserved_fallback_check(boolean rawAlloc) {
        start(false, rawAlloc);
        int nidReq = 4;
        int nidExp = NUMA_NODES - 1;
        sim.setupNumaMemblock(NODE_FRACTIONS);
        MemblockType mem = sim.memory();
        long size = mem.size(nidReq) / 2;
        long r1Base = mem.base(nidReq) + size / 2;
        mb().reserve(r1Base, size);
        assertThat(run(size, SMP_CACHE_BYTES, mb().startOfDram(), mb().endOfDram(), nidReq)).isNotZero();
        assertRegion(sim.reserved(), 1, regionEnd(mem, nidExp) - size, size);
        assertThat(mem.base(nidExp)).isLessThanOrEqualTo(sim.reserved().base(1));
        assertCounts(sim.reserved(), 2, size + size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_top_down_numa_split_range_low_check(boolean rawAlloc) {
        start(false, rawAlloc);
        int nidReq = 2;
        long size = SZ_512;
        sim.setupNumaMemblock(NODE_FRACTIONS);
        MemblockType mem = sim.memory();
        long reqNodeEnd = regionEnd(mem, nidReq);
        long minAddr = reqNodeEnd - SZ_256;
        assertThat(run(size, SMP_CACHE_BYTES, minAddr, minAddr + size, nidReq)).isNotZero();
        assertRegion(sim.reserved(), 0, reqNodeEnd - size, size);
        assertThat(mem.base(nidReq)).isLessThanOrEqualTo(sim.reserved().base(0));
        assertCounts(sim.reserved(), 1, size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_top_down_numa_split_range_high_check(boolean rawAlloc) {
        start(false, rawAlloc);
        int nidReq = 3;
        int nidExp = nidReq - 1;
        long size = SZ_512;
        sim.setupNumaMemblock(NODE_FRACTIONS);
        MemblockType mem = sim.memory();
        long expNodeEnd = regionEnd(mem, nidExp);
        long minAddr = expNodeEnd - SZ_256;
        assertThat(run(size, SMP_CACHE_BYTES, minAddr, minAddr + size, nidReq)).isNotZero();
        assertRegion(sim.reserved(), 0, expNodeEnd - size, size);
        assertThat(mem.base(nidExp)).isLessThanOrEqualTo(sim.reserved().base(0));
        assertCounts(sim.reserved(), 1, size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_top_down_numa_no_overlap_split_check(boolean rawAlloc) {
        start(false, rawAlloc);
        int nidReq = 2;
        long size = SZ_512;
        sim.setupNumaMemblock(NODE_FRACTIONS);
        MemblockType mem = sim.memory();
        long minAddr = mem.base(6) - SZ_256;
        assertThat(run(size, SMP_CACHE_BYTES, minAddr, minAddr + size, nidReq)).isNotZero();
        assertRegion(sim.reserved(), 0, regionEnd(mem, nidReq) - size, size);
        assertThat(mem.base(nidReq)).isLessThanOrEqualTo(sim.reserved().base(0));
        assertCounts(sim.reserved(), 1, size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_top_down_numa_no_overlap_low_check(boolean rawAlloc) {
        start(false, rawAlloc);
        assertNoOverlapTopDown(0);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_top_down_numa_no_overlap_high_check(boolean rawAlloc) {
        start(false, rawAlloc);
        assertNoOverlapTopDown(7);
    }

    /** Body shared by the kernel's top-down no_overlap_low (node 0) and no_overlap_high (node 7) cases. */
    private void assertNoOverlapTopDown(int nidReq) {
        long size = SZ_64;
        sim.setupNumaMemblock(NODE_FRACTIONS);
        MemblockType mem = sim.memory();
        long minAddr = mem.base(2);
        long maxAddr = regionEnd(mem, 5);
        assertThat(run(size, SMP_CACHE_BYTES, minAddr, maxAddr, nidReq)).isNotZero();
        assertRegion(sim.reserved(), 0, maxAddr - size, size);
        assertThat(mem.base(5)).isLessThanOrEqualTo(sim.reserved().base(0));
        assertCounts(sim.reserved(), 1, size);
    }

    // ================================================================ NUMA tests, bottom-up

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_bottom_up_numa_simple_check(boolean rawAlloc) {
        start(true, rawAlloc);
        int nidReq = 3;
        sim.setupNumaMemblock(NODE_FRACTIONS);
        MemblockType mem = sim.memory();
        assertThat(mem.size(nidReq)).isGreaterThanOrEqualTo(4);
        long size = mem.size(nidReq) / 4;
        assertThat(run(size, SMP_CACHE_BYTES, mb().startOfDram(), mb().endOfDram(), nidReq)).isNotZero();
        assertRegion(sim.reserved(), 0, mem.base(nidReq), size);
        assertThat(regionEnd(sim.reserved(), 0)).isLessThanOrEqualTo(regionEnd(mem, nidReq));
        assertCounts(sim.reserved(), 1, size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_bottom_up_numa_small_node_check(boolean rawAlloc) {
        start(true, rawAlloc);
        int nidReq = 1;
        int nidExp = 0;
        sim.setupNumaMemblock(NODE_FRACTIONS);
        MemblockType mem = sim.memory();
        long size = SZ_2 * mem.size(nidReq);
        assertThat(run(size, SMP_CACHE_BYTES, mb().startOfDram(), mb().endOfDram(), nidReq)).isNotZero();
        assertRegion(sim.reserved(), 0, mem.base(nidExp), size);
        assertThat(regionEnd(sim.reserved(), 0)).isLessThanOrEqualTo(regionEnd(mem, nidExp));
        assertCounts(sim.reserved(), 1, size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_bottom_up_numa_node_reserved_check(boolean rawAlloc) {
        start(true, rawAlloc);
        int nidReq = 2;
        int nidExp = 0;
        sim.setupNumaMemblock(NODE_FRACTIONS);
        MemblockType mem = sim.memory();
        long size = mem.size(nidReq);
        mb().reserve(mem.base(nidReq), mem.size(nidReq));
        assertThat(run(size, SMP_CACHE_BYTES, mb().startOfDram(), mb().endOfDram(), nidReq)).isNotZero();
        assertRegion(sim.reserved(), 0, mem.base(nidExp), size);
        assertThat(regionEnd(sim.reserved(), 0)).isLessThanOrEqualTo(regionEnd(mem, nidExp));
        assertCounts(sim.reserved(), 2, size + mem.size(nidReq));
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_bottom_up_numa_part_reserved_check(boolean rawAlloc) {
        start(true, rawAlloc);
        int nidReq = 4;
        sim.setupNumaMemblock(NODE_FRACTIONS);
        MemblockType mem = sim.memory();
        assertThat(mem.size(nidReq)).isGreaterThanOrEqualTo(8);
        long r1Base = mem.base(nidReq);
        long r1Size = mem.size(nidReq) / 2;
        long size = r1Size / 4;
        long total = size + r1Size;
        mb().reserve(r1Base, r1Size);
        assertThat(run(size, SMP_CACHE_BYTES, mb().startOfDram(), mb().endOfDram(), nidReq)).isNotZero();
        assertRegion(sim.reserved(), 0, mem.base(nidReq), total);
        assertThat(regionEnd(sim.reserved(), 0)).isLessThanOrEqualTo(regionEnd(mem, nidReq));
        assertCounts(sim.reserved(), 1, total);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_bottom_up_numa_part_reserved_fallback_check(boolean rawAlloc) {
        start(true, rawAlloc);
        int nidReq = 4;
        int nidExp = 0;
        sim.setupNumaMemblock(NODE_FRACTIONS);
        MemblockType mem = sim.memory();
        long size = mem.size(nidReq) / 2;
        long r1Base = mem.base(nidReq) + size / 2;
        mb().reserve(r1Base, size);
        assertThat(run(size, SMP_CACHE_BYTES, mb().startOfDram(), mb().endOfDram(), nidReq)).isNotZero();
        assertRegion(sim.reserved(), 0, mem.base(nidExp), size);
        assertThat(regionEnd(sim.reserved(), 0)).isLessThanOrEqualTo(regionEnd(mem, nidExp));
        assertCounts(sim.reserved(), 2, size + size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_bottom_up_numa_split_range_low_check(boolean rawAlloc) {
        start(true, rawAlloc);
        int nidReq = 2;
        long size = SZ_512;
        sim.setupNumaMemblock(NODE_FRACTIONS);
        MemblockType mem = sim.memory();
        long reqNodeEnd = regionEnd(mem, nidReq);
        long minAddr = reqNodeEnd - SZ_256;
        assertThat(run(size, SMP_CACHE_BYTES, minAddr, minAddr + size, nidReq)).isNotZero();
        assertRegion(sim.reserved(), 0, mem.base(nidReq), size);
        assertThat(regionEnd(sim.reserved(), 0)).isLessThanOrEqualTo(reqNodeEnd);
        assertCounts(sim.reserved(), 1, size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_bottom_up_numa_split_range_high_check(boolean rawAlloc) {
        start(true, rawAlloc);
        int nidReq = 3;
        int nidExp = 0;
        long size = SZ_512;
        sim.setupNumaMemblock(NODE_FRACTIONS);
        MemblockType mem = sim.memory();
        long expNodeEnd = regionEnd(mem, nidReq);
        long minAddr = mem.base(nidReq) - SZ_256;
        assertThat(run(size, SMP_CACHE_BYTES, minAddr, minAddr + size, nidReq)).isNotZero();
        assertRegion(sim.reserved(), 0, mem.base(nidExp), size);
        assertThat(regionEnd(sim.reserved(), 0)).isLessThanOrEqualTo(expNodeEnd);
        assertCounts(sim.reserved(), 1, size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_bottom_up_numa_no_overlap_split_check(boolean rawAlloc) {
        start(true, rawAlloc);
        int nidReq = 2;
        long size = SZ_512;
        sim.setupNumaMemblock(NODE_FRACTIONS);
        MemblockType mem = sim.memory();
        long minAddr = mem.base(6) - SZ_256;
        assertThat(run(size, SMP_CACHE_BYTES, minAddr, minAddr + size, nidReq)).isNotZero();
        assertRegion(sim.reserved(), 0, mem.base(nidReq), size);
        assertThat(regionEnd(sim.reserved(), 0)).isLessThanOrEqualTo(regionEnd(mem, nidReq));
        assertCounts(sim.reserved(), 1, size);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_bottom_up_numa_no_overlap_low_check(boolean rawAlloc) {
        start(true, rawAlloc);
        assertNoOverlapBottomUp(0);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void alloc_try_nid_bottom_up_numa_no_overlap_high_check(boolean rawAlloc) {
        start(true, rawAlloc);
        assertNoOverlapBottomUp(7);
    }

    /** Body shared by the kernel's bottom-up no_overlap_low (node 0) and no_overlap_high (node 7) cases. */
    private void assertNoOverlapBottomUp(int nidReq) {
        long size = SZ_64;
        sim.setupNumaMemblock(NODE_FRACTIONS);
        MemblockType mem = sim.memory();
        long minAddr = mem.base(2);
        long maxAddr = regionEnd(mem, 5);
        assertThat(run(size, SMP_CACHE_BYTES, minAddr, maxAddr, nidReq)).isNotZero();
        assertRegion(sim.reserved(), 0, minAddr, size);
        assertThat(regionEnd(sim.reserved(), 0)).isLessThanOrEqualTo(regionEnd(mem, 2));
        assertCounts(sim.reserved(), 1, size);
    }

    // ================================================================ NUMA tests, both directions

    @ParameterizedTest(name = "bottomUp={0} raw={1}")
    @MethodSource("directionsAndRaw")
    void alloc_try_nid_numa_large_region_generic_check(boolean bottomUp, boolean rawAlloc) {
        start(bottomUp, rawAlloc);
        sim.setupNumaMemblock(NODE_FRACTIONS);
        assertThat(run(MEM_SIZE / SZ_2, SMP_CACHE_BYTES, mb().startOfDram(), mb().endOfDram(), 3)).isZero();
    }

    @ParameterizedTest(name = "bottomUp={0} raw={1}")
    @MethodSource("directionsAndRaw")
    void alloc_try_nid_numa_reserved_full_merge_generic_check(boolean bottomUp, boolean rawAlloc) {
        start(bottomUp, rawAlloc);
        int nidReq = 6;
        int nidNext = nidReq + 1;
        sim.setupNumaMemblock(NODE_FRACTIONS);
        MemblockType mem = sim.memory();
        long size = mem.size(nidReq);
        long r1Base = mem.base(nidNext);
        long r1Size = SZ_128;
        long r2Size = SZ_128;
        long r2Base = r1Base - (size + r2Size);
        long total = r1Size + r2Size + size;
        mb().reserve(r1Base, r1Size);
        mb().reserve(r2Base, r2Size);
        assertThat(run(size, SMP_CACHE_BYTES, r2Base + r2Size, r1Base, nidReq)).isNotZero();
        assertRegion(sim.reserved(), 0, r2Base, total);
        assertThat(sim.reserved().base(0)).isLessThanOrEqualTo(mem.base(nidReq));
        assertThat(regionEnd(mem, nidReq)).isLessThanOrEqualTo(regionEnd(sim.reserved(), 0));
        assertCounts(sim.reserved(), 1, total);
    }

    @ParameterizedTest(name = "bottomUp={0} raw={1}")
    @MethodSource("directionsAndRaw")
    void alloc_try_nid_numa_split_all_reserved_generic_check(boolean bottomUp, boolean rawAlloc) {
        start(bottomUp, rawAlloc);
        long size = SZ_256;
        sim.setupNumaMemblock(NODE_FRACTIONS);
        long r2Base = sim.memory().base(7) + SZ_128;
        long r2Size = mb().endOfDram() - r2Base;
        long r1Size = MEM_SIZE - (r2Size + size);
        long r1Base = mb().startOfDram();
        mb().reserve(r1Base, r1Size);
        mb().reserve(r2Base, r2Size);
        assertThat(run(size, SMP_CACHE_BYTES, r1Base + r1Size, r2Base, NUMA_NO_NODE)).isZero();
    }
}
