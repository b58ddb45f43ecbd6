package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mmsim.proc.ZoneInfoFormat;
import org.mmsim.proc.ZoneInfoNode;
import org.mmsim.proc.ZoneInfoZone;
import org.mmsim.testdata.Oracle;

/**
 * Issue 6, acceptance 4: on the x86_64 4G oracle machine (booted with nokaslr, so the direct map starts at
 * page_offset_base 0xffff888000000000), translating the kernel logical address of a pfn names the pfn and the
 * zone the kernel's /proc/zoneinfo places it in (start_pfn and spanned of each zone).
 */
class TranslateOracleTest {
    private static final long PAGE_OFFSET = 0xffff888000000000L;

    @Test
    void kernelLogicalAddressesLandInTheKernelsZones() throws Exception {
        String dmesg = Oracle.file("x86_64-4G", "dmesg").toString();
        int checked = 0;
        Path zoneinfo = Oracle.file("x86_64-4G", "zoneinfo");
        for (ZoneInfoNode node : ZoneInfoFormat.parse(zoneinfo.toString(), Files.readString(zoneinfo)).nodes()) {
            for (ZoneInfoZone z : node.zones()) {
                if (z.spanned() == 0) {
                    continue;
                }
                for (long pfn : new long[] {z.startPfn(), z.startPfn() + z.spanned() / 2,
                        z.startPfn() + z.spanned() - 1}) {
                    String out = run("translate", "0x" + Long.toHexString(PAGE_OFFSET + (pfn << 12)), "--arch",
                            "x86_64", "--from-dmesg", dmesg);
                    assertThat(out).contains("pfn:         0x" + Long.toHexString(pfn) + " (" + pfn + ")");
                    assertThat(out).contains("zone:        Node " + node.nodeId() + ", zone " + z.name());
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(9);
    }

    static String run(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.status()).isZero();
        return r.out();
    }
}
