package org.mmsim.page;

import java.util.HashMap;
import java.util.LinkedList;
import java.util.Map;

/**
 * A plain buddy allocator written from the textbook rules plus the kernel's list discipline, to compare the
 * model against: one list per order (java.util.LinkedList), allocation takes the head of the smallest non-empty
 * list and splits, pushing upper halves at the head (expand); freeing merges with free buddies inside the zone
 * and adds at the tail when the block is a boot block (FPI_TO_TAIL) or the buddy of its parent is free at the
 * next order below MAX_ORDER-2 (buddy_merge_likely), else at the head.
 */
final class ReferenceBuddy {
    private final long start;
    private final long end;
    private final int maxOrder;
    private final LinkedList<Long>[] lists;
    private final Map<Long, Integer> freeOrder = new HashMap<>();

    @SuppressWarnings("unchecked")
    ReferenceBuddy(long start, long end, int maxOrder) {
        this.start = start;
        this.end = end;
        this.maxOrder = maxOrder;
        this.lists = new LinkedList[maxOrder];
        for (int i = 0; i < maxOrder; i++) {
            lists[i] = new LinkedList<>();
        }
        long p = start;
        while (p < end) {
            int order = Math.min(maxOrder - 1, Long.numberOfTrailingZeros(p));
            while (p + (1L << order) > end) {
                order--;
            }
            free(p, order, true);
            p += 1L << order;
        }
    }

    long alloc(int order) {
        for (int o = order; o < maxOrder; o++) {
            if (!lists[o].isEmpty()) {
                long pfn = lists[o].removeFirst();
                freeOrder.remove(pfn);
                for (int h = o - 1; h >= order; h--) {
                    long half = pfn + (1L << h);
                    lists[h].addFirst(half);
                    freeOrder.put(half, h);
                }
                return pfn;
            }
        }
        return -1;
    }

    private boolean isFree(long pfn, int order) {
        return pfn >= start && pfn < end && Integer.valueOf(order).equals(freeOrder.get(pfn));
    }

    void free(long pfn, int order) {
        free(pfn, order, false);
    }

    private void free(long pfn, int order, boolean toTail) {
        long buddy = 0;
        while (order < maxOrder - 1) {
            buddy = pfn ^ (1L << order);
            if (!isFree(buddy, order)) {
                break;
            }
            lists[order].remove(Long.valueOf(buddy));
            freeOrder.remove(buddy);
            pfn &= buddy;
            order++;
        }
        boolean tail = toTail;
        if (!tail && order < maxOrder - 2) {
            long higher = pfn & buddy;
            tail = isFree(higher ^ (1L << (order + 1)), order + 1);
        }
        if (tail) {
            lists[order].addLast(pfn);
        } else {
            lists[order].addFirst(pfn);
        }
        freeOrder.put(pfn, order);
    }
}
