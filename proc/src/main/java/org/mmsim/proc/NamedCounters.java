package org.mmsim.proc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An ordered list of (name, value) counters as the kernel prints them: the per-node and per-zone
 * stat lines of /proc/zoneinfo and the lines of /proc/vmstat (mm/vmstat.c {@code vmstat_text[]}).
 * The model supplies its counters under the kernel's names; values are the kernel's unsigned longs,
 * stored in a {@code long} and printed unsigned. Immutable.
 */
public final class NamedCounters {
    private static final NamedCounters EMPTY = new NamedCounters(new String[0], new long[0]);

    private final String[] names;
    private final long[] values;

    private NamedCounters(String[] names, long[] values) {
        this.names = names;
        this.values = values;
    }

    public static NamedCounters empty() {
        return EMPTY;
    }

    /** Counters from parallel arrays (copied). */
    public static NamedCounters of(String[] names, long[] values) {
        if (names.length != values.length) {
            throw new IllegalArgumentException(names.length + " names but " + values.length + " values");
        }
        for (String n : names) {
            requireName(n);
        }
        return new NamedCounters(names.clone(), values.clone());
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return names.length;
    }

    public boolean isEmpty() {
        return names.length == 0;
    }

    public String name(int i) {
        return names[i];
    }

    public long value(int i) {
        return values[i];
    }

    /** The index of a counter, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The value of a counter; throws if there is none of that name. */
    public long get(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no counter " + name);
        }
        return values[i];
    }

    public List<String> names() {
        return List.of(names);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamedCounters c && Arrays.equals(names, c.names) && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < names.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(names[i]).append('=').append(Long.toUnsignedString(values[i]));
        }
        return sb.append('}').toString();
    }

    private static void requireName(String n) {
        if (n == null || n.isEmpty() || n.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("bad counter name '" + n + "'");
        }
    }

    /** Collects counters in order. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private long[] values = new long[16];

        private Builder() {
        }

        public Builder add(String name, long value) {
            requireName(name);
            if (names.size() == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[names.size()] = value;
            names.add(name);
            return this;
        }

        public NamedCounters build() {
            return new NamedCounters(names.toArray(new String[0]), Arrays.copyOf(values, names.size()));
        }
    }
}
