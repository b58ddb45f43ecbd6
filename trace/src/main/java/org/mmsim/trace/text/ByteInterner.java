package org.mmsim.trace.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Canonical strings for byte slices that repeat from line to line (event names, task names, gfp texts): a slice
 * seen before returns its id without allocating, so a trace of millions of lines makes only as many Strings as it
 * has distinct names. Open addressing over a power-of-two table.
 */
final class ByteInterner {
    private byte[][] keys = new byte[256][];
    private int[] ids = new int[256];
    private String[] strings = new String[64];
    private byte[][] keysById = new byte[64][];
    private int size;
    /** The slice interned last: lines in a run share their event, task and gfp text. */
    private byte[] lastKey;
    private int lastId;

    /** The id of bytes {@code [from, to)} of {@code buf}, adding it when new. */
    int intern(byte[] buf, int from, int to) {
        byte[] last = lastKey;
        if (last != null && last.length == to - from && Text.sameBytes(last, buf, from)) {
            return lastId;
        }
        int id = lookup(buf, from, to);
        lastKey = keyOf(id);
        lastId = id;
        return id;
    }

    private int lookup(byte[] buf, int from, int to) {
        int h = hash(buf, from, to);
        int mask = keys.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            byte[] k = keys[i];
            if (k == null) {
                return add(i, buf, from, to);
            }
            if (k.length == to - from && Arrays.equals(k, 0, k.length, buf, from, to)) {
                return ids[i];
            }
        }
    }

    /**
     * The id of the slice interned last when bytes {@code [from, from + its length)} of {@code buf} are it and
     * {@code terminator} follows them, else -1: finds a repeated name without searching for its end.
     */
    int lastFollowedBy(byte[] buf, int from, int to, byte terminator) {
        byte[] last = lastKey;
        int end = last == null ? to : from + last.length;
        return end < to && buf[end] == terminator && Text.sameBytes(last, buf, from) ? lastId : -1;
    }

    /** The string of an id {@link #intern} returned. */
    String string(int id) {
        return strings[id];
    }

    /** How many distinct slices were interned; ids run from 0 to size - 1. */
    int size() {
        return size;
    }

    private int add(int slot, byte[] buf, int from, int to) {
        int id = size++;
        if (id == strings.length) {
            strings = Arrays.copyOf(strings, id * 2);
            keysById = Arrays.copyOf(keysById, id * 2);
        }
        byte[] key = Arrays.copyOfRange(buf, from, to);
        strings[id] = new String(key, StandardCharsets.UTF_8);
        keysById[id] = key;
        keys[slot] = key;
        ids[slot] = id;
        if (size * 2 > keys.length) {
            grow();
        }
        return id;
    }

    /** The bytes of an id {@link #intern} returned (not to be changed). */
    byte[] key(int id) {
        return keysById[id];
    }

    private byte[] keyOf(int id) {
        return keysById[id];
    }

    private void grow() {
        byte[][] oldKeys = keys;
        int[] oldIds = ids;
        keys = new byte[oldKeys.length * 2][];
        ids = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            byte[] k = oldKeys[j];
            if (k != null) {
                int i = hash(k, 0, k.length) & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                ids[i] = oldIds[j];
            }
        }
    }

    /** The length and at most the first and last eight bytes: cheap, and names differ there or in length. */
    private static int hash(byte[] buf, int from, int to) {
        int h = to - from;
        int head = Math.min(to, from + 8);
        for (int i = from; i < head; i++) {
            h = 31 * h + buf[i];
        }
        for (int i = Math.max(head, to - 8); i < to; i++) {
            h = 31 * h + buf[i];
        }
        return h ^ (h >>> 16);
    }
}
