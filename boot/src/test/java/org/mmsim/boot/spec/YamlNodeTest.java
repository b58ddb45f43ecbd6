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

    /** A value from outside a file has its origin and no line; a map or list with a new child keeps the others. */
    @Test
    void aValueFromAnOptionIsNamedByItsOriginAndReplacesAChild() {
        assertThatThrownBy(() -> YamlNode.value("--set: a=[1", "[1")).isInstanceOf(InputError.class)
                .hasMessageStartingWith("--set: a=[1: YAML syntax: ");
        YamlNode list = YamlNode.value("--set: a=[1, 2]", "[1, 2]");
        assertThat(list.line()).isZero();
        assertThat(list.asList("a").get(1).error("bad").getMessage()).isEqualTo("--set: a=[1, 2]: bad");
        YamlNode root = YamlNode.parse("f.yaml", "a: 1\nb: [x, y]\n");
        YamlNode edited = root.with("a", YamlNode.value("o", "2")).with("c", YamlNode.value("o", "3"));
        assertThat(edited.get("a").asText("a")).isEqualTo("2");
        assertThat(edited.keyLine("a")).isEqualTo(1);
        assertThat(edited.get("c").asText("c")).isEqualTo("3");
        assertThat(edited.asMap("r").keySet()).containsExactly("a", "b", "c");
        assertThat(root.get("a").asText("a")).isEqualTo("1");
        YamlNode items = root.get("b").withItem(1, YamlNode.value("o", "z"));
        assertThat(items.asList("b")).extracting(n -> n.asText("i")).containsExactly("x", "z");
    }
}
