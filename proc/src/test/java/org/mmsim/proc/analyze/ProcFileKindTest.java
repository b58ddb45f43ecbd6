package org.mmsim.proc.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mmsim.arch.InputError;
import org.mmsim.testdata.Oracle;
import org.mmsim.testdata.OtherKernels;

class ProcFileKindTest {

    @Test
    void tellsTheThreeFilesApartByContent() {
        for (String c : Oracle.allCases()) {
            assertThat(ProcFileKind.detect("f", Oracle.read(c, "buddyinfo"))).isEqualTo(ProcFileKind.BUDDYINFO);
            assertThat(ProcFileKind.detect("f", Oracle.read(c, "pagetypeinfo"))).isEqualTo(ProcFileKind.PAGETYPEINFO);
            assertThat(ProcFileKind.detect("f", Oracle.read(c, "zoneinfo"))).isEqualTo(ProcFileKind.ZONEINFO);
        }
    }

    @Test
    void theFilesOfOtherKernelsAndTheirExtfragThreshold() {
        String machine = "linux-6.18-x86_64-this-machine";
        assertThat(ProcFileKind.detect("f", OtherKernels.read(machine, "zoneinfo"))).isEqualTo(ProcFileKind.ZONEINFO);
        assertThat(ProcFileKind.detect("f", OtherKernels.read(machine, "extfrag_threshold")))
                .isEqualTo(ProcFileKind.EXTFRAG_THRESHOLD);
        assertThat(ProcFileKind.detect("f", OtherKernels.read("linux-5.10-x86_64-2G", "holes/buddyinfo")))
                .isEqualTo(ProcFileKind.BUDDYINFO);
        // 5.10 prints extfrag_index unpadded; it is still told apart from a buddyinfo
        assertThatThrownBy(() -> ProcFileKind.detect("f", OtherKernels.read("linux-5.10-x86_64-2G",
                "holes/unusable_index"))).hasMessageStartingWith("f:1: this is a debugfs extfrag_index");
        assertThatThrownBy(() -> ProcFileKind.detect("f", "Node 0, zone    DMA32 0.999 1.000 \n"))
                .hasMessageStartingWith("f:1: this is a debugfs extfrag_index");
    }

    @Test
    void rejectsOtherFiles() {
        assertThatThrownBy(() -> ProcFileKind.detect("f", "\n\n")).isInstanceOf(InputError.class)
                .hasMessage("f: empty file");
        assertThatThrownBy(() -> ProcFileKind.detect("f", Oracle.read("x86_64-4G", "unusable_index")))
                .hasMessageStartingWith("f:1: this is a debugfs extfrag_index or unusable_index file");
        assertThatThrownBy(() -> ProcFileKind.detect("f", "\nMemTotal: 5 kB\n"))
                .hasMessage("f:2: not a buddyinfo, pagetypeinfo or zoneinfo file: 'MemTotal: 5 kB'");
    }
}
