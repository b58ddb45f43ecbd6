package org.mmsim.reclaim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Dirty and writeback folios in shrink_folio_list() and shrink_inactive_list() (mm/vmscan.c, 6.1): reclaim never
 * frees them; a dirty file folio meets the "only kswapd on a PGDAT_DIRTY node writes" test, so it gets PG_reclaim,
 * counts in nr_vmscan_immediate and is activated; a folio under writeback gets PG_reclaim and is activated; when
 * every folio taken was dirty and not queued, the flusher is woken; the end of writeback rotates a PG_reclaim
 * folio to the inactive tail (folio_rotate_reclaimable, pgrotated). Writeback defaults: dirty pages expire after
 * 30 s, the flusher wakes every 5 s, a write takes 100 ms.
 */
class DirtyFolioReclaimTest {
    private static final long S = 1_000_000_000L;

    @Test
    void dirtyFileFolioIsNotReclaimedButMarkedAndActivated() {
        Memory mem = ReclaimFixture.memory(false, 0, 60);
        AddressSpace as = mem.newAddressSpace("f", 1, false);
        mem.writeFile(as, 0);
        int s = ReclaimFixture.slot(mem, as, 0);
        ReclaimFixture.scan(mem, true, 0, 32);
        assertThat(mem.reclaim.shrinkInactiveList(mem.lruvec(0), Lruvec.INACTIVE_FILE, 32)).isZero();
        assertThat(mem.owners.flags[s] & (PageOwners.F_RECLAIM | PageOwners.F_ACTIVE | PageOwners.F_DIRTY))
                .isEqualTo(PageOwners.F_RECLAIM | PageOwners.F_ACTIVE | PageOwners.F_DIRTY);
        assertThat(mem.lruvec(0).size(Lruvec.ACTIVE_FILE)).isEqualTo(1);
        assertThat(mem.counters.get(VmCounters.NR_VMSCAN_IMMEDIATE)).isEqualTo(1);
        assertThat(mem.counters.get(VmCounters.PGSTEAL_FILE)).isZero();
    }

    @Test
    void onlyUnqueuedDirtyFoliosTakenWakeTheFlusher() {
        // folio_mark_dirty armed the periodic flusher at 5 s; nr_unqueued_dirty 2 == nr_taken 2 ->
        // wakeup_flusher_threads(WB_REASON_VMSCAN): writeback asked for now (0).
        Memory mem = ReclaimFixture.memory(false, 0, 60);
        AddressSpace as = mem.newAddressSpace("f", 2, false);
        mem.writeFile(as, 0);
        mem.writeFile(as, 1);
        assertThat(ReclaimFixture.env(mem).writebackAt).containsExactly(5 * S);
        ReclaimFixture.scan(mem, true, 0, 32);
        mem.reclaim.shrinkInactiveList(mem.lruvec(0), Lruvec.INACTIVE_FILE, 32);
        assertThat(ReclaimFixture.env(mem).writebackAt).containsExactly(5 * S, 0L);
    }

    @Test
    void aCleanFolioInTheBatchLeavesTheFlusherAlone() {
        // Page 0 clean, page 1 dirty: nr_unqueued_dirty 1 != nr_taken 2: no wakeup; the clean one is freed.
        Memory mem = ReclaimFixture.memory(false, 0, 60);
        AddressSpace as = mem.newAddressSpace("f", 2, false);
        mem.readFile(as, 0);
        mem.writeFile(as, 1);
        ReclaimFixture.scan(mem, true, 0, 32);
        assertThat(mem.reclaim.shrinkInactiveList(mem.lruvec(0), Lruvec.INACTIVE_FILE, 32)).isEqualTo(1);
        assertThat(ReclaimFixture.env(mem).writebackAt).containsExactly(5 * S);
        assertThat(mem.counters.get(VmCounters.NR_VMSCAN_IMMEDIATE)).isEqualTo(1);
    }

    /** One page written at 0 and handed to the device by the flusher at 31 s (expired): its slot. */
    private static int pageUnderWritebackAt31s(Memory mem) {
        AddressSpace as = mem.newAddressSpace("f", 1, false);
        mem.writeFile(as, 0);
        ReclaimFixture.env(mem).now = 31 * S;
        mem.writeback.run();
        return ReclaimFixture.slot(mem, as, 0);
    }

    @Test
    void folioUnderWritebackGetsPgReclaimAndIsActivated() {
        // Dirtied at 0, expired at 30 s: at 31 s the flusher starts writing it (PG_writeback, done at 31.1 s).
        // Reclaim meets it under writeback: PG_reclaim, activated, not freed, not counted as immediate, and
        // no flusher wakeup (nothing unqueued).
        Memory mem = ReclaimFixture.memory(false, 0, 60);
        int s = pageUnderWritebackAt31s(mem);
        assertThat(mem.owners.flags[s] & PageOwners.F_WRITEBACK).isNotZero();
        ReclaimFixture.scan(mem, true, 0, 32);
        assertThat(mem.reclaim.shrinkInactiveList(mem.lruvec(0), Lruvec.INACTIVE_FILE, 32)).isZero();
        assertThat(mem.owners.flags[s] & (PageOwners.F_RECLAIM | PageOwners.F_ACTIVE))
                .isEqualTo(PageOwners.F_RECLAIM | PageOwners.F_ACTIVE);
        assertThat(mem.counters.get(VmCounters.NR_VMSCAN_IMMEDIATE)).isZero();
        assertThat(ReclaimFixture.env(mem).writebackAt).containsExactly(5 * S, 31 * S + S / 10);
    }

    @Test
    void endOfWritebackRotatesThePgReclaimFolioToTheInactiveTail() {
        // At 31.1 s the write completes: PG_reclaim is cleared and the clean folio leaves the active list for
        // the inactive tail (pgrotated 1), where the next scan frees it.
        Memory mem = ReclaimFixture.memory(false, 0, 60);
        int s = pageUnderWritebackAt31s(mem);
        ReclaimFixture.scan(mem, true, 0, 32);
        mem.reclaim.shrinkInactiveList(mem.lruvec(0), Lruvec.INACTIVE_FILE, 32);
        ReclaimFixture.env(mem).now = 31 * S + S / 10;
        mem.writeback.run();
        assertThat(mem.owners.flags[s] & (PageOwners.F_RECLAIM | PageOwners.F_ACTIVE | PageOwners.F_WRITEBACK))
                .isZero();
        assertThat(mem.lruvec(0).size(Lruvec.INACTIVE_FILE)).isEqualTo(1);
        assertThat(mem.counters.get(VmCounters.PGROTATED)).isEqualTo(1);
        assertThat(mem.reclaim.shrinkInactiveList(mem.lruvec(0), Lruvec.INACTIVE_FILE, 32)).isEqualTo(1);
    }
}
