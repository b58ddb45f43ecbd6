package org.mmsim.web.run;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * One zone's pageblocks at one moment, kept deflated (zlib) so that a frame of a 1 TiB machine stays small: per
 * block its migratetype (a byte, {@link #HOLE} for a block without a memory map), its pages free in the buddy and
 * its pages on pcp lists (two little-endian shorts); and, for small machines only, per page a state code and an
 * aux byte ({@link PageblockPages#code}). The deflated block arrays go to the page as they are (the browser
 * inflates them with DecompressionStream).
 */
public final class PageblockZone {
    /** The migratetype byte of a block without a memory map (a hole in the zone's span). */
    public static final byte HOLE = -1;

    private final String name;
    private final long firstPfn;
    private final long zoneStartPfn;
    private final long zoneEndPfn;
    private final int blocks;
    private final int pageblockPages;
    private final byte[] packedBlocks;
    private final byte[] packedPages;

    /** The block arrays of a zone, inflated. */
    public record Blocks(byte[] migratetypes, short[] free, short[] pcp) {
    }

    /** The per-page arrays of a zone, inflated: index {@code pfn - firstPfn}. */
    public record Pages(byte[] codes, byte[] aux) {
    }

    PageblockZone(String name, long firstPfn, long zoneStartPfn, long zoneEndPfn, int pageblockPages, Blocks b,
            Pages pages) {
        this.name = name;
        this.firstPfn = firstPfn;
        this.zoneStartPfn = zoneStartPfn;
        this.zoneEndPfn = zoneEndPfn;
        this.blocks = b.migratetypes().length;
        this.pageblockPages = pageblockPages;
        ByteBuffer buf = ByteBuffer.allocate(blocks * 5).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(b.migratetypes());
        buf.asShortBuffer().put(b.free());
        buf.position(blocks * 3);
        buf.asShortBuffer().put(b.pcp());
        this.packedBlocks = deflate(buf.array());
        if (pages == null) {
            this.packedPages = null;
        } else {
            byte[] both = new byte[pages.codes().length * 2];
            System.arraycopy(pages.codes(), 0, both, 0, pages.codes().length);
            System.arraycopy(pages.aux(), 0, both, pages.codes().length, pages.aux().length);
            this.packedPages = deflate(both);
        }
    }

    /** "Node N, zone NAME". */
    public String name() {
        return name;
    }

    /** The first pfn of the first block (pageblock_start_pfn of zone_start_pfn). */
    public long firstPfn() {
        return firstPfn;
    }

    public long zoneStartPfn() {
        return zoneStartPfn;
    }

    public long zoneEndPfn() {
        return zoneEndPfn;
    }

    public int blocks() {
        return blocks;
    }

    /** Whether pfn lies in one of this zone's blocks. */
    public boolean holdsBlockOf(long pfn) {
        return pfn >= firstPfn && pfn < firstPfn + (long) blocks * pageblockPages;
    }

    /** The block arrays, deflated: migratetypes, then free and pcp as little-endian shorts. */
    public byte[] packedBlocks() {
        return packedBlocks;
    }

    /** Whether the frame kept this zone's per-page state. */
    public boolean hasPages() {
        return packedPages != null;
    }

    /** Bytes this zone holds. */
    public long bytes() {
        return packedBlocks.length + (packedPages == null ? 0 : packedPages.length) + 64;
    }

    public Blocks inflateBlocks() {
        ByteBuffer buf = ByteBuffer.wrap(inflate(packedBlocks, blocks * 5)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] mt = new byte[blocks];
        buf.get(mt);
        short[] free = new short[blocks];
        short[] pcp = new short[blocks];
        buf.asShortBuffer().get(free);
        buf.position(blocks * 3);
        buf.asShortBuffer().get(pcp);
        return new Blocks(mt, free, pcp);
    }

    /** The per-page arrays, or null when the frame did not keep them. */
    public Pages inflatePages() {
        if (packedPages == null) {
            return null;
        }
        int n = blocks * pageblockPages;
        byte[] both = inflate(packedPages, 2 * n);
        byte[] codes = new byte[n];
        byte[] aux = new byte[n];
        System.arraycopy(both, 0, codes, 0, n);
        System.arraycopy(both, n, aux, 0, n);
        return new Pages(codes, aux);
    }

    private static byte[] deflate(byte[] raw) {
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        try {
            d.setInput(raw);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 16));
            byte[] chunk = new byte[65536];
            while (!d.finished()) {
                out.write(chunk, 0, d.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    private static byte[] inflate(byte[] packed, int size) {
        Inflater i = new Inflater();
        try {
            i.setInput(packed);
            byte[] out = new byte[size];
            int n = 0;
            while (n < size && !i.finished()) {
                n += i.inflate(out, n, size - n);
            }
            return out;
        } catch (DataFormatException e) {
            throw new IllegalStateException("a kept pageblock frame is corrupt", e);
        } finally {
            i.end();
        }
    }
}
