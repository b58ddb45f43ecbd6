package org.mmsim.workload.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mmsim.reclaim.ExternalPages;
import org.mmsim.reclaim.Memory;
import org.mmsim.reclaim.OomCandidate;
import org.mmsim.vm.Mm;
import org.mmsim.vm.Paging;
import org.mmsim.vm.ProcMaps;
import org.mmsim.vm.Process;
import org.mmsim.vm.RssCounters;
import org.mmsim.vm.SwapDevice;
import org.mmsim.vm.ThpSettings;
import org.mmsim.vm.VmOutOfMemory;
import org.mmsim.vm.VmSystem;
import org.mmsim.vm.Vma;
import org.mmsim.workload.SimulationView;

/**
 * The processes of a run that live in the vm module (real address spaces, page tables, COW and THP faults),
 * with the one {@link VmSystem} they share. The VmSystem is made on the first process, so runs without
 * process generators keep the machine untouched (it takes the zero page from the allocator). Pids come from
 * the run's own pid sequence, so they never collide with the reclaim model's processes.
 */
final class VmProcesses {
    /** A live process: the pid and name the run reports, and the vm module's task. */
    record Task(int pid, String name, Process process) {
    }

    private final Memory mem;
    private final int swapSlots;
    private final List<Task> live = new ArrayList<>();
    private SimPhysPages phys;
    private VmSystem system;

    private final String thpEnabled;

    VmProcesses(Memory mem, long swapPages, String thpEnabled) {
        this.thpEnabled = thpEnabled;
        this.mem = mem;
        this.swapSlots = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(2, swapPages));
    }

    /** The shared VmSystem, made on first use with the machine's 4-level paging; null if the arch has none. */
    VmSystem system() {
        if (system == null) {
            Paging paging;
            try {
                paging = Paging.forArch(mem.machine.arch());
            } catch (IllegalArgumentException e) {
                return null;
            }
            phys = new SimPhysPages(mem);
            VmSystem sys = new VmSystem(paging, phys, swapSlots);
            sys.thp().enabled = ThpSettings.Enabled.valueOf(thpEnabled.toUpperCase(Locale.ROOT));
            system = sys;
            mem.setExternalPages(new ExternalPages() {
                @Override
                public boolean isMigratable(long pfn) {
                    return sys.isMigratableAnon(pfn);
                }

                @Override
                public boolean migrate(long src, long dst) {
                    return sys.migrateAnonPage(src, dst);
                }

                @Override
                public boolean referenced(long pfn) {
                    return sys.testAndClearYoung(pfn);
                }

                @Override
                public boolean pageOut(long pfn) {
                    return sys.swapOutAnon(pfn);
                }
            });
            mem.setExternalTasks(this::oomCandidates);
            sys.swap().setQuota(new SwapDevice.Quota() {
                @Override
                public boolean take() {
                    return mem.takeSwapSlot();
                }

                @Override
                public void give() {
                    mem.returnSwapSlot();
                }
            });
        }
        return system;
    }

    /** The shared VmSystem if a process ever made it, else null (never makes it). */
    VmSystem existingSystem() {
        return system;
    }

    /** A new process after exec (empty address space), or null when memory for its PGD runs out. */
    Task spawn(int pid, String name) {
        Process p;
        try {
            p = system().newProcess();
        } catch (VmOutOfMemory e) {
            return null;
        }
        Task t = new Task(pid, name, p);
        live.add(t);
        return t;
    }

    /** fork() of a live process: a child with a copy-on-write copy of its address space, or null (-ENOMEM). */
    Task fork(Task parent, int pid, String name) {
        Process p = parent.process().fork();
        if (p == null) {
            return null;
        }
        Task t = new Task(pid, name, p);
        live.add(t);
        return t;
    }

    /** exit(): all pages, swap entries and page tables of the process go back. */
    void exit(Task t) {
        if (live.remove(t)) {
            t.process().exit();
        }
    }

    /** The OOM killer's victims, exited by {@link #reapDoomed()} once the current operation is over. */
    private final List<Task> doomed = new ArrayList<>();

    /** Exits the tasks the OOM killer chose (the SIGKILL taking effect, then the oom reaper). */
    void reapDoomed() {
        if (doomed.isEmpty()) {
            return;
        }
        for (Task t : doomed) {
            exit(t);
        }
        doomed.clear();
    }

    /** Whether the task is still running (not exited, not killed). */
    boolean isLive(Task t) {
        return live.contains(t);
    }

    /** The live processes for the OOM killer: oom_badness() = RSS + swap entries + page-table pages. */
    private List<OomCandidate> oomCandidates() {
        List<OomCandidate> out = new ArrayList<>();
        for (Task t : live) {
            Mm mm = t.process().mm();
            long points = mm.rss() + mm.counter(RssCounters.MM_SWAPENTS) + mm.pageTablePagesWithPgd();
            long totalVm = 0;
            for (Vma v : mm.vmas()) {
                totalVm += v.pages();
            }
            out.add(new OomCandidate(t.pid(), t.name(), points, totalVm, mm.counter(RssCounters.MM_ANONPAGES),
                    doomed.contains(t), () -> doomed.add(t)));
        }
        return out;
    }

    /** The live processes as /proc/PID/status summarises them (VmRSS and VmSwap in pages). */
    List<SimulationView.ProcessInfo> infos() {
        List<SimulationView.ProcessInfo> out = new ArrayList<>();
        for (Task t : live) {
            out.add(new SimulationView.ProcessInfo(t.pid(), t.name(), t.process().rss(),
                    t.process().mm().counter(RssCounters.MM_SWAPENTS)));
        }
        return out;
    }

    /** /proc/PID/maps and /proc/PID/smaps of every live process, keyed "PID/maps" and "PID/smaps". */
    Map<String, String> procFiles() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Task t : live) {
            out.put(t.pid() + "/maps", ProcMaps.maps(t.process().mm()));
            out.put(t.pid() + "/smaps", ProcMaps.smaps(t.process().mm()));
        }
        return out;
    }

    /**
     * Adds what the vm processes hold to the run's counters: nr_page_table_pages (PTE and PMD tables, as 6.1's
     * NR_PAGETABLE) and, in nr_anon_pages, the user pages they hold (every page they allocated that is no
     * page table, zero page or huge zero page: anonymous pages, each counted once however many processes
     * map it, THPs as 512).
     */
    void addCounters(Map<String, Long> counters) {
        if (system == null) {
            return;
        }
        long zero = 1 + (system.hugeZeroPfn() >= 0 ? Paging.HPAGE_PMD_NR : 0);
        long user = phys.pagesHeld() - system.tables().tablePagesAllocated() - zero;
        counters.merge("nr_anon_pages", user, Long::sum);
        counters.merge("nr_page_table_pages", system.tables().nrPageTablePages(), Long::sum);
        counters.merge("pswpout", system.events().pswpout, Long::sum);
        counters.merge("pswpin", system.events().pswpin, Long::sum);
    }
}
