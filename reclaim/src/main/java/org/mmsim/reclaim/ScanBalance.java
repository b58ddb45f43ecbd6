package org.mmsim.reclaim;

/**
 * How get_scan_count() splits the scan between the anon and file LRU lists ({@code enum scan_balance},
 * mm/vmscan.c, 6.1).
 */
public enum ScanBalance {
    /** Scan each list by its size shifted by the priority (priority 0 with swappiness above 0). */
    SCAN_EQUAL,
    /** Weigh anon by swappiness and file by 200 - swappiness against the recent reclaim costs. */
    SCAN_FRACT,
    /** Scan only the anon lists (the file cache is tiny). */
    SCAN_ANON,
    /** Scan only the file lists (no swap, or plenty of inactive file pages: cache-trim mode). */
    SCAN_FILE
}
