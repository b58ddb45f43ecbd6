package org.mmsim.reclaim;

/**
 * What folio_check_references() tells shrink_folio_list() to do with an isolated inactive folio
 * ({@code enum folio_references}, mm/vmscan.c, 6.1).
 */
public enum FolioReferences {
    /** Put it back on the inactive list and look again on the next trip (FOLIOREF_KEEP). */
    KEEP,
    /** Reclaim it (FOLIOREF_RECLAIM). */
    RECLAIM,
    /** Reclaim it only if clean: a file folio with PG_referenced and no young pte (FOLIOREF_RECLAIM_CLEAN). */
    RECLAIM_CLEAN,
    /** Move it to the active list (FOLIOREF_ACTIVATE). */
    ACTIVATE
}
