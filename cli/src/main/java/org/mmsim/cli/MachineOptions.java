package org.mmsim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mmsim.arch.InputError;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.boot.spec.MachineSpec;
import picocli.CommandLine.Option;

/** The ways a command is told which machine to boot: a machine file or preset, or a real kernel's boot log. */
final class MachineOptions {
    private static final String DEFAULT_PRESET = "x86_64-4G";

    @Option(names = "--machine", paramLabel = "FILE|PRESET",
            description = "YAML machine file, or a preset: x86_64-256M, x86_64-1G, x86_64-4G (default), x86_64-16G, "
                    + "x86_64-4G-numa2, x86_64-4G-movablecore1G, i386pae-1G, i386pae-8G, arm64-1G")
    String machine;

    @Option(names = "--from-dmesg", paramLabel = "FILE", description = "twin a real machine from its boot log (dmesg)")
    Path dmesg;

    @Option(names = "--iomem", paramLabel = "FILE",
            description = "with --from-dmesg: the machine's /proc/iomem (where the kernel image lies); "
                    + "default: an 'iomem' file beside the dmesg")
    Path iomem;

    /** The machine file or preset booted when no boot log is given. */
    String machineName() {
        return machine == null ? DEFAULT_PRESET : machine;
    }

    /** The machine spec, defaulting to the x86_64-4G preset. */
    MachineSpec spec() {
        if (machine != null && dmesg != null) {
            throw new InputError("give either --machine or --from-dmesg, not both");
        }
        if (dmesg != null) {
            Path io = iomem;
            if (io == null) {
                Path beside = dmesg.toAbsolutePath().getParent().resolve("iomem");
                io = Files.isRegularFile(beside) ? beside : null;
            }
            return DmesgImporter.read(dmesg, io);
        }
        return MachineFile.load(machineName());
    }
}
