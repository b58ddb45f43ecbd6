package org.mmsim.workload.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mmsim.arch.InputError;
import org.mmsim.arch.InputFiles;
import org.mmsim.workload.scenario.ScenarioFile;

/**
 * Fuzzes the scenario parser: any bytes, decoded as the CLI decodes a file, either parse or are refused with an
 * {@link InputError}; nothing else may escape, and a parse must stay fast. Seeds: the built-in scenarios. Plain
 * {@code mvn verify} replays the saved corpus; {@code JAZZER_FUZZ=1} fuzzes for maxDuration.
 */
class ScenarioFileFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void parse(byte[] data) {
        try {
            ScenarioFile.parse("s.yaml", InputFiles.decode("s.yaml", data));
        } catch (InputError expected) {
            assert expected.getMessage() != null;
        }
    }
}
