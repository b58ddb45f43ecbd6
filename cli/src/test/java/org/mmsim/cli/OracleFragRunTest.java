package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsim.testdata.Oracle;

/**
 * The built-in oracle-frag scenario writes its snapshots under the oracle's phase names, and in the holed state
 * its debugfs extfrag_index is the real kernel's, byte for byte: allocations of order 9 and 10 would fail for
 * fragmentation (0.999, 1.000) in DMA32 and Normal, every lower order would succeed (-1.000).
 */
class OracleFragRunTest {
    @TempDir
    Path dir;

    @Test
    void theHoledStateHasTheKernelsExtfragIndex() throws IOException {
        Path out = dir.resolve("frag");
        CliRun r = CliRun.of("run", "oracle-frag", "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        for (String phase : new String[] {"after-punch", "after-holes", "after-compact", "after-exit"}) {
            assertThat(out.resolve("proc/" + phase + "/buddyinfo")).exists();
        }
        assertThat(Files.readString(out.resolve("proc/after-holes/extfrag_index")))
                .isEqualTo(Oracle.read("x86_64-4G-frag", "frag/after-holes/extfrag_index"));
    }
}
