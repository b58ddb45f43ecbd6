package org.mmsim.web.machine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.kernel.slab.SlabInfo;
import org.mmsim.kernel.vmalloc.VmallocInfo;
import org.mmsim.page.init.BootResidue;
import org.mmsim.proc.model.ProcFiles;
import org.mmsim.study.BootExhaustion;
import org.mmsim.study.MachineBoot;
import org.mmsim.web.ApiError;

/**
 * The four ways the machine view boots a machine, each as {@code mmsim boot} would: a preset
 * ({@code --machine PRESET}), a machine file's text ({@code --machine FILE}), a boot log's text
 * ({@code --from-dmesg}, with the same machine's /proc/iomem when given), and a set of a real machine's /proc
 * files, booted from the set's dmesg, whose files are then compared with the model's. Uploads are parsed from
 * memory; no path is ever read.
 */
public final class MachineSources {
    /** The /proc (and debugfs) files the model renders right after boot. */
    static final List<String> COMPARABLE = List.of("buddyinfo", "pagetypeinfo", "zoneinfo", "meminfo", "vmstat",
            "extfrag_index", "unusable_index", "slabinfo", "vmallocinfo");

    private MachineSources() {
    }

    /** A built-in machine. */
    public static BootedView preset(String name) {
        MachineSpec spec = MachineFile.preset(name);
        MachineBoot boot = MachineBoot.boot(spec, null, BootResidue.NONE,
                new BootExhaustion.Inputs(name, null, null, null, null), true);
        return view(boot, "preset " + name, List.of());
    }

    /** A machine file's text; a mistake is an InputError naming the upload and the line. */
    public static BootedView machineFile(Upload file) {
        MachineSpec spec = MachineFile.parse(file.name(), file.text());
        return view(boot(spec, file), "machine file " + file.name(), List.of());
    }

    /** A boot log, with the same machine's /proc/iomem (null when not given). */
    public static BootedView dmesg(Upload dmesg, Upload iomem) {
        MachineSpec spec = parseDmesg(dmesg, iomem);
        return view(boot(spec, dmesg), "boot log " + dmesg.name(), List.of());
    }

    /**
     * A set of a real machine's /proc files: booted from its dmesg (and iomem), then each file the model renders
     * shown beside the model's. Without a dmesg: one 400.
     */
    public static BootedView procSet(List<Upload> files) {
        Upload dmesg = null;
        Upload iomem = null;
        for (Upload u : files) {
            if (u.procName().startsWith("dmesg")) {
                dmesg = u;
            } else if (u.procName().equals("iomem")) {
                iomem = u;
            }
        }
        if (dmesg == null) {
            throw ApiError.badRequest("a set of /proc files needs the machine's boot log to boot from: add its dmesg"
                    + " (a file named dmesg) to the set");
        }
        MachineSpec spec = parseDmesg(dmesg, iomem);
        MachineBoot boot = boot(spec, dmesg);
        ProcFiles model = boot.files();
        List<ProcComparison> compared = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (Upload u : files) {
            String n = u.procName();
            if (COMPARABLE.contains(n)) {
                compared.add(ProcComparison.of(n, u.text(), switch (n) {
                    case "slabinfo" -> SlabInfo.render(boot.kernel().slub());
                    case "vmallocinfo" -> VmallocInfo.render(boot.kernel().vmalloc(),
                            VmallocInfo.PointerStyle.PLACEHOLDER);
                    default -> model.render(n);
                }));
            } else if (u != dmesg && u != iomem) {
                ignored.add(u.name());
            }
        }
        BootedView v = view(boot, "/proc files of " + dmesg.name() + " (" + files.size() + " files)", compared);
        v.report().put("ignored", ignored);
        return v;
    }

    private static MachineSpec parseDmesg(Upload dmesg, Upload iomem) {
        return DmesgImporter.parse(dmesg.name(), dmesg.text(), iomem == null ? null : iomem.name(),
                iomem == null ? null : iomem.text());
    }

    /** Boots an uploaded machine; out of memory is explained against the upload's name. */
    private static MachineBoot boot(MachineSpec spec, Upload from) {
        return MachineBoot.boot(spec, null, BootResidue.NONE,
                new BootExhaustion.Inputs(null, Path.of(from.name()), null, null, null), true);
    }

    private static BootedView view(MachineBoot boot, String source, List<ProcComparison> compared) {
        Map<String, Object> report = MachineReport.of(boot, source, compared);
        return new BootedView(report, boot.booted().layout());
    }
}
