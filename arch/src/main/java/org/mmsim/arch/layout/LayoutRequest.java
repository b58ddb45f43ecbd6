package org.mmsim.arch.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mmsim.arch.InputError;

/**
 * A request for one architecture's layout as a user states it (the options of {@code mmsim layout} and
 * {@code mmsim translate}); checks the combination and builds the {@link MemoryLayout}. Options that do not
 * apply to the chosen architecture are mistakes, reported as {@link InputError}.
 *
 * @param arch          x86_64, arm64, i386 or i386-pae
 * @param levels        x86_64 paging levels (null: 4)
 * @param granuleKb     arm64 granule in KiB (null: 4)
 * @param vaBits        arm64 VA_BITS (null: 48)
 * @param memBytes      RAM size, as QEMU's -m (null: 1 GiB); sets max_pfn on x86 and i386
 * @param maxPfn        max_pfn directly, overriding memBytes (null: from memBytes)
 * @param kaslrSeed     null: no KASLR
 * @param randomizeBase x86_64 CONFIG_RANDOMIZE_BASE (1 GiB kernel image area); implied by a KASLR seed
 * @param vmallocBytes  i386 vmalloc= parameter (null: default 128 MiB reserve)
 * @param paBits        arm64 physical address bits of the CPU (null: 48)
 */
public record LayoutRequest(String arch, Integer levels, Integer granuleKb, Integer vaBits, Long memBytes,
                            Long maxPfn, Long kaslrSeed, boolean randomizeBase, Long vmallocBytes, Integer paBits) {

    private static final long DEFAULT_MEM = 1L << 30;

    /** The architecture names accepted, canonical first. */
    public static final List<String> ARCHES = List.of("x86_64", "arm64", "i386", "i386-pae");

    /** The canonical architecture name, or an InputError. */
    public String canonicalArch() {
        String a = arch == null ? "" : arch.toLowerCase(Locale.ROOT);
        return switch (a) {
            case "x86_64", "x86-64", "amd64" -> "x86_64";
            case "arm64", "aarch64" -> "arm64";
            case "i386", "i686", "x86_32" -> "i386";
            case "i386-pae", "i386pae", "686-pae" -> "i386-pae";
            default -> throw InputError.at("--arch", 0, "unknown architecture '" + arch + "' (known: "
                    + String.join(", ", ARCHES) + ")");
        };
    }

    private void reject(boolean given, String option, String archName) {
        if (given) {
            throw InputError.at(option, 0, option + " does not apply to " + archName);
        }
    }

    /** max_pfn for x86 and i386: given, or from the RAM size as a QEMU pc machine lays it out. */
    public long effectiveMaxPfn(int physAddrBits) {
        if (maxPfn != null) {
            if (maxPfn <= 0) {
                throw InputError.at("--max-pfn", 0, "max_pfn must be positive");
            }
            return maxPfn;
        }
        long mem = memBytes == null ? DEFAULT_MEM : memBytes;
        if (mem < (16L << 20)) {
            throw InputError.at("--mem", 0, "need at least 16M of RAM, not " + mem + " bytes");
        }
        return QemuPcMemoryMap.maxPfn(mem, QemuPcMemoryMap.maxArchPfn(physAddrBits));
    }

    /** The i386 lowmem/highmem split, for i386 and i386-pae requests. */
    public I386Lowmem.Result i386Split() {
        String a = canonicalArch();
        if (!a.startsWith("i386")) {
            throw new IllegalStateException("not an i386 request");
        }
        I386Config config = a.equals("i386-pae") ? I386Config.debian686Pae() : I386Config.debian686();
        if (vmallocBytes != null) {
            config = config.withVmallocParam(vmallocBytes);
            long maxmem = new I386FixedAreas(config).maxmem();
            long most = vmallocBytes + maxmem - MIN_LOWMEM;
            if (maxmem < MIN_LOWMEM) {
                throw InputError.at("--vmalloc", 0, "vmalloc=" + vmallocBytes + " bytes leaves " + Math.max(0, maxmem)
                        + " bytes of lowmem (MAXMEM = VMALLOC_END - PAGE_OFFSET - vmalloc - 8M, arch/x86/mm/pgtable_32.c"
                        + " and pgtable_32_areas.h); at most " + Math.max(0, most) + " bytes leaves the 16M minimum");
            }
        }
        return I386Lowmem.compute(effectiveMaxPfn(config.physAddrBits()), config, -1);
    }

    /** The least lowmem (and RAM) a request may leave: 16 MiB, as --mem requires. */
    private static final long MIN_LOWMEM = 16L << 20;

    public MemoryLayout build() {
        String a = canonicalArch();
        switch (a) {
            case "x86_64" -> {
                reject(granuleKb != null, "--granule", a);
                reject(vaBits != null, "--va-bits", a);
                reject(vmallocBytes != null, "--vmalloc", a);
                reject(paBits != null, "--pa-bits", a);
                int lv = levels == null ? 4 : levels;
                if (lv != 4 && lv != 5) {
                    throw InputError.at("--levels", 0, "x86_64 has 4 or 5 paging levels, not " + lv);
                }
                return X86_64Layout.build(lv, randomizeBase, kaslrSeed, effectiveMaxPfn(lv == 5 ? 52 : 46));
            }
            case "arm64" -> {
                reject(levels != null, "--levels", a + " (levels follow from --granule and --va-bits)");
                reject(vmallocBytes != null, "--vmalloc", a);
                reject(randomizeBase, "--randomize-base", a);
                reject(maxPfn != null, "--max-pfn", a);
                int g = granuleKb == null ? 4 : granuleKb;
                int va = vaBits == null ? 48 : vaBits;
                int pa = paBits == null ? 48 : paBits;
                if (pa < 32 || pa > 52) {
                    throw InputError.at("--pa-bits", 0, "physical address bits must be 32..52, not " + pa);
                }
                return Arm64Layout.build(g, va, kaslrSeed, Arm64Layout.QEMU_VIRT_DRAM_START, pa,
                        Arm64Layout.QEMU_VIRT_IMAGE_PHYS, Arm64Layout.DEBIAN_IMAGE_SIZE);
            }
            default -> {
                reject(levels != null, "--levels", a);
                reject(granuleKb != null, "--granule", a);
                reject(vaBits != null, "--va-bits", a);
                reject(paBits != null, "--pa-bits", a);
                reject(randomizeBase, "--randomize-base", a);
                if (kaslrSeed != null) {
                    throw InputError.at("--kaslr", 0, "i386 has no memory-layout randomisation"
                            + " (CONFIG_RANDOMIZE_MEMORY is x86_64 only)");
                }
                return I386Layout.build(i386Split());
            }
        }
    }

    /**
     * MAX_PHYSMEM_BITS of the requested configuration: x86_64 46 (52 with 5-level paging), arm64 the CPU's PA bits
     * (48 by default), i386 with PAE 36, i386 32.
     */
    public int physAddrBits() {
        return switch (canonicalArch()) {
            case "x86_64" -> levels != null && levels == 5 ? 52 : 46;
            case "arm64" -> paBits == null ? 48 : paBits;
            case "i386-pae" -> I386Config.debian686Pae().physAddrBits();
            default -> I386Config.debian686().physAddrBits();
        };
    }

    /** The struct page cost model of the requested architecture. */
    public StructPageCost structPageCost() {
        String a = canonicalArch();
        return switch (a) {
            case "x86_64" -> StructPageCost.x86_64();
            case "arm64" -> StructPageCost.arm64(granuleKb == null ? 4 : granuleKb);
            default -> StructPageCost.i386();
        };
    }

    /**
     * The RAM's pfn ranges: a QEMU pc machine's memblock for x86 and i386, one range from QEMU virt's DRAM
     * base on arm64.
     */
    public long[][] memoryPfnRanges() {
        long mem = memBytes == null ? DEFAULT_MEM : memBytes;
        String a = canonicalArch();
        if (a.equals("arm64")) {
            int shift = Arm64Layout.pageShift(granuleKb == null ? 4 : granuleKb);
            long start = Arm64Layout.QEMU_VIRT_DRAM_START >>> shift;
            return new long[][] {{start}, {start + (mem >>> shift)}};
        }
        int bits = a.equals("x86_64") ? 46 : a.equals("i386-pae") ? 36 : 32;
        return QemuPcMemoryMap.memoryPfnRanges(mem, QemuPcMemoryMap.maxArchPfn(bits));
    }

    /** Huge page orders to price HVO for: PMD and PUD sizes (arm64 64K: 512 MiB only). */
    private int[] hugePageOrders() {
        String a = canonicalArch();
        if (a.equals("arm64")) {
            int g = granuleKb == null ? 4 : granuleKb;
            return g == 4 ? new int[] {9, 18} : g == 16 ? new int[] {11} : new int[] {13};
        }
        return a.equals("x86_64") ? new int[] {9, 18} : new int[] {9};
    }

    /** Everything {@code mmsim layout} prints: the table, then for i386 the lowmem arithmetic and boot-log lines. */
    public List<String> report() {
        MemoryLayout layout = build();
        List<String> out = new ArrayList<>(LayoutTable.render(layout));
        long[][] ranges = memoryPfnRanges();
        out.add("");
        out.add("struct page cost for " + Sizes.human(memBytes == null ? DEFAULT_MEM : memBytes) + " of RAM ("
                + structPageCost().name() + "):");
        for (String s : structPageCost().report(ranges[0], ranges[1], hugePageOrders())) {
            out.add("  " + s);
        }
        if (canonicalArch().startsWith("i386")) {
            I386Lowmem.Result split = i386Split();
            out.add("");
            out.add("lowmem limit (arch/x86/mm/init_32.c, pgtable_32_areas.h):");
            for (String s : split.breakdown()) {
                out.add("  " + s);
            }
            out.add("");
            out.add("boot log lines:");
            for (String s : split.bootLogLines()) {
                out.add("  " + s);
            }
        }
        return out;
    }
}
