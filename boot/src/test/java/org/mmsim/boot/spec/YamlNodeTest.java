package org.mmsim.boot.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mmsim.arch.InputError;

/** The YAML reader refuses what would be silently misread or costly, each with the file and line. */
class YamlNodeTest {
    @Test
    void aSecondDocumentIsRefusedAtItsLine() {
        assertThatThrownBy(() -> YamlNode.parse("f.yaml", "a: 1\n---\nb: 2\n"))
                .isInstanceOf(InputError.class).hasMessageStartingWith("f.yaml:3: a second YAML document");
    }

    @Test
    void anAliasIsRefused() {
        assertThatThrownBy(() -> YamlNode.parse("f.yaml", "a: x\nb: [1, 2]\nc: *b\n"))
                .isInstanceOf(InputError.class).hasMessageContaining("anchors and aliases");
    }

    @Test
    void nestingDeeperThanTheCapIsRefusedWithoutStackOverflow() {
        String deep = "[".repeat(YamlNode.MAX_DEPTH + 1) + "]".repeat(YamlNode.MAX_DEPTH + 1);
        assertThatThrownBy(() -> YamlNode.parse("f.yaml", deep)).isInstanceOf(InputError.class)
                .hasMessageContaining("nested deeper than " + YamlNode.MAX_DEPTH + " levels");
        String ok = "[".repeat(YamlNode.MAX_DEPTH) + "]".repeat(YamlNode.MAX_DEPTH);
        assertThat(YamlNode.parse("f.yaml", ok).kind()).isEqualTo(YamlNode.Kind.LIST);
    }

    @Test
    void aTextAboveTheCapIsRefusedBeforeParsing() {
        String big = "a: " + "x".repeat(YamlNode.MAX_CHARS);
        assertThatThrownBy(() -> YamlNode.parse("f.yaml", big)).isInstanceOf(InputError.class)
                .hasMessage("f.yaml: too large for a YAML file: " + big.length() + " characters (at most 1048576)");
    }

    @Test
    void locateNamesTheLineOfANestedKey() {
        String text = "a: 1\nsysctl:\n  x: 2\n  vm.min_free_kbytes: 3\n";
        assertThat(YamlNode.locate("f.yaml", text, "sysctl", "vm.min_free_kbytes")).isEqualTo("f.yaml:4");
        assertThat(YamlNode.locate("f.yaml", text, "sysctl", "absent")).isEqualTo("f.yaml");
        assertThat(YamlNode.locate("f.yaml", text, "sysctl")).isEqualTo("f.yaml:2");
    }
}
