package org.mmsim.proc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mmsim.arch.InputError;
import org.mmsim.proc.BuddyInfoFormat;

/**
 * Fuzzes the /proc/buddyinfo parser: any bytes either parse or are refused with an {@link InputError}; nothing else
 * may escape. Plain {@code mvn verify} replays the saved corpus; {@code JAZZER_FUZZ=1} fuzzes for maxDuration.
 */
class BuddyInfoFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        try {
            BuddyInfoFormat.parse("buddyinfo", new String(data, java.nio.charset.StandardCharsets.UTF_8));
        } catch (InputError expected) {
            assert expected.getMessage() != null;
        }
    }
}
