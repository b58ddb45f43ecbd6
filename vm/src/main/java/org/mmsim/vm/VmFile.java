package org.mmsim.vm;

/**
 * An open file that can be mapped: the struct file / inode identity a VMA's vm_file points at, with what
 * /proc/PID/maps prints (device, inode, path). {@code shmem} marks tmpfs/shmem files (anonymous shared
 * mappings, shmem_zero_setup()), whose pages count as MM_SHMEMPAGES and are swap-backed; shmem mappings need
 * no write notification, so their shared writable PTEs are writable from the first fault.
 */
public final class VmFile {
    private static long nextId = 1;
    private final long id;
    private final String path;
    private final int devMajor;
    private final int devMinor;
    private final long inode;
    private final boolean shmem;
    private final long sizePages;

    /** A file of {@code sizePages} pages (i_size), whose page cache the mappings fault in. */
    public VmFile(String path, int devMajor, int devMinor, long inode, boolean shmem, long sizePages) {
        synchronized (VmFile.class) {
            this.id = nextId++;
        }
        this.path = path;
        this.devMajor = devMajor;
        this.devMinor = devMinor;
        this.inode = inode;
        this.shmem = shmem;
        this.sizePages = sizePages;
    }

    /** A regular file of {@code sizePages} pages on a block device. */
    public static VmFile regular(String path, long inode, long sizePages) {
        return new VmFile(path, 8, 1, inode, false, sizePages);
    }

    public long id() {
        return id;
    }

    public String path() {
        return path;
    }

    public int devMajor() {
        return devMajor;
    }

    public int devMinor() {
        return devMinor;
    }

    public long inode() {
        return inode;
    }

    public boolean shmem() {
        return shmem;
    }

    /** The file's size in pages (i_size >> PAGE_SHIFT): a fault beyond it gets SIGBUS. */
    public long sizePages() {
        return sizePages;
    }
}
