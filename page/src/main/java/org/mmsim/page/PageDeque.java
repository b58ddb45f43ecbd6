package org.mmsim.page;

/**
 * One per-CPU page list, {@code per_cpu_pages.lists[pindex]} of include/linux/mmzone.h, stored as a ring buffer
 * of page indexes instead of links through {@code struct page}: the operations the kernel does on these lists
 * are list_add() (at the head, free_unref_page_commit), list_add_tail() (rmqueue_bulk), list_first_entry() with
 * list_del() (__rmqueue_pcplist) and list_last_entry() with list_del() (free_pcppages_bulk), all at the ends, so
 * a ring buffer keeps the same order while touching no per-page state. The rare removal from the middle (a
 * forced replay taking the page the kernel took) shifts the shorter side. The buffer doubles when full and never
 * shrinks, so steady traffic allocates nothing. The head is also kept in a field of its own: a take then reads
 * the page the last free put there without first reading the position, which shortens the chain of loads that
 * an allocation followed by a free forms.
 */
final class PageDeque {
    private int[] buf = new int[16];
    private int first;
    private int size;
    /** buf[first] while the list is not empty. */
    private int head;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The i-th page from the head (0 is the head). */
    int get(int i) {
        int[] b = buf;
        return b[(first + i) & (b.length - 1)];
    }

    /** list_add(): the page becomes the head. */
    void addFirst(int idx) {
        int[] b = buf;
        if (size == b.length) {
            b = grow();
        }
        int f = (first - 1) & (b.length - 1);
        b[f] = idx;
        first = f;
        head = idx;
        size++;
    }

    /** list_add_tail(): the page becomes the tail. */
    void addLast(int idx) {
        int[] b = buf;
        if (size == b.length) {
            b = grow();
        }
        b[(first + size) & (b.length - 1)] = idx;
        if (size == 0) {
            head = idx;
        }
        size++;
    }

    /** The head taken off the list; the list must not be empty. */
    int pollFirst() {
        int idx = head;
        int[] b = buf;
        int f = (first + 1) & (b.length - 1);
        first = f;
        head = b[f];
        size--;
        return idx;
    }

    /** The tail taken off the list; the list must not be empty. */
    int pollLast() {
        int[] b = buf;
        size--;
        return b[(first + size) & (b.length - 1)];
    }

    /**
     * The position of a page from the head, or -1 when it is not on this list. Searched from both ends inward:
     * the pages looked for are mostly near the head (taken) or the tail (drained).
     */
    int indexOf(int idx) {
        int mask = buf.length - 1;
        for (int lo = 0, hi = size - 1; lo <= hi; lo++, hi--) {
            if (buf[(first + lo) & mask] == idx) {
                return lo;
            }
            if (buf[(first + hi) & mask] == idx) {
                return hi;
            }
        }
        return -1;
    }

    /** list_del() of the page at position i, keeping the order of the others. */
    void removeAt(int i) {
        int mask = buf.length - 1;
        if (i < size - 1 - i) {
            for (int k = i; k > 0; k--) {
                buf[(first + k) & mask] = buf[(first + k - 1) & mask];
            }
            first = (first + 1) & mask;
        } else {
            for (int k = i; k < size - 1; k++) {
                buf[(first + k) & mask] = buf[(first + k + 1) & mask];
            }
        }
        size--;
        head = buf[first];
    }

    private int[] grow() {
        int mask = buf.length - 1;
        int[] bigger = new int[buf.length * 2];
        for (int i = 0; i < size; i++) {
            bigger[i] = buf[(first + i) & mask];
        }
        buf = bigger;
        first = 0;
        return bigger;
    }

    /** Bytes held by the buffer. */
    long bytes() {
        return 16L + 4L * buf.length;
    }
}
