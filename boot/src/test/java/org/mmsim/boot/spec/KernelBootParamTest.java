package org.mmsim.boot.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The boot parameters of the settings table accept what Linux 6.1's parsers do, within what mmsim models:
 * cmdline_parse_core (mm/page_alloc.c) takes a memparse() size or a percentage, kernelcore= also "mirror";
 * setup_transparent_hugepage (mm/huge_memory.c) takes always, madvise or never; early_cma
 * (kernel/dma/contiguous.c) a size and an optional placement.
 */
class KernelBootParamTest {
    @Test
    void aWordIsLookedUpByTheNameBeforeItsEqualsSign() {
        assertThat(KernelBootParam.of("mem=1G")).isSameAs(KernelBootParam.MEM);
        assertThat(KernelBootParam.of("movablecore=10%")).isSameAs(KernelBootParam.MOVABLECORE);
        assertThat(KernelBootParam.of("memblock=debug")).isSameAs(KernelBootParam.MEMBLOCK);
        assertThat(KernelBootParam.of("sysctl.vm.swappiness=10")).isSameAs(KernelBootParam.SYSCTL);
        assertThat(KernelBootParam.of("sysctl/vm/swappiness=10")).isSameAs(KernelBootParam.SYSCTL);
        // Words that do not touch memory management as modelled, and sysctls outside vm, are not in the table.
        assertThat(KernelBootParam.of("sysctl.kernel.panic=1")).isNull();
        assertThat(KernelBootParam.of("console=ttyS0")).isNull();
        assertThat(KernelBootParam.of("memmap=1G$4G")).isNull();
        assertThat(KernelBootParam.of("nokaslr")).isNull();
    }

    @Test
    void coreTakesASizeOrAPercentageUpToAHundred() {
        assertThat(KernelBootParam.MOVABLECORE.core("1G")).isEqualTo(new KernelCommandLine.Core(1L << 30, 0));
        assertThat(KernelBootParam.MOVABLECORE.core("100%")).isEqualTo(new KernelCommandLine.Core(0, 100));
        assertThat(KernelBootParam.KERNELCORE.core("mirror")).isEqualTo(KernelCommandLine.Core.NONE);
        assertThatThrownBy(() -> KernelBootParam.MOVABLECORE.check("movablecore=101%"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a percentage 0..100 (movablecore= takes a size in bytes with an optional K, M, G, T,"
                        + " P or E suffix, or a percentage 0..100%)");
        assertThatThrownBy(() -> KernelBootParam.MOVABLECORE.check("movablecore=mirror"))
                .hasMessageStartingWith("unknown unit in 'mirror' (movablecore= takes");
    }

    @Test
    void choicesAreTheKernelsWords() {
        KernelBootParam.TRANSPARENT_HUGEPAGE.check("transparent_hugepage=madvise");
        assertThatThrownBy(() -> KernelBootParam.TRANSPARENT_HUGEPAGE.check("transparent_hugepage=sometimes"))
                .hasMessage("'sometimes' is not a value mmsim takes (transparent_hugepage= takes always, madvise or"
                        + " never)");
        KernelBootParam.NUMA.check("numa=off");
        assertThatThrownBy(() -> KernelBootParam.NUMA.check("numa=fake=2")).hasMessageContaining("numa= takes off");
        assertThatThrownBy(() -> KernelBootParam.MEMBLOCK.check("memblock")).hasMessageStartingWith("no value");
    }

    @Test
    void sizesAreMemparsedAndPlacementsAndHugetlbPoolsRefused() {
        assertThat(KernelBootParam.CMA.size("64M")).isEqualTo(64L << 20);
        assertThatThrownBy(() -> KernelBootParam.CMA.check("cma=64M@0x40000000"))
                .hasMessageContaining("placement (@base[-limit]) is not modelled");
        assertThatThrownBy(() -> KernelBootParam.MEM.check("mem=lots")).hasMessageContaining("(mem= takes a size");
        assertThatThrownBy(() -> KernelBootParam.HUGEPAGES.check("hugepages=16"))
                .hasMessage("hugepages= is not modelled: mmsim has no boot-time hugetlb pool (mm/hugetlb.c"
                        + " hugepages_setup)");
    }

    @Test
    void sysctlWordsUseTheSysctlTable() {
        KernelBootParam.SYSCTL.check("sysctl.vm.swappiness=200");
        assertThatThrownBy(() -> KernelBootParam.SYSCTL.check("sysctl.vm.swappiness=201"))
                .hasMessage("sysctl vm.swappiness 201 is outside 0..200 (what Linux 6.1 accepts)");
        assertThatThrownBy(() -> KernelBootParam.SYSCTL.check("sysctl.vm.nr_hugepages=1"))
                .hasMessageStartingWith("unknown sysctl 'vm.nr_hugepages' (vm.min_free_kbytes, ");
    }

    @Test
    void eachEntryNamesTheKernelFunctionThatParsesIt() {
        assertThat(KernelBootParam.KERNELCORE.source()).contains("mm/page_alloc.c cmdline_parse_kernelcore");
        assertThat(KernelBootParam.MEMBLOCK.source()).isEqualTo("mm/memblock.c early_memblock");
        for (KernelBootParam p : KernelBootParam.values()) {
            assertThat(p.source()).as(p.paramName()).matches("[a-z0-9_/]+\\.c [a-z_]+.*");
        }
        assertThat(KernelBootParam.names()).contains("mem=", "sysctl.vm.NAME=", "hugepages=");
    }
}
