package org.mmsim.vm;

/** The mmap/mprotect/mremap/madvise ABI constants of Linux (include/uapi/asm-generic/mman-common.h, mman.h). */
public final class Mman {
    public static final int PROT_NONE = 0;
    public static final int PROT_READ = 1;
    public static final int PROT_WRITE = 2;
    public static final int PROT_EXEC = 4;

    public static final int MAP_SHARED = 0x01;
    public static final int MAP_PRIVATE = 0x02;
    public static final int MAP_FIXED = 0x10;
    public static final int MAP_ANONYMOUS = 0x20;
    public static final int MAP_GROWSDOWN = 0x100;
    public static final int MAP_LOCKED = 0x2000;
    public static final int MAP_NORESERVE = 0x4000;
    public static final int MAP_POPULATE = 0x8000;
    public static final int MAP_FIXED_NOREPLACE = 0x100000;

    /** mlock2() flag: lock pages as they are faulted in, without populating (include/uapi/asm-generic/mman-common.h). */
    public static final int MLOCK_ONFAULT = 1;

    public static final int MREMAP_MAYMOVE = 1;
    public static final int MREMAP_FIXED = 2;

    public static final int MADV_DONTNEED = 4;
    public static final int MADV_HUGEPAGE = 14;
    public static final int MADV_NOHUGEPAGE = 15;

    /** Error returns, as negative errno values like the syscalls give. */
    public static final long ENOMEM = -12;
    public static final long EFAULT = -14;
    public static final long EEXIST = -17;
    public static final long EINVAL = -22;
    public static final long EACCES = -13;

    private Mman() {
    }

    /** True when a syscall return value is an error (-4095..-1), IS_ERR_VALUE(). */
    public static boolean isError(long ret) {
        return ret < 0 && ret >= -4095;
    }
}
