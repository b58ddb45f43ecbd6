package org.mmsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One worst moment: the snapshot with the fewest free pages on the machine, the earliest of a tie; summary.json,
 * the story, the headline table and the picture's heading all name that moment, and the highest fragmentation
 * index, at another moment, is never called the worst.
 */
class WorstMomentTest {
    private static final String NORMAL = "Node 0, zone Normal";
    private static final String DMA32 = "Node 0, zone DMA32";

    /**
     * Free pages 9000, 4000, 7000, 4000, 8000 (the lowest, 4000, at 1 s and again at 3 s); the order-9 extfrag index
     * highest (0.900) at 2 s; the worst picture taken at 1 s, as the recorder takes it.
     */
    private static RunData run() {
        PageblockPicture p = new PageblockPicture(NORMAL, 0, new int[] {1}, new float[] {0f},
                new String[] {"Unmovable", "Movable"});
        return new RunBuilder().zones(DMA32, NORMAL)
                .sample(SampleBuilder.at(0).zone(4000, 1, 2, 3, -1000, 0).zone(5000, 1, 2, 3, -1000, 0))
                .sample(SampleBuilder.at(1).zone(1000, 1, 2, 3, 300, 0).zone(3000, 1, 2, 3, 200, 0))
                .sample(SampleBuilder.at(2).zone(3000, 1, 2, 3, 900, 0).zone(4000, 1, 2, 3, 100, 0))
                .sample(SampleBuilder.at(3).zone(2000, 1, 2, 3, 500, 0).zone(2000, 1, 2, 3, 100, 0))
                .sample(SampleBuilder.at(4).zone(4000, 1, 2, 3, -1000, 0).zone(4000, 1, 2, 3, -1000, 0))
                .picture("worst", p).worstAtSeconds(1).build();
    }

    @Test
    void theFewestFreePagesWinAndATieGoesToTheEarliest() {
        List<Sample> s = run().samples();
        assertThat(WorstMoment.of(s).timeNs()).isEqualTo(1_000_000_000L);
        assertThat(WorstMoment.isWorse(3999, 4000)).isTrue();
        assertThat(WorstMoment.isWorse(4000, 4000)).as("a tie keeps the earlier moment").isFalse();
        assertThat(WorstMoment.isWorse(4001, 4000)).isFalse();
    }

    @Test
    void summaryStoryHeadlineAndPictureNameTheSameMoment() {
        RunData d = run();
        assertThat(Summary.figures(d)).containsEntry("min_free_pages", 4000L).containsEntry("min_free_at_s", 1.0);
        assertThat(Story.text(d)).contains("(lowest 15.6 MiB at 1.0 s, the worst moment)")
                .contains("The highest order-9 extfrag_index was 0.900 (2.0 s, " + DMA32 + ")")
                .doesNotContain("worst (2.0", "At worst");
        String html = HtmlReport.render(d);
        assertThat(html).contains("<td>8000 / 4000 (at 1.0 s, the worst moment)</td>")
                .contains("<h3>worst moment (1.000 s)</h3>")
                .contains("Worst moment: lowest free memory (the earliest such snapshot), at 1.000 s.");
        assertThat(html.replace("the worst moment)", "").replace("worst moment (1.000 s)", "")
                .replace("Worst moment: lowest free memory (the earliest such snapshot), at 1.000 s", ""))
                .doesNotContainIgnoringCase("worst");
    }
}
