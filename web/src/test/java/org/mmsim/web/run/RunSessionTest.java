package org.mmsim.web.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsim.page.Zone;
import org.mmsim.proc.BuddyInfoFormat;
import org.mmsim.proc.model.BuddyInfoModel;

/** The frames of a stepped run hold what the live model showed at their moment, and keep it. */
class RunSessionTest {

    private static String liveBuddyinfo(RunSession run) {
        return run.withLive(v -> BuddyInfoFormat.render(BuddyInfoModel.of(v.booted().machine())));
    }

    @Test
    void aFrameHoldsTheLiveModelOfItsMomentAndKeepsIt() {
        try (RunSession run = RunSession.builtin("default")) {
            String atStart = liveBuddyinfo(run);
            assertThat(run.frame(0).proc().text("buddyinfo")).isEqualTo(atStart);
            long t0 = System.nanoTime();
            Frame f = run.runUntil(1_000_000_000L);
            long stepNs = System.nanoTime() - t0;
            assertThat(f.proc().text("buddyinfo")).isEqualTo(liveBuddyinfo(run)).isNotEqualTo(atStart);
            List<List<Long>> live = run.withLive(v -> {
                List<List<Long>> zones = new ArrayList<>();
                for (Zone z : v.booted().machine().zones()) {
                    if (z.populated()) {
                        zones.add(List.of(z.nrFree(0), z.nrFree(9), z.nrFreePages(), z.lowWmarkPages()));
                    }
                }
                return zones;
            });
            assertThat(f.zones()).hasSize(live.size());
            for (int i = 0; i < live.size(); i++) {
                ZoneFrame z = f.zones().get(i);
                assertThat(List.of(z.nrFree()[0], z.nrFree()[9], z.freePages(), z.low())).isEqualTo(live.get(i));
            }
            run.runUntil(3_000_000_000L);
            assertThat(run.frame(0).proc().text("buddyinfo")).isEqualTo(atStart);
            assertThat(run.frame(f.index()).proc().text("buddyinfo")).isEqualTo(f.proc().text("buddyinfo"));
            System.out.printf("default scenario: 1 s stepped in %.0f ms; a frame keeps %d bytes (/proc texts %d"
                    + " deflated of %d)%n", stepNs / 1e6, f.heapBytes(), f.proc().keptBytes(), f.proc().rawBytes());
        }
    }

    @Test
    void theFragmentationIndicesPerOrderAreTheKernelFilesValues() {
        try (RunSession run = RunSession.builtin("default")) {
            Frame f = run.runUntil(12_000_000_000L);
            List<int[]> extfrag = thousandths(f.proc().text("extfrag_index"));
            List<int[]> unusable = thousandths(f.proc().text("unusable_index"));
            assertThat(extfrag).hasSize(f.zones().size());
            for (int i = 0; i < f.zones().size(); i++) {
                assertThat(f.zones().get(i).extfrag()).isEqualTo(extfrag.get(i));
                assertThat(f.zones().get(i).unusable()).isEqualTo(unusable.get(i));
            }
            assertThat(extfrag.stream().anyMatch(z -> z[9] != -1000)).as("some zone fragmented at order 9").isTrue();
        }
    }

    @Test
    void pastItsLimitARunThinsOutOlderStepFramesAndKeepsTheRecentOnes() {
        try (RunSession run = RunSession.builtin("default", 40, 10)) {
            for (int i = 0; i < 100; i++) {
                run.stepEvent();
            }
            List<Frame> frames = run.frames();
            assertThat(frames.size()).isLessThanOrEqualTo(40);
            assertThat(run.thinnings()).isPositive();
            assertThat(frames.get(0).label()).isEqualTo("start");
            for (int i = 0; i < frames.size(); i++) {
                assertThat(frames.get(i).index()).isEqualTo(i);
                if (i > 0) {
                    assertThat(frames.get(i).events()).isGreaterThan(frames.get(i - 1).events());
                }
            }
            Frame newest = frames.get(frames.size() - 1);
            assertThat(newest.events()).isEqualTo(100);
            for (int k = 1; k < 10; k++) {
                assertThat(frames.get(frames.size() - 1 - k).events()).isEqualTo(100 - k);
            }
            assertThat(frames.get(1).events()).as("an old step frame was dropped").isGreaterThan(1);
        }
    }

    /** The indices of a debugfs extfrag file ("Node 0, zone   Normal -1.000  0.512 ..."), in thousandths. */
    private static List<int[]> thousandths(String file) {
        List<int[]> out = new ArrayList<>();
        for (String line : file.lines().toList()) {
            String[] words = line.trim().split("\\s+");
            int[] v = new int[words.length - 4];
            for (int i = 4; i < words.length; i++) {
                v[i - 4] = (int) Math.round(Double.parseDouble(words[i]) * 1000);
            }
            out.add(v);
        }
        return out;
    }
}
