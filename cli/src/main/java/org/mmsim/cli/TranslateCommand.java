package org.mmsim.cli;

import java.util.concurrent.Callable;
import java.util.function.LongFunction;
import org.mmsim.arch.layout.AddressInfo;
import org.mmsim.arch.layout.LayoutRequest;
import org.mmsim.arch.layout.MemoryLayout;
import org.mmsim.arch.layout.Sizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mmsim translate ADDR --arch ...}: what kind of address ADDR is and, where arithmetic can tell, its
 * physical address, pfn and struct page. With {@code --phys} ADDR is a physical address instead.
 */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = "Classify a virtual address (or, with --phys, a physical one) in an architecture's layout.")
public final class TranslateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ADDR", description = "address, hex (0x...) or decimal")
    String address;

    @Option(names = "--phys", description = "ADDR is a physical address: print __va and pfn_to_page")
    boolean phys;

    @Mixin
    LayoutCommand.Options layoutOptions = new LayoutCommand.Options();

    @Mixin
    MachineOptions machine = new MachineOptions();

    /** Names the zone owning a pfn; set by front ends that have a booted machine. Null: zones not shown. */
    private LongFunction<String> zoneOfPfn;

    /** Sets the hook that names the zone owning a pfn (null: zones not shown). */
    public TranslateCommand zoneOfPfn(LongFunction<String> hook) {
        this.zoneOfPfn = hook;
        return this;
    }

    /** The zone of a pfn on a booted machine's layout, as "Node N, zone NAME" (null outside every zone). */
    static LongFunction<String> zonesOf(org.mmsim.boot.spec.MachineSpec spec) {
        return org.mmsim.study.PfnZones.of(org.mmsim.boot.zone.EarlyBoot.layout(spec));
    }

    @Override
    public Integer call() {
        if (machine.machine != null || machine.dmesg != null) {
            zoneOfPfn(zonesOf(machine.spec()));
        }
        LayoutRequest request = layoutOptions.request();
        MemoryLayout layout = request.build();
        long addr = Sizes.parseAddress(address, "ADDR");
        System.out.println(layout.title());
        if (phys) {
            int bits = request.physAddrBits();
            if (bits < 64 && (addr >>> bits) != 0) {
                throw org.mmsim.arch.InputError.at("ADDR", 0, "physical address 0x" + Long.toHexString(addr)
                        + " is beyond the " + bits + "-bit physical address space (MAX_PHYSMEM_BITS)");
            }
            long pfn = addr >>> layout.pageShift();
            System.out.println("pa:          0x" + Long.toHexString(addr));
            System.out.println("pfn:         0x" + Long.toHexString(pfn) + " (" + pfn + ")");
            if (zoneOfPfn != null) {
                String zone = zoneOfPfn.apply(pfn);
                System.out.println("zone:        " + (zone == null ? "(none: pfn not in any zone)" : zone));
            }
            System.out.println("__va:        " + (layout.va(addr).isPresent()
                    ? layout.hex(layout.va(addr).getAsLong()) : "none (not in the direct map: highmem or beyond)"));
            System.out.println("struct page: " + (layout.pfnToPage(pfn).isPresent()
                    ? layout.hex(layout.pfnToPage(pfn).getAsLong())
                    : "not at a fixed address (flat mem_map allocated at boot)"));
            return 0;
        }
        if (layout.addressBits() == 32 && (addr >>> 32) != 0) {
            throw org.mmsim.arch.InputError.at("ADDR", 0, "address 0x" + Long.toHexString(addr)
                    + " does not fit 32 bits");
        }
        AddressInfo info = layout.classify(addr);
        for (String line : info.describe(layout, zoneOfPfn)) {
            System.out.println(line);
        }
        return 0;
    }
}
