package org.mmsim.boot.memblock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our reproduction of the kernel's memblock test harness (tools/testing/memblock/tests/common.c and
 * common.h of 6.1): a simulated block of MEM_SIZE bytes of "physical memory", the reset helpers, and
 * setup_numa_memblock() splitting it over eight nodes by fractions in basis points. The harness is
 * built with NUMA=1, i.e. CONFIG_NUMA with CONFIG_NODES_SHIFT=4, and tools/include's
 * SMP_CACHE_BYTES of 32.
 */
final class MemblockSimulator {
    static final long SZ_2 = 2;
    static final long SZ_8 = 8;
    static final long SZ_16 = 16;
    static final long SZ_32 = 32;
    static final long SZ_64 = 64;
    static final long SZ_128 = 128;
    static final long SZ_256 = 256;
    static final long SZ_512 = 512;
    static final long SZ_1K = 1L << 10;
    static final long SZ_2K = 2L << 10;
    static final long SZ_4K = 4L << 10;
    static final long SZ_8K = 8L << 10;
    static final long SZ_16K = 16L << 10;
    static final long SZ_64K = 64L << 10;
    static final long SZ_128K = 128L << 10;
    static final long SZ_512K = 512L << 10;
    static final long SZ_1M = 1L << 20;
    static final long SZ_2M = 2L << 20;
    static final long SZ_4M = 4L << 20;
    static final long SZ_8M = 8L << 20;
    static final long SZ_16M = 16L << 20;
    static final long SZ_32M = 32L << 20;
    static final long SZ_64M = 64L << 20;
    static final long SZ_128M = 128L << 20;
    static final long SZ_256M = 256L << 20;
    static final long SZ_512M = 512L << 20;
    static final long SZ_1G = 1L << 30;
    static final long SZ_2G = 2L << 30;
    static final long PHYS_ADDR_MAX = PhysAddr.PHYS_ADDR_MAX;
    static final int NUMA_NO_NODE = Memblock.NUMA_NO_NODE;

    /** MEM_SIZE of common.h. */
    static final long MEM_SIZE = SZ_16K;
    /** NUMA_NODES of common.h. */
    static final int NUMA_NODES = 8;
    /** SMP_CACHE_BYTES of tools/include/linux/cache.h. */
    static final long SMP_CACHE_BYTES = 32;
    /** The harness's build: NUMA=1 sets CONFIG_NODES_SHIFT=4. */
    static final MemblockConfig CONFIG = new MemblockConfig(true, 1 << 4, 12, SMP_CACHE_BYTES,
            MemblockConfig.DEFAULT_ARCH_LOW_ADDRESS_LIMIT, 8);
    /**
     * Where the simulated memory block lies. The kernel harness mallocs it; any page-aligned address
     * above the first page behaves the same.
     */
    static final long MEMORY_BLOCK_BASE = 0x10000000L;

    Memblock memblock = new Memblock(CONFIG);

    /** reset_memblock_regions(): empty region arrays, allocation direction and limit kept. */
    void resetMemblockRegions() {
        Memblock fresh = new Memblock(CONFIG);
        fresh.setBottomUp(memblock.bottomUp());
        fresh.setCurrentLimit(memblock.getCurrentLimit());
        fresh.setMovableNodeEnabled(memblock.movableNodeEnabled());
        memblock = fresh;
    }

    /** setup_memblock(): the whole simulated block as one memory region. */
    void setupMemblock() {
        resetMemblockRegions();
        memblock.add(MEMORY_BLOCK_BASE, MEM_SIZE);
    }

    /** setup_numa_memblock(): node i gets nodeFracs[i] / 10000 of MEM_SIZE, flagged hotplug. */
    void setupNumaMemblock(int[] nodeFracs) {
        resetMemblockRegions();
        long base = MEMORY_BLOCK_BASE;
        int flags = memblock.movableNodeEnabled() ? MemblockFlags.NONE : MemblockFlags.HOTPLUG;
        for (int i = 0; i < NUMA_NODES; i++) {
            long size = MEM_SIZE * nodeFracs[i] / 10000;
            memblock.addNode(base, size, i, flags);
            base += size;
        }
    }

    MemblockType memory() {
        return memblock.memory();
    }

    MemblockType reserved() {
        return memblock.reserved();
    }

    static void assertRegion(MemblockType type, int i, long base, long size) {
        assertThat(type.base(i)).as("%s[%d].base", type.name(), i).isEqualTo(base);
        assertThat(type.size(i)).as("%s[%d].size", type.name(), i).isEqualTo(size);
    }

    static void assertCounts(MemblockType type, int cnt, long totalSize) {
        assertThat(type.cnt()).as("%s.cnt", type.name()).isEqualTo(cnt);
        assertThat(type.totalSize()).as("%s.total_size", type.name()).isEqualTo(totalSize);
    }
}
