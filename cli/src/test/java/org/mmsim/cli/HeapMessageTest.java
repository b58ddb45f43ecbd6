package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The launcher's heap message names the machine the arguments chose, so the user knows which input is too big. */
class HeapMessageTest {
    @Test
    void namesTheMachineOrScenarioOfTheArguments() {
        assertThat(Mmsim.machineInput(new String[] {"boot", "--machine", "big.yaml", "--print", "zoneinfo"}))
                .isEqualTo("big.yaml");
        assertThat(Mmsim.machineInput(new String[] {"boot", "--from-dmesg=d.txt"})).isEqualTo("d.txt");
        assertThat(Mmsim.machineInput(new String[] {"run", "s.yaml", "--out", "o"})).isEqualTo("s.yaml");
        assertThat(Mmsim.machineInput(new String[] {"layout", "--arch", "x86_64"})).isNull();
    }
}
