package org.mmsim.arch.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * A virtual address space as one architecture configuration lays it out: the table of regions from address
 * 0 to the top (gaps filled with "unused hole" rows), regions nested inside others (the arm64 kernel image
 * inside vmalloc, the optional KASAN shadow), and the constant-offset mappings that make {@code __pa},
 * {@code __va}, {@code pfn_to_page} and {@code page_to_pfn} plain arithmetic. Built by {@link X86_64Layout},
 * {@link Arm64Layout} and {@link I386Layout}.
 */
public final class MemoryLayout {
    private final String title;
    private final int addressBits;
    private final int pageShift;
    private final List<Region> regions;
    private final List<Region> nested;
    private final List<String> notes;
    private final LinearMap directMap;
    private final LinearMap kernelImage;
    private final Long vmemmapBase;
    private final int structPageSize;

    private MemoryLayout(Builder b, List<Region> regions) {
        this.title = b.title;
        this.addressBits = b.addressBits;
        this.pageShift = b.pageShift;
        this.regions = List.copyOf(regions);
        this.nested = List.copyOf(b.nested);
        this.notes = List.copyOf(b.notes);
        this.directMap = b.directMap;
        this.kernelImage = b.kernelImage;
        this.vmemmapBase = b.vmemmapBase;
        this.structPageSize = b.structPageSize;
    }

    public static Builder builder(String title, int addressBits, int pageShift) {
        return new Builder(title, addressBits, pageShift);
    }

    public String title() {
        return title;
    }

    /** 32 or 64: how wide addresses print. */
    public int addressBits() {
        return addressBits;
    }

    public int pageShift() {
        return pageShift;
    }

    /** The regions in address order; together they cover every address exactly once. */
    public List<Region> regions() {
        return regions;
    }

    /** Regions lying inside one of {@link #regions()} (kernel image in vmalloc, optional KASAN shadow). */
    public List<Region> nested() {
        return nested;
    }

    /** Configuration facts behind the table (one sentence each). */
    public List<String> notes() {
        return notes;
    }

    /** The top-level region of that kind with the lowest address, or null. */
    public Region first(RegionKind kind) {
        for (Region r : regions) {
            if (r.kind() == kind) {
                return r;
            }
        }
        for (Region r : nested) {
            if (r.kind() == kind) {
                return r;
            }
        }
        return null;
    }

    /** The direct map (linear map of physical memory), or null. */
    public LinearMap directMap() {
        return directMap;
    }

    /** The kernel image mapping if it is not part of the direct map, or null. */
    public LinearMap kernelImage() {
        return kernelImage;
    }

    /** Address of the struct page of pfn 0 ({@code vmemmap}), if the memory map is virtually mapped. */
    public OptionalLong vmemmapBase() {
        return vmemmapBase == null ? OptionalLong.empty() : OptionalLong.of(vmemmapBase);
    }

    public int structPageSize() {
        return structPageSize;
    }

    /** The top-level region holding the address. */
    public Region regionOf(long address) {
        int lo = 0;
        int hi = regions.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Region r = regions.get(mid);
            if (Long.compareUnsigned(address, r.start()) < 0) {
                hi = mid - 1;
            } else if (Long.compareUnsigned(address, r.end()) > 0) {
                lo = mid + 1;
            } else {
                return r;
            }
        }
        throw new IllegalArgumentException("address " + hex(address) + " beyond a " + addressBits + "-bit space");
    }

    /** The most specific non-optional region holding the address (a nested one wins over its parent). */
    public Region innermostRegionOf(long address) {
        for (Region r : nested) {
            if (!r.optional() && r.contains(address)) {
                return r;
            }
        }
        return regionOf(address);
    }

    /** {@code __pa()}: physical address of a direct-map or kernel-image address. */
    public OptionalLong pa(long va) {
        if (directMap != null && directMap.containsVirt(va)) {
            return OptionalLong.of(directMap.toPhys(va));
        }
        if (kernelImage != null && kernelImage.containsVirt(va)) {
            return OptionalLong.of(kernelImage.toPhys(va));
        }
        return OptionalLong.empty();
    }

    /** {@code __va()}: direct-map address of a physical address, if the direct map covers it. */
    public OptionalLong va(long pa) {
        if (directMap != null && directMap.containsPhys(pa)) {
            return OptionalLong.of(directMap.toVirt(pa));
        }
        return OptionalLong.empty();
    }

    /** {@code pfn_to_page()}: {@code vmemmap + pfn * sizeof(struct page)}. */
    public OptionalLong pfnToPage(long pfn) {
        if (vmemmapBase == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(vmemmapBase + pfn * structPageSize);
    }

    /** {@code page_to_pfn()} of any address inside a struct page in the vmemmap region. */
    public OptionalLong pageToPfn(long pageAddress) {
        Region vm = first(RegionKind.VMEMMAP);
        if (vmemmapBase == null || vm == null || !vm.contains(pageAddress)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.divideUnsigned(pageAddress - vmemmapBase, structPageSize));
    }

    /** Classifies an address and converts what arithmetic can convert. */
    public AddressInfo classify(long address) {
        Region region = innermostRegionOf(address);
        OptionalLong phys = pa(address);
        if (phys.isPresent()) {
            long pfn = phys.getAsLong() >>> pageShift;
            return new AddressInfo(address, region, phys, OptionalLong.of(pfn), pfnToPage(pfn), OptionalLong.empty());
        }
        return new AddressInfo(address, region, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                pageToPfn(address));
    }

    /** An address as the tables print it: 16 hex digits on 64-bit, 8 on 32-bit. */
    public String hex(long address) {
        return addressBits == 32 ? String.format("%08x", address & 0xffffffffL) : String.format("%016x", address);
    }

    /** Top address (inclusive) of the space. */
    public long top() {
        return addressBits == 32 ? 0xffffffffL : -1L;
    }

    /** Collects regions; {@link #build()} sorts them, rejects overlaps and fills the gaps. */
    public static final class Builder {
        private final String title;
        private final int addressBits;
        private final int pageShift;
        private final List<Region> top = new ArrayList<>();
        private final List<Region> nested = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private LinearMap directMap;
        private LinearMap kernelImage;
        private Long vmemmapBase;
        private int structPageSize = 64;

        private Builder(String title, int addressBits, int pageShift) {
            this.title = title;
            this.addressBits = addressBits;
            this.pageShift = pageShift;
        }

        /** A region by its inclusive bounds. */
        public Builder region(long start, long end, RegionKind kind, String description) {
            top.add(new Region(start, end, kind, description));
            return this;
        }

        /** A region by start and size in bytes. */
        public Builder sized(long start, long size, RegionKind kind, String description) {
            return region(start, start + size - 1, kind, description);
        }

        public Builder nested(Region r) {
            nested.add(r);
            return this;
        }

        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        public Builder directMap(LinearMap map) {
            this.directMap = map;
            return this;
        }

        public Builder kernelImage(LinearMap map) {
            this.kernelImage = map;
            return this;
        }

        public Builder vmemmap(long base, int structPageSize) {
            this.vmemmapBase = base;
            this.structPageSize = structPageSize;
            return this;
        }

        public Builder structPageSize(int size) {
            this.structPageSize = size;
            return this;
        }

        public MemoryLayout build() {
            long topAddress = addressBits == 32 ? 0xffffffffL : -1L;
            List<Region> sorted = new ArrayList<>(top);
            sorted.sort(Comparator.comparing(Region::start, Long::compareUnsigned));
            List<Region> filled = new ArrayList<>();
            long next = 0;
            boolean reachedTop = false;
            for (Region r : sorted) {
                if (reachedTop || Long.compareUnsigned(r.start(), next) < 0) {
                    throw new IllegalStateException("region " + r.description() + " overlaps the one before it");
                }
                if (r.start() != next) {
                    filled.add(new Region(next, r.start() - 1, RegionKind.UNUSED, "unused hole"));
                }
                filled.add(r);
                if (r.end() == topAddress) {
                    reachedTop = true;
                }
                next = r.end() + 1;
            }
            if (!reachedTop) {
                filled.add(new Region(next, topAddress, RegionKind.UNUSED, "unused hole"));
            }
            return new MemoryLayout(this, filled);
        }
    }
}
