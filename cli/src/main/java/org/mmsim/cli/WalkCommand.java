package org.mmsim.cli;

import org.mmsim.arch.Arch;
import org.mmsim.arch.InputError;
import org.mmsim.vm.Mman;
import org.mmsim.vm.PageTableWalk;
import org.mmsim.vm.Paging;
import org.mmsim.vm.ProcMaps;
import org.mmsim.vm.Process;
import org.mmsim.vm.VmSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mmsim walk}: the page-table walk of an address, level by level. With {@code --run DIR}, in any process of
 * a finished run at one of its moments: the run is brought back to that moment by running its recorded inputs
 * again ({@link RunInputs}; the model is deterministic) and checked against the run's recorded end. Without it,
 * a tiny demo process (mmap, touch, fork, a copy-on-write write) in parent and child, plus both /proc/PID/maps.
 */
@Command(name = "walk", mixinStandardHelpOptions = true,
        description = "Page-table walk of a virtual address, level by level: with --run DIR PID ADDR, in a process "
                + "of a finished run; otherwise in a demo process (mmap + touch + fork + COW write).")
public final class WalkCommand implements Runnable {
    @picocli.CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "PID",
            description = "walk in this process: of the run (see proc/<moment>/PID), or of the demo: 1 (parent) or 2"
                    + " (child, after its COW write)")
    Integer pid;

    @Option(names = "--run", paramLabel = "DIR", description = "the output folder of a finished mmsim run")
    java.nio.file.Path run;

    @Option(names = "--at", paramLabel = "MOMENT", defaultValue = "end",
            description = "with --run: the moment, as its proc/ folder is named (start, end, t<seconds>s, a label);"
                    + " default ${DEFAULT-VALUE}")
    String at;

    @picocli.CommandLine.Parameters(index = "1", arity = "0..1", paramLabel = "ADDR",
            description = "the virtual address to walk (hex 0x... or decimal); default: inside --page")
    String address;

    @Option(names = "--arch", defaultValue = "x86_64", description = "x86_64 or arm64 (default ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--pages", defaultValue = "4", description = "Pages to map and touch (default ${DEFAULT-VALUE}).")
    int pages;

    @Option(names = "--page", defaultValue = "1", description = "Which page of the mapping to walk (default ${DEFAULT-VALUE}).")
    int page;

    @Override
    public void run() {
        if (run != null) {
            if (pid == null || address == null) {
                throw InputError.at("--run", 0, "give the PID and the ADDR to walk in the run's process");
            }
            System.out.print(RunReplay.walk(run, at, pid, canonical(address)));
            return;
        }
        Arch a = Arch.byId(arch);
        if (a == null || (a != Arch.X86_64 && a != Arch.ARM64)) {
            throw InputError.at("--arch", 0, "unknown or unsupported architecture '" + arch + "' (x86_64, arm64)");
        }
        if (pages < 1 || pages > 4096 || page < 0 || page >= pages) {
            throw InputError.at("--pages/--page", 0, "need 1 <= pages <= 4096 and 0 <= page < pages");
        }
        VmSystem sys = VmSystem.simple(Paging.forArch(a), 1 << 14);
        Process parent = sys.newProcess();
        long len = pages * 4096L;
        long base = parent.mmap(len, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE);
        parent.touchRange(base, len, true);
        Process child = parent.fork();
        long addr = base + page * 4096L + 0x10;
        if (pid != null) {
            if (pid != parent.pid() && pid != child.pid()) {
                throw InputError.at("PID", 0, "the demo has pid " + parent.pid() + " (parent) and " + child.pid()
                        + " (child), not " + pid);
            }
            long where = address == null ? addr : canonical(address);
            child.touch(addr, true);
            Process p = pid == parent.pid() ? parent : child;
            System.out.printf("# demo: pid %d parent, pid %d child; mapping 0x%x-0x%x%n", parent.pid(), child.pid(),
                    base, base + len);
            System.out.print(PageTableWalk.walk(p.mm(), where));
            return;
        }
        System.out.printf("# parent pid %d: mmap(%d KiB) at 0x%x, all pages written, then fork()%n",
                parent.pid(), len >> 10, base);
        System.out.println("## parent after fork (write-protected for COW)");
        System.out.print(PageTableWalk.walk(parent.mm(), addr));
        child.touch(addr, true);
        System.out.printf("## child pid %d after its write (copied: refcount was 2)%n", child.pid());
        System.out.print(PageTableWalk.walk(child.mm(), addr));
        System.out.printf("## /proc/%d/maps%n", child.pid());
        System.out.print(ProcMaps.maps(child.mm()));
        System.out.printf("## rss: parent %d pages, child %d pages; page-table pages: parent %d, child %d (PGD included)%n",
                parent.rss(), child.rss(), parent.mm().pageTablePagesWithPgd(), child.mm().pageTablePagesWithPgd());
    }

    /** ADDR as a number, refused unless canonical for 48-bit virtual addresses. */
    private static long canonical(String address) {
        long at = org.mmsim.arch.layout.Sizes.parseAddress(address, "ADDR");
        if ((at >> 47) != 0 && (at >> 47) != -1) {
            throw InputError.at("ADDR", 0, "0x" + Long.toHexString(at) + " is not a canonical address: bits 63..47"
                    + " must all be 0 (user) or all 1 (kernel) with 48-bit virtual addresses");
        }
        return at;
    }
}
