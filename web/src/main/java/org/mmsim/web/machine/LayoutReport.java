package org.mmsim.web.machine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mmsim.arch.layout.I386Lowmem;
import org.mmsim.arch.layout.LayoutRequest;
import org.mmsim.arch.layout.LinearMap;
import org.mmsim.arch.layout.MemoryLayout;
import org.mmsim.arch.layout.Region;
import org.mmsim.arch.layout.Sizes;
import org.mmsim.web.ApiError;

/**
 * A virtual memory layout as the page draws it ({@code GET /api/layout}): the chooser's arch, paging levels, arm64
 * granule and VA bits, RAM size and i386 vmalloc= become a {@link LayoutRequest} (as {@code mmsim layout} takes
 * them); the answer lists the regions with hex bounds and log2 sizes (for a log-scale drawing), the regions nested
 * in others, the configuration notes, the direct map's mapping, the table {@code mmsim layout} prints, and on i386
 * the lowmem arithmetic: where lowmem ends and why it is short of 1 GiB (vmalloc, pkmap and fixmap take the rest of
 * the kernel's 1 GiB). When the session has booted a machine of the same architecture and no RAM size is given, the
 * layout is sized for that machine (its max_pfn).
 */
public final class LayoutReport {
    private LayoutReport() {
    }

    /** The chooser's values: query parameters of the layout routes. */
    public record Choice(String arch, Integer levels, Integer granule, Integer vaBits, String mem, String vmalloc) {
    }

    /** The request the choice describes, sized for {@code booted} when it fits (null: none booted). */
    public static LayoutRequest request(Choice c, BootedView booted) {
        if (c.arch() == null || c.arch().isBlank()) {
            throw ApiError.badRequest("choose an architecture: arch=" + String.join("|", LayoutRequest.ARCHES));
        }
        LayoutRequest probe = new LayoutRequest(c.arch(), null, null, null, null, null, null, false, null, null);
        String arch = probe.canonicalArch();
        Long mem = c.mem() == null || c.mem().isBlank() ? null : Sizes.parse(c.mem(), "mem");
        Long maxPfn = null;
        if (mem == null && sizedForBooted(arch, booted)) {
            maxPfn = booted.maxPfn();
        }
        Long vmalloc = c.vmalloc() == null || c.vmalloc().isBlank() ? null : Sizes.parse(c.vmalloc(), "vmalloc");
        boolean arm = arch.equals("arm64");
        boolean x86 = arch.equals("x86_64");
        return new LayoutRequest(arch, x86 ? c.levels() : null, arm ? c.granule() : null, arm ? c.vaBits() : null,
                mem, maxPfn, null, false, arch.startsWith("i386") ? vmalloc : null, null);
    }

    /** Whether the booted machine sizes a layout of {@code arch}: same architecture, and max_pfn matters (not arm64). */
    static boolean sizedForBooted(String arch, BootedView booted) {
        return booted != null && booted.arch().equals(arch) && !arch.equals("arm64");
    }

    /** The layout the page draws. */
    public static Map<String, Object> of(Choice c, BootedView booted) {
        LayoutRequest req = request(c, booted);
        MemoryLayout layout = req.build();
        String arch = req.canonicalArch();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", layout.title());
        m.put("arch", arch);
        m.put("addressBits", layout.addressBits());
        m.put("pageShift", layout.pageShift());
        m.put("sizedFor", req.maxPfn() != null
                ? "the booted machine " + booted.report().get("name") + " (max_pfn " + MachineReport.hex(req.maxPfn())
                        + ")"
                : Sizes.human(req.memBytes() == null ? 1L << 30 : req.memBytes()) + " of RAM");
        m.put("regions", layout.regions().stream().map(r -> region(layout, r)).toList());
        m.put("nested", layout.nested().stream().map(r -> region(layout, r)).toList());
        m.put("notes", layout.notes());
        LinearMap dm = layout.directMap();
        m.put("directMap", dm == null ? null : Map.of("virtStart", layout.hex(dm.virtStart()),
                "virtEnd", layout.hex(dm.virtEnd() - 1), "physStart", MachineReport.hex(dm.physStart())));
        m.put("table", req.report());
        if (arch.startsWith("i386")) {
            m.put("i386", i386(req.i386Split()));
        }
        return m;
    }

    private static Map<String, Object> region(MemoryLayout layout, Region r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", layout.hex(r.start()));
        m.put("end", layout.hex(r.end()));
        m.put("size", Sizes.human(r.size()));
        m.put("log2Size", log2Unsigned(r.size()));
        m.put("kind", r.kind().name());
        m.put("label", r.kind().label());
        m.put("addressKind", AddressReport.addressKind(r.kind()));
        m.put("description", r.description());
        m.put("optional", r.optional());
        return m;
    }

    /** log2 of a size read as an unsigned 64-bit number. */
    static double log2Unsigned(long size) {
        double d = size >= 0 ? size : (double) (size >>> 1) * 2.0;
        return Math.log(d) / Math.log(2);
    }

    private static Map<String, Object> i386(I386Lowmem.Result s) {
        Map<String, Object> m = new LinkedHashMap<>();
        long pageOffset = s.areas().config().pageOffset();
        m.put("pageOffset", hex32(pageOffset));
        m.put("lowmemEnd", hex32(s.highMemory()));
        m.put("maxmem", hex32(pageOffset + s.areas().maxmem()));
        m.put("maxmemMiB", s.areas().maxmem() / (double) (1L << 20));
        m.put("vmallocStart", hex32(s.vmallocStart()));
        m.put("vmallocEnd", hex32(s.vmallocEnd()));
        m.put("pkmapBase", hex32(s.areas().pkmapBase()));
        m.put("fixaddrStart", hex32(s.areas().fixaddrTotStart()));
        m.put("lowmemMb", s.lowmemMb());
        m.put("highmemMb", s.highmemMb());
        m.put("breakdown", s.breakdown());
        m.put("bootLog", s.bootLogLines());
        return m;
    }

    private static String hex32(long v) {
        return String.format("%08x", v & 0xffffffffL);
    }
}
