package org.mmsim.boot.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mmsim.arch.InputError;
import org.mmsim.arch.InputFiles;
import org.mmsim.boot.reserve.BootMemblock;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.boot.zone.EarlyBoot;
import org.mmsim.testdata.Oracle;

/**
 * Fuzzes the /proc/iomem read beside a real boot log (the 4 GiB x86_64 oracle's): any bytes either give the
 * kernel image's reservation, which memblock then takes, or are refused with an {@link InputError}; nothing else
 * may escape.
 */
class IomemFuzzTest {
    private static final String DMESG = Oracle.read("x86_64-4G", "dmesg");

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        try {
            MachineSpec spec = DmesgImporter.parse("dmesg", DMESG, "iomem", InputFiles.decode("iomem", data));
            BootMemblock.build(EarlyBoot.layout(spec));
        } catch (InputError expected) {
            assert expected.getMessage() != null;
        }
    }
}
