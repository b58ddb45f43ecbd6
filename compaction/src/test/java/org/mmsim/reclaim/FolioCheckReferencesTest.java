package org.mmsim.reclaim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * folio_check_references() (mm/vmscan.c, 6.1) by hand, alone and through shrink_inactive_list(): a folio mapped by
 * a young pte gets PG_referenced and is kept for another trip, activated only if it was already PG_referenced, is
 * young in more than one mapping, or is executable file memory; a folio with no young pte is reclaimed, clean
 * only if it is a PG_referenced file folio. In 6.1 an anon folio is no longer activated on its first reference.
 */
class FolioCheckReferencesTest {

    @Test
    void youngOnceIsKeptForAnotherTrip() {
        assertThat(Reclaim.checkReferences(1, false, false, false)).isEqualTo(FolioReferences.KEEP);
        assertThat(Reclaim.checkReferences(1, false, true, false)).isEqualTo(FolioReferences.KEEP);
    }

    @Test
    void youngAndAlreadyReferencedIsActivated() {
        assertThat(Reclaim.checkReferences(1, true, false, false)).isEqualTo(FolioReferences.ACTIVATE);
        assertThat(Reclaim.checkReferences(1, true, true, false)).isEqualTo(FolioReferences.ACTIVATE);
    }

    @Test
    void youngInTwoMappingsIsActivated() {
        // referenced_ptes > 1.
        assertThat(Reclaim.checkReferences(2, false, false, false)).isEqualTo(FolioReferences.ACTIVATE);
    }

    @Test
    void executableFileFolioIsActivatedOnFirstUse() {
        // VM_EXEC and folio_is_file_lru: activated at once; an executable anon folio is not.
        assertThat(Reclaim.checkReferences(1, false, true, true)).isEqualTo(FolioReferences.ACTIVATE);
        assertThat(Reclaim.checkReferences(1, false, false, true)).isEqualTo(FolioReferences.KEEP);
    }

    @Test
    void referencedFileFolioWithoutYoungPteIsReclaimedOnlyIfClean() {
        assertThat(Reclaim.checkReferences(0, true, true, false)).isEqualTo(FolioReferences.RECLAIM_CLEAN);
        // For an anon folio PG_referenced alone does not matter.
        assertThat(Reclaim.checkReferences(0, true, false, false)).isEqualTo(FolioReferences.RECLAIM);
    }

    @Test
    void unreferencedFolioIsReclaimed() {
        assertThat(Reclaim.checkReferences(0, false, true, false)).isEqualTo(FolioReferences.RECLAIM);
        assertThat(Reclaim.checkReferences(0, false, false, false)).isEqualTo(FolioReferences.RECLAIM);
    }

    @Test
    void anonPageTouchedOnceStaysInactiveWithPgReferenced() {
        // The fault leaves the pte young. First scan: referenced_ptes 1, no PG_referenced -> PG_referenced set,
        // young bit cleared, FOLIOREF_KEEP: back at the head of the inactive anon list, no pgactivate.
        Memory mem = ReclaimFixture.memory(false, 1000, 60);
        AnonProcesses.Task mm = ReclaimFixture.anon(mem, 1);
        int s = ReclaimFixture.slot(mem, mm, 0);
        ReclaimFixture.scan(mem, true, 0, 32);
        assertThat(mem.reclaim.shrinkInactiveList(mem.lruvec(0), Lruvec.INACTIVE_ANON, 32)).isZero();
        assertThat(mem.owners.flags[s] & PageOwners.F_REFERENCED).isNotZero();
        assertThat(mem.owners.flags[s] & (PageOwners.F_YOUNG | PageOwners.F_ACTIVE)).isZero();
        assertThat(mem.lruvec(0).size(Lruvec.INACTIVE_ANON)).isEqualTo(1);
        assertThat(mem.counters.get(VmCounters.PGACTIVATE)).isZero();
    }

    @Test
    void anonPageTouchedAgainBeforeTheSecondScanIsActivated() {
        // Second trip: young again and PG_referenced from the first -> FOLIOREF_ACTIVATE; the mark stays set.
        Memory mem = ReclaimFixture.memory(false, 1000, 60);
        AnonProcesses.Task mm = ReclaimFixture.anon(mem, 1);
        int s = ReclaimFixture.slot(mem, mm, 0);
        ReclaimFixture.scan(mem, true, 0, 32);
        mem.reclaim.shrinkInactiveList(mem.lruvec(0), Lruvec.INACTIVE_ANON, 32);
        ReclaimFixture.processes(mem).touch(mm, 0, false);
        mem.reclaim.shrinkInactiveList(mem.lruvec(0), Lruvec.INACTIVE_ANON, 32);
        assertThat(mem.lruvec(0).size(Lruvec.ACTIVE_ANON)).isEqualTo(1);
        assertThat(mem.owners.flags[s] & (PageOwners.F_ACTIVE | PageOwners.F_REFERENCED))
                .isEqualTo(PageOwners.F_ACTIVE | PageOwners.F_REFERENCED);
        assertThat(mem.counters.get(VmCounters.PGACTIVATE)).isEqualTo(1);
    }

    @Test
    void anonPageNotTouchedAgainIsSwappedOutOnTheSecondScan() {
        // Second trip without a new access: no young pte -> FOLIOREF_RECLAIM (PG_referenced does not save an anon
        // folio) -> add_to_swap: one swap entry, pswpout 1, the page freed.
        Memory mem = ReclaimFixture.memory(false, 1000, 60);
        AnonProcesses.Task mm = ReclaimFixture.anon(mem, 1);
        ReclaimFixture.scan(mem, true, 0, 32);
        mem.reclaim.shrinkInactiveList(mem.lruvec(0), Lruvec.INACTIVE_ANON, 32);
        assertThat(mem.reclaim.shrinkInactiveList(mem.lruvec(0), Lruvec.INACTIVE_ANON, 32)).isEqualTo(1);
        assertThat(mm.pte(0)).isEqualTo(AnonProcesses.SWAPPED);
        assertThat(ReclaimFixture.processes(mem).pswpout).isEqualTo(1);
    }

    @Test
    void fileReadTwiceIsReferencedAndStillReclaimedWhenClean() {
        // Read once (added, no mark), read again: folio_mark_accessed sets PG_referenced. Scan: no young pte,
        // PG_referenced, file -> FOLIOREF_RECLAIM_CLEAN; it is clean, so it is freed: pgsteal_file 1.
        Memory mem = ReclaimFixture.memory(false, 0, 60);
        AddressSpace as = ReclaimFixture.file(mem, 1);
        mem.readFile(as, 0);
        ReclaimFixture.scan(mem, true, 0, 32);
        assertThat(mem.reclaim.shrinkInactiveList(mem.lruvec(0), Lruvec.INACTIVE_FILE, 32)).isEqualTo(1);
        assertThat(mem.counters.get(VmCounters.PGSTEAL_FILE)).isEqualTo(1);
        assertThat(as.pages[0]).isEqualTo(AddressSpace.NONE);
    }
}
