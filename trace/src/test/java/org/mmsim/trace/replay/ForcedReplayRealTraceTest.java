package org.mmsim.trace.replay;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmsim.page.Machine;

class ForcedReplayRealTraceTest {
    @Test
    void explore() {
        Machine m = ReplayFixture.prepared();
        System.out.println("start " + fmt(Buddyinfo.of(m)) + " vs " + fmt(ReplayFixture.kernelBuddyinfo(ReplayFixture.START)));
        ForcedReplay f = new ForcedReplay(m, 20);
        long t0 = System.nanoTime();
        Map<String, Map<String, long[]>> at = ReplayFixture.replay(f, m);
        System.out.println("ms " + (System.nanoTime() - t0) / 1e6 + " events " + f.events() + " incons " + f.inconsistencies()
                + " first-touch " + f.resolvedByFirstTouch() + " splits " + f.splitsInferred() + " pcp " + f.allocsFromPcp()
                + " buddy " + f.allocsFromBuddy() + " extfrag " + f.extfragEvents() + "/" + f.extfragOwnershipChanges());
        for (Inconsistency k : Inconsistency.values()) {
            System.out.println(k + " " + f.count(k));
        }
        f.examples().forEach(System.out::println);
        for (var e : at.entrySet()) {
            String mk = e.getKey();
            if (mk.startsWith("frag/after") || mk.equals("trace-end")) {
                var k = ReplayFixture.kernelBuddyinfo(mk);
                System.out.println(mk + " err " + Buddyinfo.relativeError(e.getValue(), k) + "\n model " + fmt(e.getValue()) + "\n kernel " + fmt(k));
            }
        }
    }

    static String fmt(Map<String, long[]> b) {
        StringBuilder s = new StringBuilder();
        b.forEach((z, c) -> s.append(z).append(Arrays.toString(c)).append(' '));
        return s.toString();
    }
}
