package org.mmsim.proc.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mmsim.arch.InputError;
import org.mmsim.testdata.Oracle;

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
    void rejectsOtherFiles() {
        assertThatThrownBy(() -> ProcFileKind.detect("f", "\n\n")).isInstanceOf(InputError.class)
                .hasMessage("f: empty file");
        assertThatThrownBy(() -> ProcFileKind.detect("f", Oracle.read("x86_64-4G", "unusable_index")))
                .hasMessageStartingWith("f:1: this is a debugfs extfrag_index or unusable_index file");
        assertThatThrownBy(() -> ProcFileKind.detect("f", "\nMemTotal: 5 kB\n"))
                .hasMessage("f:2: not a buddyinfo, pagetypeinfo or zoneinfo file: 'MemTotal: 5 kB'");
    }
}
