package org.mmsim.boot.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmsim.arch.InputError;

/** A kernel command line is read word by word through the settings table; a bad word names the file and line. */
class KernelCommandLineTest {
    @Test
    void readsTheModelledParameters() {
        KernelCommandLine cl = KernelCommandLine.parse("console=ttyS0 mem=2G kernelcore=mirror movablecore=25% "
                + "memblock=debug transparent_hugepage=never numa=off cma=32M sysctl.vm.min_free_kbytes=4096 "
                + "sysctl.vm.swappiness=10 sysctl.kernel.panic=1", "m.yaml", 4);
        assertThat(cl.memLimit()).isEqualTo(2L << 30);
        assertThat(cl.kernelcoreMirror()).isTrue();
        assertThat(cl.movablecore()).isEqualTo(new KernelCommandLine.Core(0, 25));
        assertThat(cl.memblockDebug()).isTrue();
        assertThat(cl.transparentHugepage()).isEqualTo("never");
        assertThat(cl.numaOff()).isTrue();
        assertThat(cl.cmaBytes()).isEqualTo(32L << 20);
        assertThat(cl.sysctl()).isEqualTo(Map.of("vm.min_free_kbytes", "4096", "vm.swappiness", "10"));
        assertThat(cl.bootSysctl()).isEqualTo(Map.of("vm.min_free_kbytes", "4096"));
    }

    @Test
    void aBadWordIsOneErrorWithTheTablesRange() {
        assertThatThrownBy(() -> KernelCommandLine.parse("quiet sysctl.vm.watermark_scale_factor=0", "m.yaml", 4))
                .isInstanceOf(InputError.class)
                .hasMessage("m.yaml:4: kernel command line 'sysctl.vm.watermark_scale_factor=0': sysctl"
                        + " vm.watermark_scale_factor 0 is outside 1..3000 (what Linux 6.1 accepts)");
        assertThatThrownBy(() -> KernelCommandLine.parse("hugepagesz=2M", "dmesg", 12))
                .hasMessageStartingWith("dmesg:12: kernel command line 'hugepagesz=2M': hugepagesz= is not modelled");
    }

    @Test
    void withReplacesTheWordsOfTheSameParameter() {
        KernelCommandLine cl = KernelCommandLine.parse("nokaslr movablecore=1G quiet", "m.yaml", 1)
                .with("movablecore=2G", "--set", 0);
        assertThat(cl.text()).isEqualTo("nokaslr quiet movablecore=2G");
        assertThat(cl.movablecore().bytes()).isEqualTo(2L << 30);
        assertThatThrownBy(() -> cl.with("movablecore=2Q", "--set", 0)).hasMessageStartingWith(
                "--set: kernel command line 'movablecore=2Q'");
    }
}
