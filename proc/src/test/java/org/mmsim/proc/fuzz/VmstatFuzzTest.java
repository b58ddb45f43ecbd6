package org.mmsim.proc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mmsim.arch.InputError;
import org.mmsim.arch.InputFiles;
import org.mmsim.proc.Vmstat;
import org.mmsim.proc.VmstatFormat;

/**
 * Fuzzes the /proc/vmstat parser: any bytes either parse or are refused with an {@link InputError}, and what parses
 * reads back from its rendering.
 */
class VmstatFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        Vmstat vmstat;
        try {
            vmstat = VmstatFormat.parse("vmstat", InputFiles.decode("vmstat", data));
        } catch (InputError expected) {
            assert expected.getMessage() != null;
            return;
        }
        if (!VmstatFormat.parse("rendered", VmstatFormat.render(vmstat)).equals(vmstat)) {
            throw new IllegalStateException("render does not read back: " + vmstat);
        }
    }
}
