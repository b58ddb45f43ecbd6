package org.mmsim.vm;

/**
 * A task with its own address space (task_struct with its mm): the handle scenarios drive, with fork()
 * (kernel/fork.c copy_process() → dup_mmap()) and exit() (exit_mmap()).
 */
public final class Process {
    private final int pid;
    private final String comm;
    private final Mm mm;
    private boolean exited;

    Process(int pid, String comm, Mm mm) {
        this.pid = pid;
        this.comm = comm;
        this.mm = mm;
    }

    public int pid() {
        return pid;
    }

    /** The command name (task_struct comm), as /proc/PID/status and the OOM killer's message print it. */
    public String comm() {
        return comm;
    }

    /** Whether the process has exited. */
    public boolean exited() {
        return exited;
    }

    public Mm mm() {
        return mm;
    }

    /** Anonymous private or shared mapping anywhere; returns the address or a negative errno. */
    public long mmap(long len, int prot, int flags) {
        return mm.mmap(len, prot, flags);
    }

    public long mmap(long addr, long len, int prot, int flags, VmFile file, long offset) {
        return mm.mmap(addr, len, prot, flags, file, offset);
    }

    public long munmap(long addr, long len) {
        return mm.munmap(addr, len);
    }

    public long mprotect(long addr, long len, int prot) {
        return mm.mprotect(addr, len, prot);
    }

    public long mremap(long addr, long oldLen, long newLen, int flags, long newAddr) {
        return mm.mremap(addr, oldLen, newLen, flags, newAddr);
    }

    public long madvise(long addr, long len, int advice) {
        return mm.madvise(addr, len, advice);
    }

    public long brk(long newBrk) {
        return mm.brk(newBrk);
    }

    /** A user load or store at addr; 0 on success, 1 for SIGSEGV, 2 for out of memory. */
    public int touch(long addr, boolean write) {
        return mm.touch(addr, write);
    }

    /** Touches every page of [addr, addr+len). Returns the first non-zero result or 0. */
    public int touchRange(long addr, long len, boolean write) {
        for (long a = addr & ~(Paging.PAGE_SIZE - 1); a < addr + len; a += Paging.PAGE_SIZE) {
            int r = mm.touch(a, write);
            if (r != 0) {
                return r;
            }
        }
        return 0;
    }

    /**
     * fork(): a child process with a copy-on-write copy of this address space, or null when memory runs out
     * for its page tables (copy_process() fails with -ENOMEM; what was copied is torn down again).
     */
    public Process fork() {
        return mm.sys.fork(this, mm.sys.allocPid(), comm);
    }

    /** get_mm_rss() in pages. */
    public long rss() {
        return mm.rss();
    }

    /** Process exit: frees all pages, swap entries and page tables (through {@link VmSystem#exit}). */
    public void exit() {
        if (!exited) {
            exited = true;
            mm.sys.forget(this);
            mm.exit();
        }
    }
}
