package org.mmsim.arch.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * What one virtual address is: its region and, where arithmetic alone can tell (direct map, kernel image,
 * vmemmap), the physical address, the pfn and the address of the pfn's struct page. Addresses in vmalloc,
 * modules, fixmap or pkmap need page tables to translate, so those fields are empty for them.
 *
 * @param region       the most specific region holding the address
 * @param phys         {@code __pa(address)} for direct-map and kernel-image addresses
 * @param pfn          {@code phys >> PAGE_SHIFT}
 * @param structPage   {@code pfn_to_page(pfn)} when the memory map is virtually mapped
 * @param describedPfn for an address inside the vmemmap, {@code page_to_pfn()} of the struct page it falls in
 */
public record AddressInfo(long address, Region region, OptionalLong phys, OptionalLong pfn,
                          OptionalLong structPage, OptionalLong describedPfn) {

    public RegionKind kind() {
        return region.kind();
    }

    /**
     * Human-readable lines ("kind: ...", "pa: ..."). {@code zoneOfPfn} may name the zone that owns a pfn
     * (a booted machine knows it); null leaves zones out.
     */
    public List<String> describe(MemoryLayout layout, LongFunction<String> zoneOfPfn) {
        List<String> out = new ArrayList<>();
        out.add("address:     " + layout.hex(address));
        out.add("kind:        " + region.kind().label());
        out.add("region:      " + layout.hex(region.start()) + "-" + layout.hex(region.end()) + " "
                + region.description());
        out.add("offset:      0x" + Long.toHexString(address - region.start()) + " into the region");
        if (phys.isPresent()) {
            out.add("pa:          0x" + Long.toHexString(phys.getAsLong()));
            out.add("pfn:         0x" + Long.toHexString(pfn.getAsLong()) + " (" + pfn.getAsLong() + ")");
            if (zoneOfPfn != null) {
                String zone = zoneOfPfn.apply(pfn.getAsLong());
                out.add("zone:        " + (zone == null ? "(none: pfn not in any zone)" : zone));
            }
            if (structPage.isPresent()) {
                out.add("struct page: " + layout.hex(structPage.getAsLong()));
            } else {
                out.add("struct page: not at a fixed address (flat mem_map allocated at boot)");
            }
        } else if (describedPfn.isPresent()) {
            long p = describedPfn.getAsLong();
            out.add("describes:   struct page of pfn 0x" + Long.toHexString(p) + " (" + p + "), pa 0x"
                    + Long.toHexString(p << layout.pageShift()));
            if (zoneOfPfn != null) {
                String zone = zoneOfPfn.apply(p);
                out.add("zone:        " + (zone == null ? "(none: pfn not in any zone)" : zone));
            }
        } else {
            out.add("pa:          not linear here (needs the page tables)");
        }
        return out;
    }
}
