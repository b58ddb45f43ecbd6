package org.mmsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The report's sentences name the moments and figures of the data given and say nothing of events that did not
 * happen. Sizes in the sentences are pages / 256 MiB (4 KiB pages), worked out by hand below.
 */
class StoryTest {
    private static final String NORMAL = "Node 0, zone Normal";
    private static final String DMA32 = "Node 0, zone DMA32";

    /** A run in which nothing happened: free memory flat at 10 MiB, counters 0, an order-9 block always free. */
    private static RunBuilder quiet() {
        return new RunBuilder().machine("x86_64-1G").durationSeconds(3).zones(NORMAL)
                .sample(SampleBuilder.at(0).zone(2560, 100, 125, 150))
                .sample(SampleBuilder.at(3).zone(2560, 100, 125, 150));
    }

    /** A run with one of everything at the end snapshot. */
    private static RunBuilder eventful(SampleBuilder end) {
        return new RunBuilder().machine("x86_64-1G").durationSeconds(3).zones(NORMAL)
                .sample(SampleBuilder.at(0).zone(2560, 100, 125, 150))
                .sample(end.zone(2560, 100, 125, 150));
    }

    /** The story of a run whose end snapshot has these counters (name, value, name, value, ...). */
    private static String storyWithEndCounters(Object... nameValue) {
        SampleBuilder end = SampleBuilder.at(3);
        for (int i = 0; i < nameValue.length; i += 2) {
            end.counter((String) nameValue[i], ((Number) nameValue[i + 1]).longValue());
        }
        return Story.text(eventful(end).build());
    }

    @Test
    void theOpeningSentenceNamesDurationMachineFreeMemoryAndTheLowestMoment() {
        RunData d = new RunBuilder().machine("arm64-8G").durationSeconds(6).zones(NORMAL)
                .sample(SampleBuilder.at(0).zone(5120, 10, 20, 30))
                .sample(SampleBuilder.at(2.5).zone(768, 10, 20, 30))
                .sample(SampleBuilder.at(6).zone(2560, 10, 20, 30)).build();
        assertThat(Story.text(d)).startsWith("<p>Over 6.0 simulated seconds on arm64-8G, free memory went from"
                + " 20.0 MiB to 10.0 MiB (lowest 3.0 MiB at 2.5 s, the worst moment). ");
    }

    @Test
    void aQuietRunSaysNothingOfEventsThatDidNotHappen() {
        String story = Story.text(quiet().build());
        assertThat(story).doesNotContain("watermark", "huge-page", "compaction", "Reclaim", "dirtied", "OOM",
                "extfrag_index", "kcompactd", "migrated", "Slab", "The workload").contains("An order-9 block stayed free in every zone at every snapshot. ");
        assertThat(story).doesNotContain("<ul>");
    }

    @Test
    void eachZoneIsNamedForTheLowestWatermarkItFellBelow() {
        String zoneC = "Node 1, zone Normal";
        RunData d = new RunBuilder().zones(DMA32, NORMAL, zoneC)
                .sample(SampleBuilder.at(0).zone(500, 100, 125, 150).zone(500, 100, 125, 150).zone(500, 100, 125, 150))
                .sample(SampleBuilder.at(1).zone(99, 100, 125, 150).zone(124, 100, 125, 150).zone(125, 100, 125, 150))
                .sample(SampleBuilder.at(2).zone(500, 100, 125, 150).zone(500, 100, 125, 150).zone(500, 100, 125, 150))
                .build();
        String story = Story.text(d);
        assertThat(story).contains(DMA32 + " fell below its min watermark. ")
                .contains(NORMAL + " fell below its low watermark (kswapd territory). ")
                .doesNotContain(zoneC);
    }

    @Test
    void aDipIsJudgedAgainstTheWatermarksOfItsOwnSnapshot() {
        // At 1 s the watermarks are boosted (min 300): free 250 is below min then. At the end the boost is gone
        // (min 100, low 125); 250 is above both, which must not hide the dip.
        RunData d = new RunBuilder().zones(NORMAL)
                .sample(SampleBuilder.at(0).zone(1000, 100, 125, 150))
                .sample(SampleBuilder.at(1).zone(250, 300, 325, 350))
                .sample(SampleBuilder.at(2).zone(1000, 100, 125, 150)).build();
        assertThat(Story.text(d)).contains(NORMAL + " fell below its min watermark. ");
    }

    @Test
    void watermarksRaisedAtTheEndDoNotInventAnEarlierDip() {
        // Free never went below 400 while min was 100; only at the end is min boosted to 450, and free is 900 then.
        RunData d = new RunBuilder().zones(NORMAL)
                .sample(SampleBuilder.at(0).zone(1000, 100, 125, 150))
                .sample(SampleBuilder.at(1).zone(400, 100, 125, 150))
                .sample(SampleBuilder.at(2).zone(900, 450, 475, 500)).build();
        assertThat(Story.text(d)).doesNotContain("watermark");
    }

    @Test
    void thpSentenceCountsFaultsAndFallbacks() {
        String story = storyWithEndCounters("thp_fault_alloc", 7, "thp_fault_fallback", 3);
        assertThat(story).contains("7 of 10 huge-page faults got a huge page (3 fell back). ");
    }

    @Test
    void compactionSentenceCountsStallsSuccessesAndFailures() {
        String story = storyWithEndCounters("compact_stall", 6, "compact_success", 4, "compact_fail", 2);
        assertThat(story).contains("Direct compaction stalled 6 times (4 successes, 2 failures). ")
                .doesNotContain("huge-page");
    }

    @Test
    void kcompactdAndMigrationsAreToldByTheirVmstatCounters() {
        String story = storyWithEndCounters("compact_daemon_wake", 26, "compact_daemon_migrate_scanned", 81904,
                "pgmigrate_success", 37769, "pgmigrate_fail", 261);
        assertThat(story).contains("kcompactd woke 26 times (compact_daemon_wake) and scanned 81904 pages to migrate"
                + " (compact_daemon_migrate_scanned). ")
                .contains("37769 pages were migrated (pgmigrate_success) and 261 failed to migrate (pgmigrate_fail). ")
                .doesNotContain("Direct compaction");
    }

    @Test
    void slabSentenceGivesThePeakWithItsKindsAndTheEnd() {
        RunData d = new RunBuilder().zones(NORMAL)
                .sample(SampleBuilder.at(0).zone(2560, 1, 2, 3))
                .sample(SampleBuilder.at(1).zone(2560, 1, 2, 3).counter("nr_slab_reclaimable", 512)
                        .counter("nr_slab_unreclaimable", 256))
                .sample(SampleBuilder.at(2).zone(2560, 1, 2, 3).counter("nr_slab_reclaimable", 128)
                        .counter("nr_slab_unreclaimable", 64)).build();
        assertThat(Story.text(d)).contains("Slab peaked at 3.0 MiB at 1.0 s (2.0 MiB reclaimable, 1.0 MiB"
                + " unreclaimable) and ended at 0.8 MiB. ");
    }

    @Test
    void aTerabyteOfFreeMemoryIsToldInGib() {
        RunData d = new RunBuilder().zones(NORMAL).sample(SampleBuilder.at(0).zone(268_435_456L, 1, 2, 3))
                .sample(SampleBuilder.at(1).zone(2_621_440L, 1, 2, 3)).build();
        assertThat(Story.text(d)).contains("free memory went from 1024.0 GiB to 10.0 GiB");
    }

    @Test
    void reclaimSentenceSeparatesKswapdFromDirectReclaim() {
        String story = storyWithEndCounters("pgscan_kswapd", 900, "pgscan_direct", 100);
        assertThat(story).contains("Reclaim scanned 900 pages in kswapd and 100 in direct reclaim. ");
    }

    @Test
    void writebackSentenceGivesDirtiedWrittenAndStillDirtyInMib() {
        String story = storyWithEndCounters("nr_dirtied", 512, "nr_written", 256, "nr_dirty", 128);
        assertThat(story).contains("Writers dirtied 2.0 MiB of page cache; the flusher wrote 1.0 MiB back, and"
                + " 0.5 MiB was still dirty at the end. ");
    }

    @Test
    void oomSentenceCountsKills() {
        String story = storyWithEndCounters("oom_kill", 2);
        assertThat(story).contains("The OOM killer killed 2 process(es). ");
    }

    @Test
    void theWorstFragmentationMomentIsNamedWithZoneTimeAndCause() {
        RunData d = new RunBuilder().zones(DMA32, NORMAL)
                .sample(SampleBuilder.at(0).zone(10, 1, 2, 3, -1000, 0).zone(10, 1, 2, 3, 120, 300))
                .sample(SampleBuilder.at(1.5).zone(10, 1, 2, 3, 870, 900).zone(10, 1, 2, 3, 310, 500))
                .sample(SampleBuilder.at(2).zone(10, 1, 2, 3, 200, 400).zone(10, 1, 2, 3, -1000, 0)).build();
        assertThat(Story.text(d)).contains("The highest order-9 extfrag_index was 0.870 (1.5 s, " + DMA32 + "): an"
                + " order-9 allocation would have failed then, for fragmentation, not lack of memory. ")
                .doesNotContain("stayed free");
    }

    @Test
    void aLowWorstIndexIsBlamedOnLackOfMemory() {
        RunData d = new RunBuilder().zones(NORMAL)
                .sample(SampleBuilder.at(0).zone(10, 1, 2, 3, -1000, 0))
                .sample(SampleBuilder.at(2).zone(10, 1, 2, 3, 300, 950)).build();
        assertThat(Story.text(d)).contains("extfrag_index was 0.300 (2.0 s, " + NORMAL + "): an order-9 allocation"
                + " would have failed then, mostly for lack of memory. ");
    }

    @Test
    void aNegativeIndexOtherThanMinusOneIsAFailureForLackOfMemory() {
        // one free order-8 block (256 pages): __fragmentation_index = 1000 - (1000 + 256000 / 512) / 1 = -500
        RunData d = new RunBuilder().zones(NORMAL)
                .sample(SampleBuilder.at(0).zone(512, 1, 2, 3, -1000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))
                .sample(SampleBuilder.at(1).zone(256, 1, 2, 3, -500, 1000, 0, 0, 0, 0, 0, 0, 0, 0, 1)).build();
        assertThat(Story.text(d)).contains("The highest order-9 extfrag_index was -0.500 (1.0 s, " + NORMAL + "): an"
                + " order-9 allocation would have failed then, mostly for lack of memory. ").doesNotContain("stayed free");
    }

    @Test
    void aZoneWithNothingFreeIsNotSaidToHaveKeptABlockFree() {
        // __fragmentation_index is 0 when no block is free at all
        RunData d = new RunBuilder().zones(NORMAL)
                .sample(SampleBuilder.at(0).zone(512, 1, 2, 3, -1000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))
                .sample(SampleBuilder.at(2).zone(0, 1, 2, 3, 0, 1000)).build();
        assertThat(Story.text(d)).contains("extfrag_index was 0.000 (2.0 s, " + NORMAL + "): an order-9 allocation"
                + " would have failed then, mostly for lack of memory. ")
                .doesNotContain("stayed free");
    }

    @Test
    void notesAreListedWithTheirTimesAndEscaped() {
        String story = Story.text(quiet().note("0.500", "kswapd0 woke").note("2.750", "a<b & c").build());
        assertThat(story).contains("<ul><li>0.500 s: kswapd0 woke</li><li>2.750 s: a&lt;b &amp; c</li></ul>");
    }

    @Test
    void theMachineNameIsEscaped() {
        String story = Story.text(quiet().machine("<b>box&co</b>").build());
        assertThat(story).contains("on &lt;b&gt;box&amp;co&lt;/b&gt;, free memory").doesNotContain("<b>");
    }
}
