package org.mmsim.kernel.highmem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mmsim.arch.layout.I386Config;

/**
 * kmap, kunmap and kmap_local on Debian's 686-pae kernel, worked by hand from mm/highmem.c and the i386 fixmap:
 * PKMAP_BASE 0xff000000 and LAST_PKMAP 512 with PAE; FIXADDR_TOP 0xfffff000; FIX_KMAP_BEGIN = 4 + 64 IO-APIC
 * slots = 68, KM_MAX_IDX 16; lowmem ends at pfn 0x36ffe (the i386pae oracle's "879MB LOWMEM available").
 */
class KmapTest {
    private static final long MAX_LOW = 0x36ffe;
    private final Kmap k = new Kmap(I386Config.debian686Pae(), MAX_LOW, 2);

    @Test
    void lowmemPagesHaveTheirKernelLogicalAddress() {
        assertThat(k.isHighmem(0x1000)).isFalse();
        assertThat(k.kmap(0x1000)).isEqualTo(0xc0000000L + 0x1000000L);
        assertThat(k.kmapLocal(0, 0x36ffd)).isEqualTo(0xc0000000L + 0x36ffd000L);
        assertThat(k.pageAddress(0x36ffe)).isZero();
    }

    @Test
    void highmemPagesGetPkmapSlotsStartingAfterSlotZero() {
        long a = k.kmap(0x40000);
        assertThat(a).isEqualTo(0xff001000L);
        assertThat(k.kmap(0x40000)).isEqualTo(a);
        assertThat(k.pkmapCount(1)).isEqualTo(3);
        assertThat(k.kmap(0x40001)).isEqualTo(0xff002000L);
        k.kunmap(0x40000);
        k.kunmap(0x40000);
        assertThat(k.pkmapCount(1)).isEqualTo(1);
        assertThat(k.pageAddress(0x40000)).isEqualTo(a);
    }

    @Test
    void wrapAroundFlushesUnusedSlotsOnce() {
        for (int i = 1; i < 512; i++) {
            long pfn = 0x40000 + i;
            assertThat(k.kmap(pfn)).isEqualTo(0xff000000L + ((long) i << 12));
            k.kunmap(pfn);
        }
        assertThat(k.flushes()).isZero();
        assertThat(k.kmap(0x50000)).isEqualTo(0xff000000L);
        assertThat(k.flushes()).isEqualTo(1);
        assertThat(k.pageAddress(0x40001)).isZero();
        assertThat(k.kmap(0x50001)).isEqualTo(0xff001000L);
    }

    @Test
    void everySlotBusyMeansKmapWouldSleep() {
        for (int i = 0; i < 512; i++) {
            assertThat(k.kmap(0x40000 + i)).isNotZero();
        }
        assertThat(k.kmap(0x60000)).isZero();
    }

    @Test
    void kmapLocalUsesPerCpuFixmapSlotsInStackOrder() {
        long a = k.kmapLocal(0, 0x40000);
        long b = k.kmapLocal(0, 0x40001);
        assertThat(a).isEqualTo(0xfffff000L - (68L << 12));
        assertThat(b).isEqualTo(0xfffff000L - (69L << 12));
        assertThat(k.kmapLocal(1, 0x40002)).isEqualTo(0xfffff000L - ((68L + 16) << 12));
        assertThatThrownBy(() -> k.kunmapLocal(0, a)).isInstanceOf(IllegalStateException.class);
        k.kunmapLocal(0, b);
        k.kunmapLocal(0, a);
        assertThat(k.kmapLocal(0, 0x40003)).isEqualTo(a);
    }
}
