package org.mmsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A large picture is drawn as cells of a power-of-two count of pageblocks, each the migratetype most of its
 * pageblocks with memory have and their mean free share; a picture that fits is drawn one pageblock per cell.
 */
class PictureCellsTest {
    private static final String[] TYPES = {"Unmovable", "Movable", "Reclaimable"};
    private static final int HOLE = PageblockPicture.HOLE;

    @Test
    void upToTheLimitEachPageblockIsACell() {
        assertThat(PictureCells.blocksPerCell(1)).isEqualTo(1);
        assertThat(PictureCells.blocksPerCell(PictureCells.MAX_CELLS_PER_MOMENT)).isEqualTo(1);
        assertThat(PictureCells.blocksPerCell(PictureCells.MAX_CELLS_PER_MOMENT + 1)).isEqualTo(2);
        // 1 TiB is 524,288 pageblocks of 2 MiB; / 6144 = 85.3, so 128 (64 would make 8192 cells)
        assertThat(PictureCells.blocksPerCell(524_288)).isEqualTo(128);
    }

    @Test
    void aCellTakesTheMajorityTypeAndTheMeanFreeShareOfItsBlocksWithMemory() {
        PageblockPicture p = new PageblockPicture("z", 0,
                new int[] {1, 0, 1, 2, /* */ 0, 2, 2, 0, /* */ HOLE, HOLE, 1, HOLE, /* */ HOLE, HOLE, HOLE, HOLE,
                    /* */ 2},
                new float[] {1f, 0f, 0.5f, 0.5f, /* */ 0f, 0f, 0f, 0f, /* */ 0f, 0f, 0.25f, 0f, /* */ 0f, 0f, 0f, 0f,
                    /* */ 1f},
                TYPES);
        PictureCells c = PictureCells.of(p, 4);
        assertThat(c.blocksPerCell()).isEqualTo(4);
        // Movable twice; 2 of 2 tied Unmovable / Reclaimable goes to the lower (Unmovable); holes around one
        // Movable block; all holes; the last, short cell of one block
        assertThat(c.migratetypes()).containsExactly(1, 0, 1, HOLE, 2);
        assertThat(c.freeFraction()).containsExactly(0.5f, 0f, 0.25f, 0f, 1f);
    }

    @Test
    void oneBlockPerCellIsThePictureItself() {
        int[] mt = {0, 1, HOLE, 2};
        float[] free = {0.1f, 0.2f, 0f, 0.9f};
        PictureCells c = PictureCells.of(new PageblockPicture("z", 0, mt, free, TYPES), 1);
        assertThat(c.migratetypes()).containsExactly(mt);
        assertThat(c.freeFraction()).containsExactly(free);
    }
}
