package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code mmsim translate}: kinds, __pa, pfn and struct page, worked by hand, and bad addresses. */
class LayoutTranslateCommandTest {

    @Test
    void directMapAddressOnX86_64() {
        CliRun run = CliRun.of("translate", "0xffff888000100000", "--arch", "x86_64");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("kind:        direct map (kernel logical)", "pa:          0x100000",
                "pfn:         0x100 (256)", "struct page: ffffea0000004000");
    }

    @Test
    void vmallocAddressHasNoLinearTranslation() {
        CliRun run = CliRun.of("translate", "ffffc90000001000", "--arch", "x86_64");
        assertThat(run.out()).contains("kind:        vmalloc", "not linear here");
    }

    @Test
    void physicalAddressOnI386Highmem() {
        CliRun run = CliRun.of("translate", "--phys", "0x38000000", "--arch", "i386-pae", "--mem", "1G");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("pfn:         0x38000", "__va:        none");
        CliRun low = CliRun.of("translate", "--phys", "0x100000", "--arch", "i386-pae");
        assertThat(low.out()).contains("__va:        c0100000");
    }

    @Test
    void arm64VmemmapAddress() {
        CliRun run = CliRun.of("translate", "0xfffffc0000000040", "--arch", "arm64");
        assertThat(run.out()).contains("kind:        vmemmap", "describes:   struct page of pfn 0x40001 (262145), pa 0x40001000");
    }

    @Test
    void zoneHookNamesTheOwningZone() {
        java.io.PrintStream old = System.out;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        try {
            System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
            TranslateCommand cmd = new TranslateCommand().zoneOfPfn(pfn -> pfn < 0x1000 ? "DMA" : "DMA32");
            int status = new picocli.CommandLine(cmd).execute("0xffff888000100000", "--arch", "x86_64");
            assertThat(status).isZero();
        } finally {
            System.setOut(old);
        }
        assertThat(buf.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("zone:        DMA");
    }

    @Test
    void unparsableAddressIsOneLineAndStatusTwo() {
        CliRun run = CliRun.of("translate", "0xnothex", "--arch", "x86_64");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("mmsim: ADDR: not an address: 0xnothex" + System.lineSeparator());
        CliRun wide = CliRun.of("translate", "0x100000000", "--arch", "i386");
        assertThat(wide.status()).isEqualTo(2);
        assertThat(wide.err()).startsWith("mmsim: ADDR: address 0x100000000 does not fit 32 bits");
    }
}
