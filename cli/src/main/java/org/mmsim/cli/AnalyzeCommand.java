package org.mmsim.cli;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mmsim.arch.InputError;
import org.mmsim.arch.InputFiles;
import org.mmsim.proc.BuddyInfo;
import org.mmsim.proc.BuddyInfoFormat;
import org.mmsim.proc.PageTypeInfo;
import org.mmsim.proc.PageTypeInfoFormat;
import org.mmsim.proc.ZoneInfo;
import org.mmsim.proc.ZoneInfoFormat;
import org.mmsim.proc.analyze.ExtfragThreshold;
import org.mmsim.proc.analyze.FragmentationReport;
import org.mmsim.proc.analyze.ProcFileConsistency;
import org.mmsim.proc.analyze.ProcFileKind;
import org.mmsim.proc.frag.FragmentationIndexFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mmsim analyze}: reads a real machine's /proc/buddyinfo (and optionally pagetypeinfo,
 * zoneinfo and /proc/sys/vm/extfrag_threshold, told apart by content), prints the extfrag_index and unusable_index
 * the kernel's debugfs would show, and explains in plain English what they mean for huge-page allocations. The files
 * may come from any kernel from 4.19 to 6.18; extfrag_threshold is the kernel's default, 500, unless its file or
 * {@code --extfrag-threshold} gives the machine's own. extfrag_index is printed as 6.1 prints it, or as kernels up to
 * 5.15 print it when the zoneinfo given is one of theirs (no boost line): mm/vmstat.c {@code extfrag_show_print()}
 * padded its whole part and zoneinfo gained its boost line after 5.15 (patches of October and September 2021).
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Fragmentation analysis of a machine's /proc/buddyinfo (required),",
            "with /proc/pagetypeinfo, /proc/zoneinfo and /proc/sys/vm/extfrag_threshold if given, in any order.",
            "Reads the files of Linux 4.19 to 6.18."})
public final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(arity = "1..4", paramLabel = "FILE",
            description = "buddyinfo, pagetypeinfo, zoneinfo, extfrag_threshold copies")
    List<Path> files;

    @Option(names = "--extfrag-threshold", paramLabel = "N",
            description = "the machine's vm.extfrag_threshold, 0..1000 (default: its file if given, else 500)")
    String extfragThreshold;

    @Override
    public Integer call() {
        Map<ProcFileKind, String> texts = new EnumMap<>(ProcFileKind.class);
        Map<ProcFileKind, Path> paths = new EnumMap<>(ProcFileKind.class);
        for (Path p : files) {
            String text = read(p);
            ProcFileKind kind = ProcFileKind.detect(p.toString(), text);
            if (paths.containsKey(kind)) {
                throw InputError.at(p, 0, "a second " + kind.fileName() + " (the first was " + paths.get(kind) + ")");
            }
            texts.put(kind, text);
            paths.put(kind, p);
        }
        if (!texts.containsKey(ProcFileKind.BUDDYINFO)) {
            throw InputError.at(files.get(0), 0, "no buddyinfo among the files; analyze needs /proc/buddyinfo");
        }
        BuddyInfo buddy = BuddyInfoFormat.parse(name(paths, ProcFileKind.BUDDYINFO), texts.get(ProcFileKind.BUDDYINFO));
        PageTypeInfo pagetypes = texts.containsKey(ProcFileKind.PAGETYPEINFO)
                ? PageTypeInfoFormat.parse(name(paths, ProcFileKind.PAGETYPEINFO), texts.get(ProcFileKind.PAGETYPEINFO))
                : null;
        ZoneInfo zoneinfo = texts.containsKey(ProcFileKind.ZONEINFO)
                ? ZoneInfoFormat.parse(name(paths, ProcFileKind.ZONEINFO), texts.get(ProcFileKind.ZONEINFO))
                : null;
        String buddyFile = name(paths, ProcFileKind.BUDDYINFO);
        String buddyText = texts.get(ProcFileKind.BUDDYINFO);
        if (pagetypes != null) {
            ProcFileConsistency.checkPageTypeInfo(buddyFile, buddyText, buddy, name(paths, ProcFileKind.PAGETYPEINFO),
                    texts.get(ProcFileKind.PAGETYPEINFO), pagetypes);
        }
        if (zoneinfo != null) {
            ProcFileConsistency.checkZoneInfo(buddyFile, buddyText, buddy, name(paths, ProcFileKind.ZONEINFO),
                    texts.get(ProcFileKind.ZONEINFO), zoneinfo);
        }
        int extfragWidth = zoneinfo == null || ZoneInfoFormat.printsBoost(texts.get(ProcFileKind.ZONEINFO))
                ? FragmentationIndexFormat.PADDED : FragmentationIndexFormat.UNPADDED;
        System.out.print(FragmentationReport.render(buddy, pagetypes, zoneinfo, threshold(texts, paths),
                extfragWidth));
        System.out.flush();
        return 0;
    }

    /** The flag's threshold, the file's, or the kernel's default; both given is a mistake. */
    private int threshold(Map<ProcFileKind, String> texts, Map<ProcFileKind, Path> paths) {
        String text = texts.get(ProcFileKind.EXTFRAG_THRESHOLD);
        if (text != null && extfragThreshold != null) {
            throw InputError.at("--extfrag-threshold", 0, "given beside the file "
                    + name(paths, ProcFileKind.EXTFRAG_THRESHOLD) + "; give one or the other");
        }
        if (extfragThreshold != null) {
            return ExtfragThreshold.of("--extfrag-threshold", extfragThreshold);
        }
        return text == null ? ExtfragThreshold.kernelDefault()
                : ExtfragThreshold.parse(name(paths, ProcFileKind.EXTFRAG_THRESHOLD), text);
    }

    private static String name(Map<ProcFileKind, Path> paths, ProcFileKind kind) {
        return paths.get(kind).toString();
    }

    private static String read(Path p) {
        return InputFiles.readText(p);
    }
}
