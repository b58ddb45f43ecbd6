package org.mmsim.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's cumulative counters split by magnitude, so that no chart puts millions beside hundreds: the
 * counters that stayed 0 apart, the rest by their final value, largest first, each group opened by its largest
 * counter and holding the counters within a factor of {@value #SPREAD} of it. A counter in a group is then at
 * least a twentieth of its chart's height.
 */
final class CounterGroups {
    /** The largest ratio between the final values of a group's largest and smallest counter. */
    static final long SPREAD = 20;

    /** One chart's counters, largest first, and their final values. */
    record Group(Map<String, Long> finals) {
        /** The largest final value of the group. */
        long largest() {
            return finals.values().iterator().next();
        }

        /** The smallest final value of the group. */
        long smallest() {
            long min = Long.MAX_VALUE;
            for (long v : finals.values()) {
                min = Math.min(min, v);
            }
            return min;
        }
    }

    private final List<Group> groups;
    private final List<String> zeros;

    private CounterGroups(List<Group> groups, List<String> zeros) {
        this.groups = groups;
        this.zeros = zeros;
    }

    /** Groups {@code names} by their values in {@code last} (the end snapshot's; counters only grow). */
    static CounterGroups of(List<String> names, Map<String, Long> last) {
        List<String> zeros = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String n : names) {
            (last.getOrDefault(n, 0L) == 0 ? zeros : rest).add(n);
        }
        rest.sort(Comparator.comparingLong((String n) -> last.get(n)).reversed());
        List<Group> groups = new ArrayList<>();
        Map<String, Long> current = null;
        long top = 0;
        for (String n : rest) {
            long v = last.get(n);
            if (current == null || v * SPREAD < top) {
                current = new LinkedHashMap<>();
                groups.add(new Group(current));
                top = v;
            }
            current.put(n, v);
        }
        return new CounterGroups(List.copyOf(groups), List.copyOf(zeros));
    }

    /** The charts' groups, the one with the largest counters first. */
    List<Group> groups() {
        return groups;
    }

    /** The counters that stayed 0 through the run, in the order given. */
    List<String> zeros() {
        return zeros;
    }
}
