package org.mmsim.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmsim.arch.InputError;

/**
 * Study files: the points a grid or a list gives, their keys and runs, and each mistake refused with one line
 * naming the file and the line of the value at fault, before anything runs.
 */
class StudyFileTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aGridIsEveryCombinationInAxisOrderWithTheSetWordsFirst() throws IOException {
        Study s = StudyFile.load(write("minfree.yaml", """
                base: default
                set: [vm.swappiness=10]
                axes:
                  vm.min_free_kbytes: [16384, 65536, 262144]
                  transparent_hugepage: [always, madvise]
                  seed: [1, 2, 3]
                """));
        assertThat(s.name()).isEqualTo("minfree");
        assertThat(s.axes()).containsExactly("vm.min_free_kbytes", "transparent_hugepage", "seed");
        assertThat(s.points()).hasSize(18);
        StudyPoint first = s.points().get(0);
        assertThat(first.key()).isEqualTo("vm.min_free_kbytes=16384,transparent_hugepage=always,seed=1");
        assertThat(first.settings()).containsExactly("vm.swappiness=10", "vm.min_free_kbytes=16384",
                "transparent_hugepage=always");
        assertThat(first.seed()).isEqualTo(1L);
        assertThat(first.scenario()).isEqualTo("default");
        assertThat(s.points().get(17).key()).isEqualTo("vm.min_free_kbytes=262144,transparent_hugepage=madvise,seed=3");
        assertThat(s.points().stream().map(StudyPoint::key).distinct()).hasSize(18);
    }

    @Test
    void anExplicitListRunsThosePointsOnlyAndAScenarioFileIsFoundBesideTheStudy() throws IOException {
        write("m.yaml", "arch: x86_64\nmemory:\n  - { start: 0x100000, size: 256M }\n");
        write("s.yaml", "machine: m.yaml\nduration: 1s\nworkload:\n  - slab: { rate: 100 }\n");
        Study s = StudyFile.load(write("st.yaml", """
                name: pick
                axes:
                  scenario: [s.yaml, default]
                  seed: [07, 8]
                points:
                  - { scenario: s.yaml, seed: 7 }
                  - { scenario: default, seed: 8 }
                """));
        assertThat(s.points()).extracting(StudyPoint::key).containsExactly("scenario=s.yaml,seed=7",
                "scenario=default,seed=8");
        assertThat(s.points().get(0).scenario()).isEqualTo(dir.resolve("s.yaml").toAbsolutePath().toString());
        assertThat(s.points().get(0).settings()).isEmpty();
    }

    @Test
    void aStudyFileThatDoesNotExistIsNamed() {
        assertThatThrownBy(() -> StudyFile.load(dir.resolve("none.yaml"))).isInstanceOf(InputError.class)
                .hasMessageEndingWith("none.yaml: no such file");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown setting        | base: default\\naxes:\\n  vm.swapiness: [10]\\n              | 3: vm.swapiness=10: unknown setting 'vm.swapiness'
            out-of-range value     | base: default\\naxes:\\n  vm.swappiness: [10,\\n    300]\\n   | 4: vm.swappiness=300: sysctl vm.swappiness 300 is outside 0..200
            bad boot parameter     | base: default\\naxes:\\n  transparent_hugepage: [sometimes]\\n | 3: transparent_hugepage=sometimes: 
            empty axis             | base: default\\naxes:\\n  vm.swappiness: []\\n                | 3: axis 'vm.swappiness' has no values
            missing base           | axes:\\n  seed: [1]\\n                                         | 1: missing 'base'
            unknown built-in       | base: defualt\\naxes:\\n  seed: [1]\\n                       | 1: base 'defualt': no such scenario file (relative to the study's directory) or built-in scenario (built-in: default,
            unknown scenario value | axes:\\n  scenario: [default, slab-chrun]\\n                     | 2: scenario 'slab-chrun': no such scenario file
            duplicate axis         | base: default\\naxes:\\n  seed: [1]\\n  seed: [2]\\n           | 4: duplicate key 'seed'
            same setting twice     | base: default\\naxes:\\n  vm.swappiness: [1]\\n  sysctl.vm.swappiness: [2]\\n | 4: axis 'sysctl.vm.swappiness' is axis 'vm.swappiness' again
            set and axis           | base: default\\nset: [vm.swappiness=5]\\naxes:\\n  vm.swappiness: [1]\\n | 2: set 'vm.swappiness=5' is also the axis 'vm.swappiness': keep one
            point undeclared axis  | base: default\\naxes:\\n  seed: [1]\\npoints:\\n  - { seed: 1, hz: 100 }\\n | 5: point gives axis 'hz', which is not among the axes (seed)
            point value missing    | base: default\\naxes:\\n  seed: [1]\\n  vm.swappiness: [1]\\npoints:\\n  - { seed: 1 }\\n | 6: point has no value for axis 'vm.swappiness'
            point value not listed | base: default\\naxes:\\n  seed: [1, 2]\\npoints:\\n  - { seed: 3 }\\n | 5: axis 'seed' has no value '3' (its values: 1, 2)
            point twice            | base: default\\naxes:\\n  seed: [1, 2]\\npoints:\\n  - { seed: 1 }\\n  - { seed: 01 }\\n | 6: this point repeats an earlier one (seed=1)
            not YAML               | base: [default\\n                                            | YAML syntax
            not a mapping          | just words\\n                                                 | 1: study must be a mapping
            unknown top-level key  | base: default\\nseeds: [1]\\naxes:\\n  seed: [1]\\n          | 2: unknown key 'seeds' in study (allowed: axes, base, name, points, set)
            non-list axis          | base: default\\naxes:\\n  vm.swappiness: 10\\n                | 3: axis 'vm.swappiness' must be a list of values
            seed not a number      | base: default\\naxes:\\n  seed: [1, two]\\n                   | 3: seed 'two' must be a whole number 0..9223372036854775807
            negative seed          | base: default\\naxes:\\n  seed: [-1]\\n                       | 3: seed '-1' must be a whole number
            zero points            | base: default\\naxes:\\n  seed: [1]\\npoints: []\\n          | 4: points is an empty list: a study needs at least one point
            points neither         | base: default\\naxes:\\n  seed: [1]\\npoints: all\\n         | 4: points must be 'grid' or a list of points
            no axes                | base: default\\naxes: {}\\n                                   | 2: axes is empty
            missing axes           | base: default\\n                                              | 1: missing 'axes'
            base and scenario axis | base: default\\naxes:\\n  scenario: [default]\\n              | 1: base and the scenario axis both name the scenario: keep one
            empty value            | base: default\\naxes:\\n  vm.swappiness: [1, ~]\\n             | 3: a value of axis 'vm.swappiness' is empty
            value a list           | base: default\\naxes:\\n  vm.swappiness:\\n    - [1, 2]\\n   | 4: a value of axis 'vm.swappiness' must be a single value
            value twice            | base: default\\naxes:\\n  vm.swappiness: [1, 1]\\n             | 3: axis 'vm.swappiness' has the value '1' twice
            bad name               | name: ../up\\nbase: default\\naxes:\\n  seed: [1]\\n          | 1: name '../up' must be 1 to 64 letters
            set not NAME=VALUE     | base: default\\nset: [swappy]\\naxes:\\n  seed: [1]\\n        | 2: swappy: give NAME=VALUE
            lowmem ratio per zone  | base: default\\naxes:\\n  vm.lowmem_reserve_ratio: ['1 2 3 4 5 6']\\n | 3: vm.lowmem_reserve_ratio=1 2 3 4 5 6:
            grid too large         | base: default\\naxes:\\n  a: [1,2,3,4,5,6,7,8,9,10]\\n  b: [1,2,3,4,5,6,7,8,9,10]\\n  c: [1,2,3,4,5,6,7,8,9,10]\\n  d: [1,2,3,4,5,6,7,8,9,10]\\n  e: [1,2,3,4,5,6,7,8,9,10]\\n  f: [1,2,3,4,5,6,7,8,9,10]\\n | 3: the grid of the axes has more than 100000 points
            """)
    void aMistakeIsOneLineAtItsLine(String what, String text, String problem) throws IOException {
        Path f = write("bad.yaml", text.replace("\\n", "\n"));
        assertThatThrownBy(() -> StudyFile.load(f)).as(what).isInstanceOf(InputError.class)
                .hasMessageStartingWith(f + ":").hasMessageContaining(problem).satisfies(e ->
                        assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aMistakeInTheBaseScenarioIsNamedInThatFile() throws IOException {
        write("s.yaml", "machine: x86_64-4G\nduration: -1s\nworkload:\n  - slab: { rate: 100 }\n");
        Path f = write("st.yaml", "base: s.yaml\naxes:\n  seed: [1]\n");
        assertThatThrownBy(() -> StudyFile.load(f)).isInstanceOf(InputError.class)
                .hasMessage(dir.resolve("s.yaml") + ":2: duration must not be negative: '-1s'");
    }
}
