package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsim.proc.BuddyInfoFormat;
import org.mmsim.proc.ZoneFreeArea;
import org.mmsim.testdata.Oracle;

/**
 * {@code mmsim run oracle-tmpfs --meminfo} starts from the real 4 GiB machine's memory use after boot, so its
 * three snapshots come out as the kernel's: buddy free pages within 2 % at after-alloc, after-free and
 * after-compact (issue 4's bound).
 */
class OracleTmpfsRunTest {
    @TempDir
    Path dir;

    private static long buddyPages(String text) {
        long pages = 0;
        for (ZoneFreeArea z : BuddyInfoFormat.parse("buddyinfo", text).zones()) {
            pages += z.freePages();
        }
        return pages;
    }

    @Test
    void theOracleWorkloadFromTheCommandLine() throws IOException {
        Path out = dir.resolve("tmpfs");
        CliRun r = CliRun.of("run", "oracle-tmpfs", "--meminfo", Oracle.file("x86_64-4G", "meminfo").toString(),
                "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        for (String phase : new String[] {"after-alloc", "after-free", "after-compact"}) {
            long sim = buddyPages(Files.readString(out.resolve("proc/" + phase + "/buddyinfo")));
            long kernel = buddyPages(Oracle.read("x86_64-4G", "workload/" + phase + "/buddyinfo"));
            assertThat(Math.abs(sim - kernel) * 100.0 / kernel).as(phase).isLessThanOrEqualTo(2.0);
        }
    }
}
