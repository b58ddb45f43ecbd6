package org.mmsim.reclaim;

import java.util.Arrays;

/**
 * Page-cache writeback as a simple delay: the flusher of fs/fs-writeback.c (wb_workfn: background writeback
 * while the dirty pages exceed the background threshold, kupdate-style writeback of pages dirty for longer than
 * vm.dirty_expire_centisecs every vm.dirty_writeback_centisecs, and all dirty pages when reclaim finds only dirty
 * ones, WB_REASON_VMSCAN), mm/page-writeback.c's dirty accounting (folio_account_dirtied, folio_clear_dirty_for_io,
 * folio_end_writeback) and balance_dirty_pages() reduced to its hard limit: a writer waits while dirty plus
 * writeback pages reach the dirty threshold. The device writes every page it is given in a fixed time, the
 * scenario's writeback delay. Pages are named by their mapping and index, which survive migration.
 */
public final class Writeback {
    /** How writeback is tuned: the vm.dirty_* sysctls, the device delay and calculate_totalreserve_pages(). */
    public record Config(int dirtyRatio, int dirtyBackgroundRatio, long dirtyExpireNs, long dirtyWritebackIntervalNs,
            long writebackDelayNs, long totalreservePages) {
        public static Config defaults(long totalreservePages) {
            return new Config(DirtyLimits.DEFAULT_DIRTY_RATIO, DirtyLimits.DEFAULT_DIRTY_BACKGROUND_RATIO,
                    30_000_000_000L, 5_000_000_000L, 100_000_000L, totalreservePages);
        }
    }

    private final Memory mem;
    private Config config = Config.defaults(0);
    /** Dirty pages in the order they were dirtied: mapping id, index, time (a FIFO, like b_dirty by age). */
    private final LongFifo dirty = new LongFifo();
    /** Pages handed to the device, in order, with the time each completes. */
    private final LongFifo inFlight = new LongFifo();
    private long timerAt = -1;
    private boolean vmscanWakeup;

    Writeback(Memory mem) {
        this.mem = mem;
    }

    public void configure(Config c) {
        this.config = c;
    }

    public Config config() {
        return config;
    }

    /** {@code {background threshold, threshold}} now. */
    public long[] limits() {
        return new long[] {backgroundThreshold(), dirtyThreshold()};
    }

    private long dirtyable() {
        long fileLru = 0;
        for (Lruvec lv : mem.lruvecs) {
            fileLru += lv.size(Lruvec.INACTIVE_FILE) + lv.size(Lruvec.ACTIVE_FILE);
        }
        return DirtyLimits.dirtyable(mem.machine, config.totalreservePages(), fileLru);
    }

    private long dirtyThreshold() {
        return DirtyLimits.threshold(mem.machine, dirtyable(), config.dirtyRatio());
    }

    private long backgroundThreshold() {
        return DirtyLimits.background(mem.machine, dirtyable(), config.dirtyRatio(), config.dirtyBackgroundRatio());
    }

    /** balance_dirty_pages()'s hard limit: whether a writer may dirty another page now. */
    public boolean mayDirty() {
        return nrDirty() + nrWriteback() < dirtyThreshold();
    }

    long nrDirty() {
        return mem.counters.get(VmCounters.NR_DIRTY);
    }

    long nrWriteback() {
        return mem.counters.get(VmCounters.NR_WRITEBACK);
    }

    /**
     * folio_mark_dirty() of a page-cache page: accounts it, queues it for the flusher, arms the periodic
     * writeback timer (wb_wakeup_delayed) and, over the background threshold, starts background writeback.
     */
    void markDirty(AddressSpace as, int index, int slot) {
        PageOwners po = mem.owners;
        if ((po.flags[slot] & PageOwners.F_DIRTY) != 0) {
            return;
        }
        po.flags[slot] |= PageOwners.F_DIRTY;
        mem.counters.inc(VmCounters.NR_DIRTY);
        mem.counters.inc(VmCounters.NR_DIRTIED);
        dirty.add(as.id, index, mem.env.nowNs());
        if (timerAt < 0 && kupdate()) {
            arm(mem.env.nowNs() + config.dirtyWritebackIntervalNs());
        }
        if (nrDirty() > backgroundThreshold()) {
            arm(mem.env.nowNs());
        }
    }

    /** vm.dirty_writeback_centisecs 0 turns periodic (kupdate) writeback off. */
    private boolean kupdate() {
        return config.dirtyWritebackIntervalNs() > 0;
    }

    /** Reclaim met only dirty pages: wakeup_flusher_threads(WB_REASON_VMSCAN) writes all of them. */
    void wakeupFlusherForReclaim() {
        vmscanWakeup = true;
        arm(mem.env.nowNs());
    }

    private void arm(long at) {
        if (timerAt >= 0 && timerAt <= at) {
            return;
        }
        timerAt = at;
        mem.env.scheduleWriteback(at);
    }

    /**
     * The flusher's work at this moment (wb_do_writeback): completes the writes that are due (folio_end_writeback,
     * rotating the pages reclaim marked to the inactive tail), then writes back what reclaim, kupdate (pages dirty
     * for longer than the expiry) or background writeback (while over the background threshold) asks for. While
     * dirty pages remain it wakes again after dirty_writeback_centisecs (wb_wakeup_delayed).
     */
    public void run() {
        long now = mem.env.nowNs();
        if (timerAt >= 0 && timerAt <= now) {
            timerAt = -1;
        }
        while (inFlight.size() > 0 && inFlight.peekC() <= now) {
            endWriteback(mem.spaces.get((int) inFlight.peekA()), (int) inFlight.peekB());
            inFlight.poll();
        }
        long bg = backgroundThreshold();
        while (dirty.size() > 0) {
            boolean expired = kupdate() && dirty.peekC() + config.dirtyExpireNs() <= now;
            if (!vmscanWakeup && !expired && nrDirty() <= bg) {
                break;
            }
            startWriteback(mem.spaces.get((int) dirty.peekA()), (int) dirty.peekB(), now);
            dirty.poll();
        }
        vmscanWakeup = false;
        if (inFlight.size() > 0) {
            arm(inFlight.peekC());
        }
        if (dirty.size() > 0 && kupdate()) {
            arm(now + config.dirtyWritebackIntervalNs());
        }
    }

    /** folio_clear_dirty_for_io() + folio_start_writeback() of one queued page, if it is still dirty. */
    private void startWriteback(AddressSpace as, int index, long now) {
        int p = as.pages[index];
        if (p < 0) {
            return;
        }
        PageOwners po = mem.owners;
        int s = po.slot(p);
        if ((po.flags[s] & PageOwners.F_DIRTY) == 0 || (po.flags[s] & PageOwners.F_WRITEBACK) != 0) {
            return;
        }
        po.flags[s] = (short) ((po.flags[s] & ~PageOwners.F_DIRTY) | PageOwners.F_WRITEBACK);
        mem.counters.add(VmCounters.NR_DIRTY, -1);
        mem.counters.inc(VmCounters.NR_WRITEBACK);
        inFlight.add(as.id, index, now + config.writebackDelayNs());
    }

    /** folio_end_writeback(): the page is clean; one reclaim wanted goes to the inactive tail (PGROTATED). */
    private void endWriteback(AddressSpace as, int index) {
        int p = as.pages[index];
        if (p < 0) {
            return;
        }
        PageOwners po = mem.owners;
        int s = po.slot(p);
        if ((po.flags[s] & PageOwners.F_WRITEBACK) == 0) {
            return;
        }
        po.flags[s] &= (short) ~PageOwners.F_WRITEBACK;
        mem.counters.add(VmCounters.NR_WRITEBACK, -1);
        mem.counters.inc(VmCounters.NR_WRITTEN);
        if ((po.flags[s] & PageOwners.F_DIRTY) != 0) {
            dirty.add(as.id, index, mem.env.nowNs());
        }
        if ((po.flags[s] & PageOwners.F_RECLAIM) != 0) {
            po.flags[s] &= (short) ~PageOwners.F_RECLAIM;
            if ((po.flags[s] & (PageOwners.F_LRU | PageOwners.F_DIRTY | PageOwners.F_UNEVICTABLE)) == PageOwners.F_LRU) {
                Lruvec lv = mem.lruvecOf(p);
                lv.del(s);
                po.flags[s] &= (short) ~PageOwners.F_ACTIVE;
                lv.addTail(s, Lruvec.INACTIVE_FILE);
                mem.counters.inc(VmCounters.PGROTATED);
            }
        }
    }

    /**
     * A page leaves the page cache (truncation, invalidation): its dirty state is cancelled
     * (folio_cancel_dirty) and a write in flight is waited for (truncate_inode_pages waits on writeback).
     */
    void forget(int slot) {
        PageOwners po = mem.owners;
        int f = po.flags[slot];
        if ((f & PageOwners.F_DIRTY) != 0) {
            mem.counters.add(VmCounters.NR_DIRTY, -1);
        }
        if ((f & PageOwners.F_WRITEBACK) != 0) {
            mem.counters.add(VmCounters.NR_WRITEBACK, -1);
            mem.counters.inc(VmCounters.NR_WRITTEN);
        }
        po.flags[slot] = (short) (f & ~(PageOwners.F_DIRTY | PageOwners.F_WRITEBACK | PageOwners.F_RECLAIM));
    }

    /** A FIFO of (int, int, long) triples in primitive arrays. */
    private static final class LongFifo {
        private long[] a = new long[64];
        private long[] c = new long[64];
        private int head;
        private int size;

        void add(long x, long y, long t) {
            if (size == a.length) {
                a = grow(a);
                c = grow(c);
                head = 0;
            }
            int i = (head + size) % a.length;
            a[i] = (x << 32) | (y & 0xffffffffL);
            c[i] = t;
            size++;
        }

        private long[] grow(long[] x) {
            long[] n = Arrays.copyOf(rotate(x), x.length * 2);
            return n;
        }

        private long[] rotate(long[] x) {
            long[] r = new long[x.length];
            for (int i = 0; i < size; i++) {
                r[i] = x[(head + i) % x.length];
            }
            return r;
        }

        int size() {
            return size;
        }

        long peekA() {
            return a[head] >>> 32;
        }

        long peekB() {
            return a[head] & 0xffffffffL;
        }

        long peekC() {
            return c[head];
        }

        void poll() {
            head = (head + 1) % a.length;
            size--;
        }
    }
}
