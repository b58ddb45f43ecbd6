package org.mmsim.proc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mmsim.arch.InputError;
import org.mmsim.arch.InputFiles;
import org.mmsim.proc.Meminfo;
import org.mmsim.proc.MeminfoFormat;

/**
 * Fuzzes the /proc/meminfo parser: any bytes either parse or are refused with an {@link InputError}, and what parses
 * reads back from its rendering.
 */
class MeminfoFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        Meminfo info;
        try {
            info = MeminfoFormat.parse("meminfo", InputFiles.decode("meminfo", data));
        } catch (InputError expected) {
            assert expected.getMessage() != null;
            return;
        }
        if (!MeminfoFormat.parse("rendered", MeminfoFormat.render(info)).equals(info)) {
            throw new IllegalStateException("render does not read back: " + info);
        }
    }
}
