package org.mmsim.boot.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mmsim.arch.InputError;
import org.mmsim.arch.InputFiles;
import org.mmsim.boot.log.BootLog;
import org.mmsim.boot.reserve.BootMemblock;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.boot.zone.BootLayout;
import org.mmsim.boot.zone.EarlyBoot;

/**
 * Fuzzes the boot-log import: any bytes, decoded as the CLI decodes a file, either give a machine that the boot
 * module lays out (zone sizing, memblock, the boot log's lines) or are refused with an {@link InputError}; nothing
 * else may escape. Plain {@code mvn verify} replays the saved corpus; {@code JAZZER_FUZZ=1} fuzzes for maxDuration.
 */
class DmesgFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        try {
            MachineSpec spec = DmesgImporter.parse("dmesg", InputFiles.decode("dmesg", data), null, null);
            BootLayout layout = EarlyBoot.layout(spec);
            BootLog.memoryLine(layout, BootMemblock.build(layout));
            BootLog.lines(layout);
        } catch (InputError expected) {
            assert expected.getMessage() != null;
        }
    }
}
