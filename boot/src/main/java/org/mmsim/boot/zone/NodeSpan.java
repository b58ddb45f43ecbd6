package org.mmsim.boot.zone;

import java.util.List;

/** A NUMA node (pglist_data) with its pfn span and its zones in kernel order, all configured types present. */
public record NodeSpan(int nid, long startPfn, long endPfn, List<ZoneSpan> zones) {
    public long presentPages() {
        return zones.stream().mapToLong(ZoneSpan::present).sum();
    }

    public long spannedPages() {
        return zones.stream().mapToLong(ZoneSpan::spanned).sum();
    }
}
