package org.mmsim.workload.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mmsim.arch.InputError;
import org.mmsim.arch.InputFiles;
import org.mmsim.workload.scenario.ScenarioFile;

/**
 * Fuzzes the scenario parser: any bytes, decoded as the CLI decodes a file, either parse or are refused with an
 * {@link InputError}; nothing else may escape, and a parse must stay fast. Seeds: the built-in scenarios; the
 * dictionary holds YAML's constructs (documents, anchors, aliases, tags, nesting) and the file's keys, without line
 * breaks (Jazzer writes one entry a line). Plain {@code mvn verify} replays the saved corpus; {@code JAZZER_FUZZ=1}
 * fuzzes for maxDuration.
 */
class ScenarioFileFuzzTest {
    @DictionaryEntries({
            "---", "&a ", "*a", "<<: ", "? ", "!!binary ", "\"\\0\"", "0x", "99999999999999999999", "2147483647",
            "-1", "[[", "{a: ", "~", "\t", "machine: ", "x86_64-1G", "duration: ", "sysctl: ", "vm.swappiness: ",
            "vm.lowmem_reserve_ratio: ", "record: ", "interval: ", "workload:", "  - ", "snapshot: { at: 1s, label: ",
            "kernel: { rate: ", "orders: {", "gfp: ", "GFP_KERNEL | __GFP_NOWARN", "process: { size: ", "forks: ",
            "fork_at: ", "1441m", "0.5ns", "4096T", "/s", "hz: ", "seed: "})
    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        try {
            ScenarioFile.parse("s.yaml", InputFiles.decode("s.yaml", data));
        } catch (InputError expected) {
            assert expected.getMessage() != null;
        }
    }
}
