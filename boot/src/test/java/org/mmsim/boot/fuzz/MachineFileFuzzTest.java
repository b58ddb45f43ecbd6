package org.mmsim.boot.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mmsim.arch.InputError;
import org.mmsim.arch.InputFiles;
import org.mmsim.boot.spec.MachineFile;

/**
 * Fuzzes the machine-file parser: any bytes, decoded as the CLI decodes a file, either parse or are refused with an
 * {@link InputError}; nothing else may escape, and a parse must stay fast. Seeds: the built-in presets; the
 * dictionary holds YAML's constructs (documents, anchors, aliases, tags, nesting) and the file's keys, without line
 * breaks (Jazzer writes one entry a line). Plain {@code mvn verify} replays the saved corpus; {@code JAZZER_FUZZ=1}
 * fuzzes for maxDuration.
 */
class MachineFileFuzzTest {
    @DictionaryEntries({
            "---", "&a ", "*a", "<<: ", "? ", "!!binary ", "\"\\0\"", "0x", "99999999999999999999", "2147483647",
            "-1", "[[", "{a: ", "~", "\t", "sysctl: ", "vm.min_free_kbytes: ", "vm.lowmem_reserve_ratio: ",
            "vm.percpu_pagelist_high_fraction: ", "vm.watermark_scale_factor: ", "cmdline: \"mem=", "movablecore=",
            "kernelcore=", "numa: ", "reserved: ", "late_frees: ", "cma: ", "16E", "1P", "64T", "early: ",
            "kernel_image: ", "type: ", "size: ", "end: ", "start: ", "node: ", "cpus: "})
    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        try {
            MachineFile.parse("m.yaml", InputFiles.decode("m.yaml", data));
        } catch (InputError expected) {
            assert expected.getMessage() != null;
        }
    }
}
