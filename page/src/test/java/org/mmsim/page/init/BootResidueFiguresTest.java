package org.mmsim.page.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mmsim.arch.InputError;

/**
 * The residue from typed meminfo figures, worked by hand: with 4 KiB pages a kB figure is kB / 4 pages, and the
 * unmovable part is (MemTotal - MemFree) less Shmem, AnonPages and SReclaimable.
 */
class BootResidueFiguresTest {
    private static ResidueMeminfo figures(long total, long free, long shmem, long anon, long sreclaimable) {
        return new ResidueMeminfo("meminfo", new MeminfoFigure(total, 1), new MeminfoFigure(free, 2),
                new MeminfoFigure(shmem, 5), new MeminfoFigure(anon, 7), new MeminfoFigure(sreclaimable, 9),
                MeminfoFigure.ABSENT, MeminfoFigure.ABSENT);
    }

    @Test
    void usedMemoryIsSplitByMigratetype() {
        // 1,000,000 kB total and 800,000 free: 250,000 - 200,000 = 50,000 pages used; Shmem 25,000, AnonPages
        // 1,000 and SReclaimable 2,000 pages of it, so 22,000 unmovable.
        BootResidue r = BootResidue.of(figures(1_000_000, 800_000, 100_000, 4_000, 8_000), 12, 250_000);
        assertThat(r).isEqualTo(new BootResidue(22_000, 0, 2_000, 25_000, 0, 1_000));
    }

    @Test
    void unreclaimableSlabAndPageCacheAreTheirOwnKinds() {
        // As above, with SUnreclaim 12,000 kB (3,000 pages) and Cached 120,000 kB (30,000 pages, of which Shmem's
        // 25,000 are tmpfs, so 5,000 other page cache): 22,000 - 3,000 - 5,000 = 14,000 pages of kernel memory.
        ResidueMeminfo m = new ResidueMeminfo("meminfo", new MeminfoFigure(1_000_000, 1),
                new MeminfoFigure(800_000, 2), new MeminfoFigure(100_000, 5), new MeminfoFigure(4_000, 7),
                new MeminfoFigure(8_000, 9), new MeminfoFigure(12_000, 10), new MeminfoFigure(120_000, 4));
        BootResidue r = BootResidue.of(m, 12, 250_000);
        assertThat(r).isEqualTo(new BootResidue(14_000, 3_000, 2_000, 25_000, 5_000, 1_000));
        assertThat(new long[] {r.unmovable(), r.reclaimable(), r.movable(), r.typed(), r.total()})
                .containsExactly(17_000, 2_000, 31_000, 36_000, 50_000);
    }

    @Test
    void typedFiguresAddingUpToMoreThanTheUsedMemoryAreRefused() {
        ResidueMeminfo m = new ResidueMeminfo("meminfo", new MeminfoFigure(1_000_000, 1),
                new MeminfoFigure(800_000, 2), new MeminfoFigure(150_000, 5), new MeminfoFigure(60_000, 7),
                MeminfoFigure.ABSENT, MeminfoFigure.ABSENT, MeminfoFigure.ABSENT);
        assertThatThrownBy(() -> BootResidue.of(m, 12, 250_000)).isInstanceOf(InputError.class)
                .hasMessage("meminfo: Shmem, AnonPages, SReclaimable, SUnreclaim and the rest of Cached add up to"
                        + " 210000 kB, more than the memory in use (MemTotal - MemFree = 200000 kB)");
    }

    @Test
    void absentFieldsCountAsZero() {
        ResidueMeminfo m = new ResidueMeminfo("meminfo", new MeminfoFigure(8_192, 1), new MeminfoFigure(4_096, 2),
                MeminfoFigure.ABSENT, MeminfoFigure.ABSENT, MeminfoFigure.ABSENT, MeminfoFigure.ABSENT,
                MeminfoFigure.ABSENT);
        assertThat(BootResidue.of(m, 12, Long.MAX_VALUE)).isEqualTo(BootResidue.kernelOnly(1_024));
    }

    @Test
    void refusalsNameTheFieldsLine() {
        assertThatThrownBy(() -> BootResidue.of(figures(1_000_000, 800_000, 0, 300_000, 0), 12, 250_000))
                .isInstanceOf(InputError.class)
                .hasMessage("meminfo:7: AnonPages 300000 kB is more than the memory in use (MemTotal - MemFree = "
                        + "200000 kB)");
        assertThatThrownBy(() -> BootResidue.of(figures(1_000_004, 0, 0, 0, 0), 12, 250_000))
                .hasMessage("meminfo:1: MemTotal 1000004 kB is more than the machine's 1000000 kB of memory: is this"
                        + " meminfo from another machine?");
        assertThatThrownBy(() -> BootResidue.of(figures(1L << 42, 0, 0, 0, 0), 12, Long.MAX_VALUE))
                .hasMessage("meminfo:1: MemTotal: '4398046511104' is not a number of kB from 0 to 2^42");
    }
}
