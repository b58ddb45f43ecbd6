package org.mmsim.kernel.vmalloc;

import java.util.Arrays;

/**
 * The free vmap space of mm/vmalloc.c (free_vmap_area_root and free_vmap_area_list): free blocks [start, end)
 * in a red-black tree ordered by address, each node augmented with the largest block size in its subtree
 * (subtree_max_size), and threaded on an address-ordered list. The tree is rebalanced exactly as lib/rbtree.c
 * does (__rb_insert(), __rb_erase_augmented(), ____rb_erase_color()), so its shape, and therefore which block
 * find_vmap_lowest_match() returns when its size adjustment for large alignments prunes subtrees, is the
 * kernel's. Nodes are ids into primitive arrays; addresses are unsigned.
 */
final class VmapFreeTree {
    private static final int NIL = -1;
    private static final int LEFT = 0;
    private static final int RIGHT = 1;

    private long[] start = new long[64];
    private long[] end = new long[64];
    private long[] max = new long[64];
    private int[] left = new int[64];
    private int[] right = new int[64];
    private int[] parent = new int[64];
    private boolean[] red = new boolean[64];
    private int[] next = new int[64];
    private int[] prev = new int[64];
    private int root = NIL;
    private int head = NIL;
    private int tail = NIL;
    private int count;
    private int used;
    private int[] freeIds = new int[64];
    private int freeIdCount;
    private int[] dirty = new int[64];
    private int dirtyCount;

    int count() {
        return count;
    }

    /** The lowest block, or -1. */
    int first() {
        return head;
    }

    /** The block after {@code node} in address order, or -1. */
    int next(int node) {
        return next[node];
    }

    long start(int node) {
        return start[node];
    }

    long end(int node) {
        return end[node];
    }

    void clear() {
        root = NIL;
        head = NIL;
        tail = NIL;
        count = 0;
        used = 0;
        freeIdCount = 0;
    }

    // ---------------------------------------------------------------- search

    private long maxOf(int node) {
        return node == NIL ? 0 : max[node];
    }

    /** is_within_this_va(). */
    private boolean isWithin(int node, long size, long align, long vstart) {
        long nva = candidateStart(node, align, vstart);
        if (Long.compareUnsigned(nva + size, nva) < 0 || Long.compareUnsigned(nva, vstart) < 0) {
            return false;
        }
        return Long.compareUnsigned(nva + size, end[node]) <= 0;
    }

    /** ALIGN(max(va_start, vstart), align). */
    long candidateStart(int node, long align, long vstart) {
        long base = Long.compareUnsigned(start[node], vstart) > 0 ? start[node] : vstart;
        return (base + align - 1) & -align;
    }

    /** find_vmap_lowest_match(): the tree walk, pruning subtrees whose largest block is below the length. */
    int findLowestMatch(long size, long align, long vstart, boolean adjustSearchSize) {
        long length = adjustSearchSize ? size + align - 1 : size;
        int node = root;
        while (node != NIL) {
            if (Long.compareUnsigned(maxOf(left[node]), length) >= 0
                    && Long.compareUnsigned(vstart, start[node]) < 0) {
                node = left[node];
                continue;
            }
            if (isWithin(node, size, align, vstart)) {
                return node;
            }
            if (Long.compareUnsigned(maxOf(right[node]), length) >= 0) {
                node = right[node];
                continue;
            }
            boolean descended = false;
            while ((node = parent[node]) != NIL) {
                if (isWithin(node, size, align, vstart)) {
                    return node;
                }
                if (Long.compareUnsigned(maxOf(right[node]), length) >= 0
                        && Long.compareUnsigned(vstart, start[node]) <= 0) {
                    vstart = start[node] + 1;
                    node = right[node];
                    descended = true;
                    break;
                }
            }
            if (!descended) {
                return NIL;
            }
        }
        return NIL;
    }

    // ---------------------------------------------------------------- updates

    /** adjust_va_to_fit_type(): full, left-edge, right-edge or middle fit of [nvaStart, nvaStart + size). */
    void carve(int node, long nvaStart, long size) {
        long nvaEnd = nvaStart + size;
        if (start[node] == nvaStart && end[node] == nvaEnd) {
            erase(node);
        } else if (start[node] == nvaStart) {
            start[node] = nvaEnd;
            markDirty(node);
        } else if (end[node] == nvaEnd) {
            end[node] = nvaStart;
            markDirty(node);
        } else {
            long lvaStart = start[node];
            start[node] = nvaEnd;
            markDirty(node);
            fixMaxima();
            insert(lvaStart, nvaStart);
        }
        fixMaxima();
    }

    /** insert_vmap_area_augment(): a block without merging (vmap_init_free_space()). */
    void insert(long s, long e) {
        int p = linkParent(s, e);
        link(newNode(s, e), p, linksRight(p, e));
        fixMaxima();
    }

    /** merge_or_add_vmap_area_augment(): merges with the following and/or preceding block, else links a node. */
    void insertMerge(long s, long e) {
        int p = linkParent(s, e);
        boolean asRight = linksRight(p, e);
        int nextNode = asRight ? next[p] : p;
        int prevNode = nextNode == NIL ? tail : prev[nextNode];
        int merged = NIL;
        if (nextNode != NIL && start[nextNode] == e) {
            start[nextNode] = s;
            markDirty(nextNode);
            merged = nextNode;
        }
        if (prevNode != NIL && end[prevNode] == s) {
            long newEnd = e;
            if (merged != NIL) {
                newEnd = end[merged];
                erase(merged);
            }
            end[prevNode] = newEnd;
            markDirty(prevNode);
            merged = prevNode;
        }
        if (merged == NIL) {
            link(newNode(s, e), p, asRight);
        }
        fixMaxima();
    }

    /**
     * find_va_links(): the node a new block [s, e) hangs under (-1 in an empty tree), found by descending by
     * address; an overlap with a block in the tree is a bug.
     */
    private int linkParent(long s, long e) {
        int p = NIL;
        int n = root;
        while (n != NIL) {
            p = n;
            if (Long.compareUnsigned(e, start[n]) <= 0) {
                n = left[n];
            } else if (Long.compareUnsigned(s, end[n]) >= 0) {
                n = right[n];
            } else {
                throw new IllegalStateException("vmap area [0x" + Long.toHexString(s) + ", 0x" + Long.toHexString(e)
                        + ") overlaps a free area");
            }
        }
        return p;
    }

    /** Whether a block ending at {@code e} hangs as the right child of {@link #linkParent} {@code p}. */
    private boolean linksRight(int p, long e) {
        return p != NIL && Long.compareUnsigned(e, start[p]) > 0;
    }

    private int newNode(long s, long e) {
        int id;
        if (freeIdCount > 0) {
            id = freeIds[--freeIdCount];
        } else {
            if (used == start.length) {
                grow(used * 2);
            }
            id = used++;
        }
        start[id] = s;
        end[id] = e;
        max[id] = e - s;
        left[id] = NIL;
        right[id] = NIL;
        parent[id] = NIL;
        red[id] = true;
        return id;
    }

    /** rb_link_node() + list_add() + __rb_insert(). */
    private void link(int node, int p, boolean asRight) {
        parent[node] = p;
        if (p == NIL) {
            root = node;
            listInsertAfter(node, NIL);
        } else if (asRight) {
            right[p] = node;
            listInsertAfter(node, p);
        } else {
            left[p] = node;
            listInsertAfter(node, prev[p]);
        }
        count++;
        markDirty(node);
        rbInsert(node);
    }

    /** list_add(): {@code node} right after {@code after} (-1: at the head). */
    private void listInsertAfter(int node, int after) {
        int nx = after == NIL ? head : next[after];
        listJoin(after, node);
        listJoin(node, nx);
    }

    private void listRemove(int node) {
        listJoin(prev[node], next[node]);
    }

    /** Makes {@code b} follow {@code a} on the list; -1 for {@code a} or {@code b} stands for the list's head or tail. */
    private void listJoin(int a, int b) {
        if (a == NIL) {
            head = b;
        } else {
            next[a] = b;
        }
        if (b == NIL) {
            tail = a;
        } else {
            prev[b] = a;
        }
    }

    // ---------------------------------------------------------------- lib/rbtree.c

    private boolean isRed(int n) {
        return n != NIL && red[n];
    }

    /** The child array of one side: lib/rbtree.c's mirrored cases become one case with the side as a value. */
    private int[] side(int dir) {
        return dir == LEFT ? left : right;
    }

    private void setChild(int n, int dir, int child) {
        side(dir)[n] = child;
        markDirty(n);
    }

    private void changeChild(int old, int nw, int p) {
        if (p != NIL) {
            setChild(p, left[p] == old ? LEFT : RIGHT, nw);
        } else {
            root = nw;
        }
    }

    /** __rb_rotate_set_parents(): new takes old's place and colour; old becomes new's child with {@code oldRed}. */
    private void rotateSetParents(int old, int nw, boolean oldRed) {
        int p = parent[old];
        parent[nw] = p;
        red[nw] = red[old];
        parent[old] = nw;
        red[old] = oldRed;
        changeChild(old, nw, p);
    }

    /**
     * __rb_insert(). The kernel spells out the case of a parent that is a left child and its mirror image; here
     * {@code dir} is the parent's side under the grandparent and {@code other} the opposite one.
     */
    private void rbInsert(int node) {
        int p = parent[node];
        while (true) {
            if (p == NIL) {
                red[node] = false;
                break;
            }
            if (!red[p]) {
                break;
            }
            int g = parent[p];
            int dir = p == right[g] ? RIGHT : LEFT;
            int other = 1 - dir;
            int tmp = side(other)[g];
            if (isRed(tmp)) {
                red[tmp] = false;
                red[p] = false;
                node = g;
                p = parent[node];
                red[node] = true;
                continue;
            }
            tmp = side(other)[p];
            if (node == tmp) {
                tmp = side(dir)[node];
                setChild(p, other, tmp);
                setChild(node, dir, p);
                if (tmp != NIL) {
                    parent[tmp] = p;
                    red[tmp] = false;
                }
                parent[p] = node;
                red[p] = true;
                p = node;
                tmp = side(other)[node];
            }
            setChild(g, dir, tmp);
            setChild(p, other, g);
            if (tmp != NIL) {
                parent[tmp] = g;
                red[tmp] = false;
            }
            rotateSetParents(g, p, true);
            break;
        }
    }

    /** rb_erase_augmented(): __rb_erase_augmented() then ____rb_erase_color(); frees the node. */
    private void erase(int node) {
        int child = right[node];
        int tmp = left[node];
        int rebalance;
        if (tmp == NIL || child == NIL) {
            int only = tmp == NIL ? child : tmp;
            int p = parent[node];
            boolean nodeRed = red[node];
            changeChild(node, only, p);
            rebalance = hangChild(only, p, nodeRed, nodeRed);
            if (p != NIL) {
                markDirty(p);
            }
        } else {
            int successor = child;
            int child2;
            int p;
            tmp = left[child];
            if (tmp == NIL) {
                p = successor;
                child2 = right[successor];
            } else {
                do {
                    p = successor;
                    successor = tmp;
                    tmp = left[tmp];
                } while (tmp != NIL);
                child2 = right[successor];
                setChild(p, LEFT, child2);
                setChild(successor, RIGHT, child);
                parent[child] = successor;
            }
            tmp = left[node];
            setChild(successor, LEFT, tmp);
            parent[tmp] = successor;
            int np = parent[node];
            boolean nodeRed = red[node];
            changeChild(node, successor, np);
            rebalance = hangChild(child2, p, false, red[successor]);
            parent[successor] = np;
            red[successor] = nodeRed;
            markDirty(p);
            markDirty(successor);
        }
        if (rebalance != NIL) {
            eraseColor(rebalance);
        }
        listRemove(node);
        count--;
        left[node] = NIL;
        right[node] = NIL;
        parent[node] = NIL;
        removeFromDirty(node);
        if (freeIdCount == freeIds.length) {
            freeIds = Arrays.copyOf(freeIds, freeIds.length * 2);
        }
        freeIds[freeIdCount++] = node;
    }

    /**
     * Gives {@code child} (or nothing, -1) the parent {@code p} and the colour {@code childRed} in place of a node
     * that left the tree; returns where ____rb_erase_color() must start, -1 unless a black node left no child.
     *
     * @param removedRed whether the node that left its place was red
     */
    private int hangChild(int child, int p, boolean childRed, boolean removedRed) {
        if (child != NIL) {
            parent[child] = p;
            red[child] = childRed;
            return NIL;
        }
        return removedRed ? NIL : p;
    }

    /**
     * ____rb_erase_color(). As in {@link #rbInsert}, the kernel's two mirrored cases are one: {@code dir} is the
     * sibling's side and {@code other} the side of the node that lost a black.
     */
    private void eraseColor(int p) {
        int node = NIL;
        while (true) {
            int dir = node != right[p] ? RIGHT : LEFT;
            int other = 1 - dir;
            int sibling = side(dir)[p];
            if (isRed(sibling)) {
                int t1 = side(other)[sibling];
                setChild(p, dir, t1);
                setChild(sibling, other, p);
                parent[t1] = p;
                red[t1] = false;
                rotateSetParents(p, sibling, true);
                sibling = t1;
            }
            int t1 = side(dir)[sibling];
            if (!isRed(t1)) {
                int t2 = side(other)[sibling];
                if (!isRed(t2)) {
                    parent[sibling] = p;
                    red[sibling] = true;
                    if (red[p]) {
                        red[p] = false;
                    } else {
                        node = p;
                        p = parent[node];
                        if (p != NIL) {
                            continue;
                        }
                    }
                    break;
                }
                t1 = side(dir)[t2];
                setChild(sibling, other, t1);
                setChild(t2, dir, sibling);
                setChild(p, dir, t2);
                if (t1 != NIL) {
                    parent[t1] = sibling;
                    red[t1] = false;
                }
                t1 = sibling;
                sibling = t2;
            }
            int t2 = side(other)[sibling];
            setChild(p, dir, t2);
            setChild(sibling, other, p);
            parent[t1] = sibling;
            red[t1] = false;
            if (t2 != NIL) {
                parent[t2] = p;
            }
            rotateSetParents(p, sibling, false);
            break;
        }
    }

    // ---------------------------------------------------------------- subtree_max_size

    private void markDirty(int node) {
        if (dirtyCount == dirty.length) {
            dirty = Arrays.copyOf(dirty, dirty.length * 2);
        }
        dirty[dirtyCount++] = node;
    }

    private void removeFromDirty(int node) {
        for (int i = 0; i < dirtyCount; i++) {
            if (dirty[i] == node) {
                dirty[i] = dirty[--dirtyCount];
                i--;
            }
        }
    }

    /**
     * Recomputes subtree_max_size from every changed node up to the root. The kernel's rotate/copy/propagate
     * callbacks reach the same values (each node's largest block size in its subtree) by a shorter route.
     */
    private void fixMaxima() {
        while (dirtyCount > 0) {
            int n = dirty[--dirtyCount];
            for (; n != NIL; n = parent[n]) {
                long m = end[n] - start[n];
                long l = maxOf(left[n]);
                long r = maxOf(right[n]);
                if (Long.compareUnsigned(l, m) > 0) {
                    m = l;
                }
                if (Long.compareUnsigned(r, m) > 0) {
                    m = r;
                }
                max[n] = m;
            }
        }
    }

    private void grow(int cap) {
        start = Arrays.copyOf(start, cap);
        end = Arrays.copyOf(end, cap);
        max = Arrays.copyOf(max, cap);
        left = Arrays.copyOf(left, cap);
        right = Arrays.copyOf(right, cap);
        parent = Arrays.copyOf(parent, cap);
        red = Arrays.copyOf(red, cap);
        next = Arrays.copyOf(next, cap);
        prev = Arrays.copyOf(prev, cap);
    }

    /** Checks the red-black and augmentation invariants; for tests. Returns the black height. */
    int checkInvariants() {
        if (isRed(root)) {
            throw new IllegalStateException("red root");
        }
        int n = 0;
        long last = 0;
        for (int x = head; x != NIL; x = next[x]) {
            if (n > 0 && Long.compareUnsigned(start[x], last) < 0) {
                throw new IllegalStateException("list out of order");
            }
            last = end[x];
            n++;
        }
        if (n != count) {
            throw new IllegalStateException("list has " + n + " nodes, count " + count);
        }
        return check(root, NIL);
    }

    private int check(int n, int p) {
        if (n == NIL) {
            return 1;
        }
        if (parent[n] != p) {
            throw new IllegalStateException("bad parent link");
        }
        if (red[n] && (isRed(left[n]) || isRed(right[n]))) {
            throw new IllegalStateException("red node with red child");
        }
        long m = end[n] - start[n];
        m = Long.compareUnsigned(maxOf(left[n]), m) > 0 ? maxOf(left[n]) : m;
        m = Long.compareUnsigned(maxOf(right[n]), m) > 0 ? maxOf(right[n]) : m;
        if (m != max[n]) {
            throw new IllegalStateException("stale subtree_max_size");
        }
        int lh = check(left[n], n);
        int rh = check(right[n], n);
        if (lh != rh) {
            throw new IllegalStateException("unequal black heights");
        }
        return lh + (red[n] ? 0 : 1);
    }
}
