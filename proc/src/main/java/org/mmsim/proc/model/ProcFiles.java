package org.mmsim.proc.model;

import java.util.List;
import java.util.Map;
import org.mmsim.page.Machine;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.proc.BuddyInfo;
import org.mmsim.proc.BuddyInfoFormat;
import org.mmsim.proc.Meminfo;
import org.mmsim.proc.MeminfoFormat;
import org.mmsim.proc.PageTypeInfo;
import org.mmsim.proc.PageTypeInfoFormat;
import org.mmsim.proc.Vmstat;
import org.mmsim.proc.VmstatFormat;
import org.mmsim.proc.ZoneInfo;
import org.mmsim.proc.ZoneInfoFormat;
import org.mmsim.proc.frag.FragmentationIndexFormat;

/**
 * The /proc (and debugfs extfrag) files of one moment of the model, as records and as the kernel's text:
 * buddyinfo, pagetypeinfo, zoneinfo, meminfo, vmstat, extfrag_index, unusable_index.
 */
public final class ProcFiles {
    /** The files a scenario may ask to record, in the order they are written. */
    public static final List<String> NAMES = List.of("buddyinfo", "pagetypeinfo", "zoneinfo", "meminfo", "vmstat",
            "extfrag_index", "unusable_index");

    private final BootedMachine booted;
    private final ModelCounters counters;
    private final long swapTotalPages;
    private BuddyInfo buddy;

    /**
     * @param counters       the simulation's vmstat-named counters (may be null or empty)
     * @param swapTotalPages swap size in pages, for meminfo
     */
    public ProcFiles(BootedMachine booted, Map<String, Long> counters, long swapTotalPages) {
        this.booted = booted;
        this.counters = new ModelCounters(booted.machine(), counters);
        this.swapTotalPages = swapTotalPages;
    }

    private Machine machine() {
        return booted.machine();
    }

    private long totalreserve() {
        return booted.setup().totalreservePages();
    }

    public BuddyInfo buddyInfo() {
        if (buddy == null) {
            buddy = BuddyInfoModel.of(machine());
        }
        return buddy;
    }

    public PageTypeInfo pageTypeInfo() {
        return PageTypeInfoModel.of(machine());
    }

    public ZoneInfo zoneInfo() {
        return ZoneInfoModel.of(machine(), counters);
    }

    public Meminfo meminfo() {
        return MeminfoModel.of(machine(), totalreserve(), counters, swapTotalPages);
    }

    public Vmstat vmstat() {
        return VmstatModel.of(machine(), totalreserve(), counters);
    }

    /** The kernel's text of one of {@link #NAMES}. */
    public String render(String name) {
        return switch (name) {
            case "buddyinfo" -> BuddyInfoFormat.render(buddyInfo());
            case "pagetypeinfo" -> PageTypeInfoFormat.render(pageTypeInfo());
            case "zoneinfo" -> ZoneInfoFormat.render(zoneInfo());
            case "meminfo" -> MeminfoFormat.render(meminfo());
            case "vmstat" -> VmstatFormat.render(vmstat());
            case "extfrag_index" -> FragmentationIndexFormat.extfragIndex(buddyInfo());
            case "unusable_index" -> FragmentationIndexFormat.unusableIndex(buddyInfo());
            default -> throw new IllegalArgumentException("no proc file " + name);
        };
    }
}
