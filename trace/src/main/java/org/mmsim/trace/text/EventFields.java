package org.mmsim.trace.text;

import java.util.Arrays;
import org.mmsim.arch.InputError;
import org.mmsim.page.GfpNames;
import org.mmsim.trace.TraceEvent;
import org.mmsim.trace.TraceEventKind;

/**
 * Decodes the {@code key=value} part of a kmem event line as the TP_printk of include/trace/events/kmem.h (6.1)
 * prints it, into a {@link TraceEvent}. Keys may come in any order and unknown keys are passed over, so older and
 * newer formats (without percpu_refill, with pageblock_order) read the same; a key an event needs (the pfn of a
 * page event, the order of a free) missing is an error. A NULL page ({@code page=(null)} or all zeros) with
 * pfn=0x0 marks an allocation that failed (mm_page_alloc is traced with a NULL page too): its pfn is set to -1.
 */
final class EventFields {
    private static final String[] KEY_NAMES = {
        "page", "pfn", "order", "migratetype", "gfp_flags", "percpu_refill", "alloc_order", "fallback_order",
        "alloc_migratetype", "fallback_migratetype", "change_ownership", "call_site", "ptr", "bytes_req",
        "bytes_alloc", "node",
    };
    private static final int PAGE = 0;
    private static final int PFN = 1;
    private static final int ORDER = 2;
    private static final int MIGRATETYPE = 3;
    private static final int GFP_FLAGS = 4;
    private static final int PERCPU_REFILL = 5;
    private static final int ALLOC_ORDER = 6;
    private static final int FALLBACK_ORDER = 7;
    private static final int ALLOC_MIGRATETYPE = 8;
    private static final int FALLBACK_MIGRATETYPE = 9;
    private static final int CHANGE_OWNERSHIP = 10;
    private static final int CALL_SITE = 11;
    private static final int PTR = 12;
    private static final int BYTES_REQ = 13;
    private static final int BYTES_ALLOC = 14;
    private static final int NODE = 15;
    private static final byte[][] KEYS = new byte[KEY_NAMES.length][];
    private static final byte[] NULL_POINTER = Text.ascii("(null)");

    static {
        for (int i = 0; i < KEYS.length; i++) {
            KEYS[i] = Text.ascii(KEY_NAMES[i]);
        }
    }

    private final ByteInterner gfpTexts = new ByteInterner();
    private long[] gfpValues = new long[64];

    /** Fills the fields of {@code e} (whose kind is set) from bytes {@code [from, to)} of {@code b}. */
    void decode(TraceEvent e, byte[] b, int from, int to) {
        if (!decodeInPrintOrder(e, b, from, to)) {
            decodeByKey(e, b, from, to);
        }
    }

    private static final byte[] PAGE_EQ = Text.ascii("page=");
    /** A %p value on a 64-bit kernel: sixteen hex digits, or "(____ptrval____)" before the pointers are hashed. */
    private static final int POINTER_WIDTH = 16;
    private static final byte[] PFN_EQ = Text.ascii("pfn=");
    private static final byte[] ORDER_EQ = Text.ascii("order=");
    private static final byte[] MIGRATETYPE_EQ = Text.ascii("migratetype=");
    private static final byte[] GFP_FLAGS_EQ = Text.ascii("gfp_flags=");
    private static final byte[] PERCPU_REFILL_EQ = Text.ascii("percpu_refill=");

    /**
     * The page events as their TP_printk writes them, one space between fields, read in that order without
     * looking keys up: {@code page= pfn= order=} then, by event, {@code migratetype=} and {@code gfp_flags=} or
     * {@code percpu_refill=}. False when the line is in another form (another order, a key more or less): the
     * caller then reads it key by key, which gives the same fields and the same errors.
     */
    private boolean decodeInPrintOrder(TraceEvent e, byte[] b, int from, int to) {
        TraceEventKind k = e.kind;
        boolean alloc = k == TraceEventKind.MM_PAGE_ALLOC;
        boolean locked = k == TraceEventKind.MM_PAGE_ALLOC_ZONE_LOCKED;
        boolean drain = k == TraceEventKind.MM_PAGE_PCPU_DRAIN;
        if (!alloc && !locked && !drain && k != TraceEventKind.MM_PAGE_FREE
                && k != TraceEventKind.MM_PAGE_FREE_BATCHED || !Text.startsWith(b, from, to, PAGE_EQ)) {
            return false;
        }
        int pageFrom = from + PAGE_EQ.length;
        int pageTo = pageFrom + POINTER_WIDTH < to && b[pageFrom + POINTER_WIDTH] == ' '
                ? pageFrom + POINTER_WIDTH : Text.nextSpace(b, pageFrom, to);
        int v = value(b, pageTo, to, PFN_EQ);
        if (v < 0 || v + 2 >= to || b[v] != '0' || b[v + 1] != 'x') {
            return false;
        }
        int end = v + 2;
        long pfn = 0;
        int d;
        while (end < to && (d = Numbers.hexDigit(b[end])) >= 0) {
            pfn = pfn << 4 | d;
            end++;
        }
        if (end == v + 2 || end - v > 18) {
            return false;
        }
        e.pfn = pfn;
        if ((v = value(b, end, to, ORDER_EQ)) < 0 || (end = digits(b, v, to)) < 0) {
            return false;
        }
        e.order = (int) parsed;
        if (alloc || locked || drain) {
            if ((v = value(b, end, to, MIGRATETYPE_EQ)) < 0 || (end = digits(b, v, to)) < 0) {
                return false;
            }
            e.migratetype = (int) parsed;
        }
        if (alloc) {
            if ((v = value(b, end, to, GFP_FLAGS_EQ)) < 0) {
                return false;
            }
            end = Text.nextSpace(b, v, to);
            gfp(e, b, v, end);
        } else if (locked) {
            if ((v = value(b, end, to, PERCPU_REFILL_EQ)) < 0 || (end = digits(b, v, to)) < 0) {
                return false;
            }
            e.percpuRefill = parsed != 0;
        }
        if (end != to) {
            return false;
        }
        markFailedAllocation(e, b, pageFrom, pageTo);
        return true;
    }

    /** The value {@link #digits} read last. */
    private long parsed;

    /**
     * Reads a short decimal at {@code from} (one to nine digits, ending at a space or the end) into
     * {@link #parsed}; returns where it ends, or -1 for anything else.
     */
    private int digits(byte[] b, int from, int to) {
        long x = 0;
        int i = from;
        int c;
        while (i < to && (c = b[i] - '0') >= 0 && c <= 9) {
            x = x * 10 + c;
            i++;
        }
        if (i == from || i - from > 9 || i < to && b[i] != ' ') {
            return -1;
        }
        parsed = x;
        return i;
    }

    /** Where the value of {@code key} starts when it follows {@code at} after one space, else -1. */
    private static int value(byte[] b, int at, int to, byte[] key) {
        int k = at + 1;
        return k < to && b[at] == ' ' && Text.startsWith(b, k, to, key) ? k + key.length : -1;
    }

    /** {@link #decode} for any form: keys in any order, unknown keys passed over. */
    private void decodeByKey(TraceEvent e, byte[] b, int from, int to) {
        int seen = 0;
        int pageFrom = 0;
        int pageTo = 0;
        int i = from;
        while (true) {
            i = Text.skipSpaces(b, i, to);
            if (i >= to) {
                break;
            }
            int eq = i;
            while (eq < to && b[eq] != '=' && b[eq] != ' ') {
                eq++;
            }
            if (eq == to || b[eq] == ' ') {
                i = eq;
                continue;
            }
            int key = key(b, i, eq);
            int v = eq + 1;
            int tokenEnd = Text.nextSpace(b, v, to);
            seen |= key >= 0 ? 1 << key : 0;
            switch (key) {
                case PAGE -> {
                    pageFrom = v;
                    pageTo = tokenEnd;
                }
                case PFN -> e.pfn = Numbers.number(b, v, tokenEnd, "pfn");
                case ORDER -> e.order = (int) Numbers.decimal(b, v, tokenEnd, "order");
                case MIGRATETYPE -> e.migratetype = (int) Numbers.decimal(b, v, tokenEnd, "migratetype");
                case GFP_FLAGS -> gfp(e, b, v, tokenEnd);
                case PERCPU_REFILL -> e.percpuRefill = Numbers.decimal(b, v, tokenEnd, "percpu_refill") != 0;
                case ALLOC_ORDER -> e.order = (int) Numbers.decimal(b, v, tokenEnd, "alloc_order");
                case FALLBACK_ORDER -> e.fallbackOrder = (int) Numbers.decimal(b, v, tokenEnd, "fallback_order");
                case ALLOC_MIGRATETYPE -> e.migratetype = (int) Numbers.decimal(b, v, tokenEnd, "alloc_migratetype");
                case FALLBACK_MIGRATETYPE ->
                    e.fallbackMigratetype = (int) Numbers.decimal(b, v, tokenEnd, "fallback_migratetype");
                case CHANGE_OWNERSHIP ->
                    e.changeOwnership = Numbers.decimal(b, v, tokenEnd, "change_ownership") != 0;
                case CALL_SITE -> e.callSite = address(b, v, tokenEnd);
                case PTR -> e.ptr = address(b, v, tokenEnd);
                case BYTES_REQ -> e.bytesReq = Numbers.decimal(b, v, tokenEnd, "bytes_req");
                case BYTES_ALLOC -> e.bytesAlloc = Numbers.decimal(b, v, tokenEnd, "bytes_alloc");
                case NODE -> e.node = (int) Numbers.decimal(b, v, tokenEnd, "node");
                default -> {
                }
            }
            i = tokenEnd;
        }
        require(e.kind, seen);
        if ((seen & 1 << PAGE) != 0) {
            markFailedAllocation(e, b, pageFrom, pageTo);
        }
    }

    private static final int NEEDS_ALLOC = bits(PFN, ORDER, MIGRATETYPE, GFP_FLAGS);
    private static final int NEEDS_FREE = bits(PFN, ORDER);
    private static final int NEEDS_PFN = bits(PFN);
    private static final int NEEDS_PCP = bits(PFN, ORDER, MIGRATETYPE);
    private static final int NEEDS_EXTFRAG =
            bits(PFN, ALLOC_ORDER, FALLBACK_ORDER, ALLOC_MIGRATETYPE, FALLBACK_MIGRATETYPE);
    private static final int NEEDS_SLAB_ALLOC = bits(CALL_SITE, PTR, BYTES_REQ, BYTES_ALLOC, GFP_FLAGS);
    private static final int NEEDS_SLAB_FREE = bits(CALL_SITE, PTR);

    private static void require(TraceEventKind kind, int seen) {
        int needed = switch (kind) {
            case MM_PAGE_ALLOC -> NEEDS_ALLOC;
            case MM_PAGE_FREE -> NEEDS_FREE;
            case MM_PAGE_FREE_BATCHED -> NEEDS_PFN;
            case MM_PAGE_ALLOC_ZONE_LOCKED, MM_PAGE_PCPU_DRAIN -> NEEDS_PCP;
            case MM_PAGE_ALLOC_EXTFRAG -> NEEDS_EXTFRAG;
            case KMALLOC, KMALLOC_NODE, KMEM_CACHE_ALLOC, KMEM_CACHE_ALLOC_NODE -> NEEDS_SLAB_ALLOC;
            case KFREE, KMEM_CACHE_FREE -> NEEDS_SLAB_FREE;
            default -> 0;
        };
        int missing = needed & ~seen;
        if (missing != 0) {
            throw new Malformed(kind.eventName() + " without " + KEY_NAMES[Integer.numberOfTrailingZeros(missing)]);
        }
    }

    private static int bits(int... keys) {
        int m = 0;
        for (int k : keys) {
            m |= 1 << k;
        }
        return m;
    }

    /** The key's index in {@link #KEY_NAMES}, or -1: candidates picked by length and first byte, then compared. */
    private static int key(byte[] b, int from, int to) {
        int k = switch (to - from) {
            case 3 -> b[from] == 'p' && b[from + 1] == 'f' ? PFN : PTR;
            case 4 -> b[from] == 'p' ? PAGE : NODE;
            case 5 -> ORDER;
            case 9 -> b[from] == 'g' ? GFP_FLAGS : b[from] == 'c' ? CALL_SITE : BYTES_REQ;
            case 11 -> b[from] == 'm' ? MIGRATETYPE : b[from] == 'a' ? ALLOC_ORDER : BYTES_ALLOC;
            case 13 -> PERCPU_REFILL;
            case 14 -> FALLBACK_ORDER;
            case 16 -> CHANGE_OWNERSHIP;
            case 17 -> ALLOC_MIGRATETYPE;
            case 20 -> FALLBACK_MIGRATETYPE;
            default -> -1;
        };
        return k >= 0 && Text.startsWith(b, from, to, KEYS[k]) ? k : -1;
    }

    /**
     * The gfp_flags text (interned) and its mask: "0x..." as a number, names through {@link GfpNames#parse} once
     * per distinct text; a text GfpNames does not know keeps mask 0.
     */
    private void gfp(TraceEvent e, byte[] b, int from, int to) {
        int before = gfpTexts.size();
        int id = gfpTexts.intern(b, from, to);
        String text = gfpTexts.string(id);
        if (id == before) {
            if (id == gfpValues.length) {
                gfpValues = Arrays.copyOf(gfpValues, id * 2);
            }
            gfpValues[id] = gfpMask(text);
        }
        e.gfpText = text;
        e.gfp = gfpValues[id];
    }

    private static long gfpMask(String text) {
        try {
            return GfpNames.parse(text, "gfp_flags") & 0xffffffffL;
        } catch (InputError unknownName) {
            return 0;
        }
    }

    /** A %p or %pS value: hex (with or without 0x) as a number; a symbol or a placeholder as 0. */
    private static long address(byte[] b, int from, int to) {
        int f = to - from > 2 && b[from] == '0' && b[from + 1] == 'x' ? from + 2 : from;
        return to - f <= 16 && Numbers.isHex(b, f, to) ? Numbers.hex(b, f, to, "address") : 0;
    }

    /** A NULL page ({@code (null)} or all zeros) with pfn=0x0 is a failed allocation: its pfn becomes -1. */
    private static void markFailedAllocation(TraceEvent e, byte[] b, int pageFrom, int pageTo) {
        if (e.pfn == 0 && (Text.equals(b, pageFrom, pageTo, NULL_POINTER) || isZeroPointer(b, pageFrom, pageTo))) {
            e.pfn = -1;
        }
    }

    private static boolean isZeroPointer(byte[] b, int from, int to) {
        int f = to - from > 2 && b[from] == '0' && b[from + 1] == 'x' ? from + 2 : from;
        if (f == to) {
            return false;
        }
        for (int i = f; i < to; i++) {
            if (b[i] != '0') {
                return false;
            }
        }
        return true;
    }
}
