package org.mmsim.cli;

import java.util.List;
import org.mmsim.arch.InputError;
import org.mmsim.page.init.BootedMachine;

/** The /proc and debugfs files the CLI can print for a booted machine, rendered in the kernel's format. */
final class ProcFiles {
    static final List<String> NAMES = List.of("zoneinfo", "buddyinfo", "pagetypeinfo", "meminfo", "vmstat",
            "extfrag_index", "unusable_index");

    private ProcFiles() {
    }

    static String render(String name, BootedMachine b) {
        throw new InputError("--print " + name + ": the model-to-/proc adapters are not merged yet");
    }
}
