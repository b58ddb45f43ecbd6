package org.mmsim.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mmsim.arch.InputError;
import org.mmsim.testdata.Oracle;
import org.mmsim.testdata.OtherKernels;

/**
 * {@link ZoneInfoFormat} on the zoneinfo layouts of other kernels than 6.1, real files from testdata/kernels: 5.8
 * prints neither the boost nor the cma line, 6.18 prints a promo line and pagesets with high_min and high_max.
 * Expected values are read off the files.
 */
class ZoneInfoKernelVersionsTest {

    @Test
    void linux58WithoutBoostAndCmaLines() {
        ZoneInfo zi = ZoneInfoFormat.parse("zi", OtherKernels.read("linux-5.8-x86_64-jc", "zoneinfo"));
        ZoneInfoZone normal = zi.node(0).zone("Normal");
        assertThat(normal.boost()).isZero();
        assertThat(normal.cma()).isZero();
        assertThat(normal.min()).isEqualTo(4097);
        assertThat(normal.high()).isEqualTo(6145);
        assertThat(normal.managed()).isEqualTo(236634);
        assertThat(normal.protection()).containsExactly(0, 0, 0, 0, 0);
        assertThat(normal.pagesets()).containsExactly(new Pageset(0, 340, 378, 63, 16), new Pageset(1, 174, 378, 63,
                16));
        assertThat(normal.startPfn()).isEqualTo(1048576);
        assertThat(zi.node(0).zone("Device").populated()).isFalse();
    }

    @Test
    void linux618WithPromoAndWidePagesets() {
        ZoneInfo zi = ZoneInfoFormat.parse("zi", OtherKernels.read("linux-6.18-x86_64-this-machine", "zoneinfo"));
        ZoneInfoZone dma32 = zi.node(0).zone("DMA32");
        assertThat(dma32.min()).isEqualTo(3145);
        assertThat(dma32.promo()).isEqualTo(5503);
        assertThat(dma32.managed()).isEqualTo(772845);
        assertThat(dma32.pagesets()).containsExactly(new Pageset(0, 0, 1965, 63, 24), new Pageset(1, 0, 1965, 63, 24));
        assertThat(zi.node(0).zone("Normal").startPfn()).isEqualTo(1048576);
        assertThat(zi.node(0).zones()).hasSize(5);
    }

    @Test
    void theBoostLineTellsKernelsUpTo515FromLaterOnes() {
        assertThat(ZoneInfoFormat.printsBoost(OtherKernels.read("linux-5.10-x86_64-2G", "boot/zoneinfo"))).isFalse();
        assertThat(ZoneInfoFormat.printsBoost(OtherKernels.read("linux-5.8-x86_64-jc", "zoneinfo"))).isFalse();
        assertThat(ZoneInfoFormat.printsBoost(Oracle.read("x86_64-4G", "zoneinfo"))).isTrue();
        assertThat(ZoneInfoFormat.printsBoost(OtherKernels.read("linux-6.18-x86_64-this-machine", "zoneinfo")))
                .isTrue();
    }

    @Test
    void widePagesetWithoutHighMaxNamesTheLine() {
        String text = OtherKernels.read("linux-6.18-x86_64-this-machine", "zoneinfo")
                .replaceFirst("              high_max: 240\n", "");
        // line 88 held DMA's first high_max; its vm stats threshold line moved up into its place
        assertThatThrownBy(() -> ZoneInfoFormat.parse("zi", text)).isInstanceOf(InputError.class)
                .hasMessage("zi:88: expected 'high_max:', found '  vm stats threshold: 4'");
    }
}
