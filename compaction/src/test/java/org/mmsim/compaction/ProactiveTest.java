package org.mmsim.compaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmsim.compaction.CompactionFixture.START;
import static org.mmsim.compaction.CompactionFixture.block;

import org.junit.jupiter.api.Test;

/**
 * should_proactive_compact_node() of mm/compaction.c 6.1, worked by hand: proactiveness set, kswapd asleep and
 * fragmentation_score_node() above fragmentation_score_wmark(high) = min(max(100 - proactiveness, 5) + 10, 100).
 */
class ProactiveTest {

    @Test
    void aNodeOfSinglePagesIsAboveTheHighMark() {
        // score 409600 / 4097 = 99 > high 90 (proactiveness 20).
        CompactionFixture f = new CompactionFixture(500, 20).freeEveryOtherPage();
        assertThat(f.compaction.kcompactd().shouldProactiveCompactNode(f.z.node())).isTrue();
    }

    @Test
    void aScoreBelowTheHighMarkIsLeftAlone() {
        // score 19 (one order-9 block + 128 single pages) <= 90.
        CompactionFixture f = new CompactionFixture(500, 20).free(block(2), 9).freeSinglePages(START, 128);
        assertThat(f.compaction.kcompactd().shouldProactiveCompactNode(f.z.node())).isFalse();
    }

    @Test
    void aHighProactivenessLowersTheMark() {
        // proactiveness 95: low max(5, 5) = 5, high 15; score 19 > 15.
        CompactionFixture f = new CompactionFixture(500, 95).free(block(2), 9).freeSinglePages(START, 128);
        assertThat(f.compaction.kcompactd().shouldProactiveCompactNode(f.z.node())).isTrue();
    }

    @Test
    void proactivenessZeroTurnsItOff() {
        // sysctl_compaction_proactiveness 0: false whatever the score (99 here).
        CompactionFixture f = new CompactionFixture(500, 0).freeEveryOtherPage();
        assertThat(f.compaction.kcompactd().shouldProactiveCompactNode(f.z.node())).isFalse();
    }
}
