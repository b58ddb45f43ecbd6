package org.mmsim.web.machine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import org.mmsim.arch.InputError;
import org.mmsim.arch.layout.AddressInfo;
import org.mmsim.arch.layout.LayoutRequest;
import org.mmsim.arch.layout.MemoryLayout;
import org.mmsim.arch.layout.RegionKind;
import org.mmsim.arch.layout.Sizes;

/**
 * One address translated in a layout ({@code GET /api/layout/translate}), as {@code mmsim translate} does it: the
 * model's {@link AddressInfo} (region, physical address, pfn, struct page, or the pfn a vmemmap address describes),
 * the kind of address in the three kinds of LDD3 (user, kernel logical = the direct map, kernel virtual = the rest
 * of the kernel's half), and the zone of the pfn on the machine the session booted, when it is of the same
 * architecture.
 */
public final class AddressReport {
    private AddressReport() {
    }

    /** The kind of address a region's addresses are. */
    static String addressKind(RegionKind k) {
        return switch (k) {
            case USER -> "user";
            case DIRECT_MAP -> "kernel logical";
            case NON_CANONICAL -> "non-canonical (no address)";
            default -> "kernel virtual";
        };
    }

    /** The translation of {@code addressText} (hex 0x... or decimal) in the chosen layout. */
    public static Map<String, Object> of(LayoutReport.Choice c, String addressText, BootedView booted) {
        if (addressText == null || addressText.isBlank()) {
            throw new InputError("give an address to translate: address=0x...");
        }
        LayoutRequest req = LayoutReport.request(c, booted);
        MemoryLayout layout = req.build();
        long addr = Sizes.parseAddress(addressText.trim(), "address");
        if (layout.addressBits() == 32 && (addr >>> 32) != 0) {
            throw new InputError("address 0x" + Long.toHexString(addr) + " does not fit 32 bits");
        }
        boolean zones = booted != null && booted.arch().equals(req.canonicalArch());
        LongFunction<String> zoneOf = zones ? booted.zoneOfPfn() : null;
        AddressInfo info = layout.classify(addr);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", layout.hex(addr));
        m.put("kind", addressKind(info.kind()));
        m.put("region", info.region().kind().label());
        m.put("regionStart", layout.hex(info.region().start()));
        m.put("regionEnd", layout.hex(info.region().end()));
        m.put("description", info.region().description());
        m.put("phys", hex(info.phys()));
        m.put("pfn", hex(info.pfn()));
        m.put("structPage", info.structPage().isPresent() ? layout.hex(info.structPage().getAsLong()) : null);
        m.put("describedPfn", hex(info.describedPfn()));
        OptionalLong pfn = info.pfn().isPresent() ? info.pfn() : info.describedPfn();
        m.put("zone", zoneOf != null && pfn.isPresent() ? zoneOf.apply(pfn.getAsLong()) : null);
        m.put("zonesFrom", zones ? "the booted machine " + booted.report().get("name")
                : "no machine of this architecture booted: boot one to see the zone");
        m.put("lines", info.describe(layout, zoneOf));
        return m;
    }

    private static String hex(OptionalLong v) {
        return v.isPresent() ? MachineReport.hex(v.getAsLong()) : null;
    }
}
