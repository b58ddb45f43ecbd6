package org.mmsim.report;

/**
 * A pageblock picture as the report draws it: one cell per {@code blocksPerCell} consecutive pageblocks, so that
 * a large machine's picture stays a few thousand squares (report.html under 5 MB at 1 TiB) rather than one per
 * pageblock (half a million at 1 TiB). A cell takes the migratetype most of its pageblocks have (the lowest
 * migratetype of a tie; a hole only when all of them are holes) and the free share of its pageblocks with memory.
 * One pageblock per cell draws the picture as it was taken.
 *
 * @param migratetypes  per cell, or {@link PageblockPicture#HOLE}
 * @param freeFraction  per cell, 0..1
 */
record PictureCells(int blocksPerCell, int[] migratetypes, float[] freeFraction) {
    /** The most squares the report draws for one moment, over all zones. */
    static final int MAX_CELLS_PER_MOMENT = 6144;

    /**
     * The pageblocks per cell for a moment of {@code blocks} pageblocks: 1 when they fit within
     * {@link #MAX_CELLS_PER_MOMENT}, else the smallest power of two that makes them fit.
     */
    static int blocksPerCell(long blocks) {
        int k = 1;
        while ((blocks + k - 1) / k > MAX_CELLS_PER_MOMENT) {
            k *= 2;
        }
        return k;
    }

    /** The cells of {@code p}, {@code k} pageblocks each (the last cell takes what is left). */
    static PictureCells of(PageblockPicture p, int k) {
        int n = p.migratetypes().length;
        int cells = (n + k - 1) / k;
        int[] mt = new int[cells];
        float[] free = new float[cells];
        int types = p.typeNames().length;
        for (int c = 0; c < cells; c++) {
            int[] votes = new int[types];
            int withMemory = 0;
            double freeSum = 0;
            for (int b = c * k; b < Math.min(n, (c + 1) * k); b++) {
                int t = p.migratetypes()[b];
                if (t != PageblockPicture.HOLE) {
                    votes[t]++;
                    withMemory++;
                    freeSum += p.freeFraction()[b];
                }
            }
            int best = PageblockPicture.HOLE;
            for (int t = 0; t < types; t++) {
                if (votes[t] > 0 && (best == PageblockPicture.HOLE || votes[t] > votes[best])) {
                    best = t;
                }
            }
            mt[c] = best;
            free[c] = withMemory == 0 ? 0f : (float) (freeSum / withMemory);
        }
        return new PictureCells(k, mt, free);
    }
}
