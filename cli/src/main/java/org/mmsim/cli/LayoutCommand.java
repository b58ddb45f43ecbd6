package org.mmsim.cli;

import java.util.concurrent.Callable;
import org.mmsim.arch.layout.LayoutRequest;
import org.mmsim.arch.layout.Sizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mmsim layout}: prints an architecture's virtual memory map (org.mmsim.arch.layout). */
@Command(name = "layout", mixinStandardHelpOptions = true,
        description = "Print the kernel virtual memory layout of an architecture as a table.")
public final class LayoutCommand implements Callable<Integer> {

    @Mixin
    Options options = new Options();

    @Override
    public Integer call() {
        for (String line : options.request().report()) {
            System.out.println(line);
        }
        return 0;
    }

    /** The options that choose a layout; shared with {@code mmsim translate}. */
    public static final class Options {
        @Option(names = "--arch", required = true, description = "x86_64, arm64, i386 or i386-pae")
        String arch;

        @Option(names = "--levels", description = "x86_64 paging levels: 4 (default) or 5")
        Integer levels;

        @Option(names = "--granule", description = "arm64 page size in KiB: 4 (default), 16 or 64")
        Integer granule;

        @Option(names = "--va-bits", description = "arm64 VA_BITS: 39/48 (4K), 36/47/48 (16K), 42/48/52 (64K)")
        Integer vaBits;

        @Option(names = "--pa-bits", description = "arm64 CPU physical address bits, for KASLR (default 48)")
        Integer paBits;

        @Option(names = "--mem", description = "RAM size as QEMU -m takes it (default 1G); sets max_pfn on x86")
        String mem;

        @Option(names = "--max-pfn", description = "max_pfn directly (overrides --mem)")
        String maxPfn;

        @Option(names = "--kaslr", paramLabel = "SEED", description = "randomise the layout from this seed")
        String kaslr;

        @Option(names = "--randomize-base",
                description = "x86_64 CONFIG_RANDOMIZE_BASE=y (1 GiB kernel image area, as Debian builds)")
        boolean randomizeBase;

        @Option(names = "--vmalloc", paramLabel = "SIZE", description = "i386 vmalloc= kernel parameter")
        String vmalloc;

        /** The request these options describe; a malformed size or seed is an InputError. */
        public LayoutRequest request() {
            return new LayoutRequest(arch, levels, granule, vaBits,
                    mem == null ? null : Sizes.parse(mem, "--mem"),
                    maxPfn == null ? null : Sizes.parseAddress(maxPfn, "--max-pfn"),
                    kaslr == null ? null : Sizes.parseAddress(kaslr, "--kaslr"),
                    randomizeBase,
                    vmalloc == null ? null : Sizes.parse(vmalloc, "--vmalloc"),
                    paBits);
        }
    }
}
