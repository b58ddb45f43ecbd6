package org.mmsim.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mmsim.page.debug.BuddyChecker;

class SmokeTest {
    @Test
    void bootAllocFree() {
        Machine m = TestMachines.normalOnly(0x10000, 16384, 2, 0, 1);
        Zone z = m.zones().get(2);
        assertThat(z.nrFreePages()).isEqualTo(16384);
        assertThat(z.freeCount(10, MigrateType.MOVABLE)).isEqualTo(16);
        long p = m.allocPages(Gfp.GFP_HIGHUSER_MOVABLE, 0);
        assertThat(p).isEqualTo(0x10000);
        BuddyChecker.check(m);
        m.freePages(p, 0);
        BuddyChecker.check(m);
        assertThat(z.freeCount(10, MigrateType.MOVABLE)).isEqualTo(16);
    }
}
