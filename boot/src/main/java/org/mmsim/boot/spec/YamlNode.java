package org.mmsim.boot.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmsim.arch.InputError;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A YAML document read as a tree whose every node remembers its line, so that a machine file or a
 * scenario with a mistake gets an error naming the exact line. Parsing is Jackson's; this class only
 * keeps the locations that Jackson's own tree model drops.
 */
public final class YamlNode {
    /** The kind of node. */
    public enum Kind { MAP, LIST, SCALAR, NULL }

    private final String file;
    private final int line;
    private final Kind kind;
    private final String scalar;
    private final Map<String, YamlNode> map;
    private final Map<String, Integer> keyLines;
    private final List<YamlNode> list;

    private YamlNode(String file, int line, Kind kind, String scalar, Map<String, YamlNode> map,
            Map<String, Integer> keyLines, List<YamlNode> list) {
        this.file = file;
        this.line = line;
        this.kind = kind;
        this.scalar = scalar;
        this.map = map;
        this.keyLines = keyLines;
        this.list = list;
    }

    /**
     * The largest YAML text read: machine files and scenarios are a few KiB; the cap keeps a hostile file (a 10 MB
     * value) from costing seconds in the scanner before being refused.
     */
    public static final int MAX_CHARS = 1 << 20;
    /** The deepest nesting of mappings and lists accepted; real files nest three or four levels. */
    public static final int MAX_DEPTH = 32;

    /**
     * Parses a whole document; a syntax error becomes an {@link InputError} naming the line. Refused as well: a text
     * above {@link #MAX_CHARS}, nesting deeper than {@link #MAX_DEPTH}, anchors and aliases (which would let a small
     * file expand into a huge tree), duplicate keys, and a second document after {@code ---}.
     */
    public static YamlNode parse(String file, String text) {
        return parse(file, text, true);
    }

    /**
     * A value given outside any file, such as {@code 2G} or {@code [buddyinfo, slabinfo]} of a command-line
     * override, read as YAML: it and its errors name {@code origin} (the option and word) and no line, so that a
     * value a scenario's check refuses is reported as the override's mistake.
     */
    public static YamlNode value(String origin, String text) {
        return parse(origin, text, false);
    }

    private static YamlNode parse(String file, String text, boolean withLines) {
        if (text.length() > MAX_CHARS) {
            throw InputError.at(file, 0, "too large for a YAML file: " + text.length() + " characters (at most "
                    + MAX_CHARS + ")");
        }
        try (JsonParser p = factory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw InputError.at(file, withLines ? 1 : 0, "empty document");
            }
            YamlNode root = read(file, p, t, 1, withLines);
            if (p.nextToken() != null) {
                throw InputError.at(file, withLines ? lineOf(p.currentTokenLocation()) : 0,
                        "a second YAML document (after '---'): the file must hold exactly one");
            }
            return root;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputError ie) {
                throw ie;
            }
            int line = 0;
            if (withLines && e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
                line = jpe.getLocation().getLineNr();
            }
            throw InputError.at(file, line, "YAML syntax: " + firstLine(e.getMessage()));
        }
    }

    /**
     * Where the key at {@code keys} (a path of map keys, e.g. sysctl, vm.min_free_kbytes) is set in an already
     * accepted file, as "FILE:LINE", or "FILE" when it is not set there: for errors found after parsing, such as a
     * boot that runs out of memory because of that value.
     */
    public static String locate(String file, String text, String... keys) {
        YamlNode n = parse(file, text);
        for (int i = 0; i < keys.length - 1 && n != null; i++) {
            n = n.get(keys[i]);
        }
        String last = keys[keys.length - 1];
        return n == null || n.get(last) == null ? file : file + ":" + n.keyLine(last);
    }

    private static YAMLFactory factory() {
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(MAX_CHARS * 2);
        loader.setNestingDepthLimit(MAX_DEPTH + 1);
        loader.setMaxAliasesForCollections(0);
        return YAMLFactory.builder().loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_CHARS).maxNumberLength(100).build())
                .build();
    }

    /** The first line of a parser's message, without Jackson's pointer to its own settings. */
    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable YAML";
        }
        String first = message.lines().findFirst().orElse("unreadable YAML");
        if (first.contains("nesting depth") || first.contains("Nesting Depth")) {
            return "nested deeper than " + MAX_DEPTH + " levels";
        }
        int from = first.indexOf(" (from `");
        return from > 0 ? first.substring(0, from) : first;
    }

    private static YamlNode read(String file, JsonParser p, JsonToken t, int depth, boolean withLines)
            throws IOException {
        int line = withLines ? lineOf(p.currentTokenLocation()) : 0;
        if (p instanceof YAMLParser y && (y.isCurrentAlias() || y.getCurrentAnchor() != null)) {
            throw InputError.at(file, line, "YAML anchors and aliases ('&', '*') are not supported: write the"
                    + " value out");
        }
        if (depth > MAX_DEPTH) {
            throw InputError.at(file, line, "YAML syntax: nested deeper than " + MAX_DEPTH + " levels");
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, YamlNode> m = new LinkedHashMap<>();
                Map<String, Integer> kl = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = withLines ? lineOf(p.currentTokenLocation()) : 0;
                    if (m.containsKey(key)) {
                        throw InputError.at(file, keyLine, "duplicate key '" + key + "'");
                    }
                    YamlNode v = read(file, p, p.nextToken(), depth + 1, withLines);
                    m.put(key, v);
                    kl.put(key, keyLine);
                }
                return new YamlNode(file, line, Kind.MAP, null, m, kl, null);
            }
            case START_ARRAY: {
                List<YamlNode> l = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    l.add(read(file, p, n, depth + 1, withLines));
                }
                return new YamlNode(file, line, Kind.LIST, null, null, null, l);
            }
            case VALUE_NULL:
                return new YamlNode(file, line, Kind.NULL, null, null, null, null);
            default:
                return new YamlNode(file, line, Kind.SCALAR, p.getText(), null, null, null);
        }
    }

    private static int lineOf(JsonLocation loc) {
        return loc == null ? 0 : loc.getLineNr();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public Kind kind() {
        return kind;
    }

    /** An error at this node's line. */
    public InputError error(String problem) {
        return InputError.at(file, line, problem);
    }

    /** This node as a map; an error if it is not one. */
    public Map<String, YamlNode> asMap(String what) {
        if (kind != Kind.MAP) {
            throw error(what + " must be a mapping");
        }
        return Collections.unmodifiableMap(map);
    }

    /** This node as a list; an error if it is not one. */
    public List<YamlNode> asList(String what) {
        if (kind != Kind.LIST) {
            throw error(what + " must be a list");
        }
        return Collections.unmodifiableList(list);
    }

    /** This node's text; an error if it is not a scalar. */
    public String asText(String what) {
        if (kind != Kind.SCALAR) {
            throw error(what + " must be a single value");
        }
        return scalar;
    }

    /** A child of a map, or null. */
    public YamlNode get(String key) {
        return kind == Kind.MAP ? map.get(key) : null;
    }

    /** The line of a map key (the node's own line if absent). */
    public int keyLine(String key) {
        Integer l = keyLines == null ? null : keyLines.get(key);
        return l == null ? line : l;
    }

    /**
     * This map with {@code key} set to {@code value}: replaced where the map has it (the key keeps its line), else
     * added at the end (with the value's line). An error if this node is not a map.
     */
    public YamlNode with(String key, YamlNode value) {
        Map<String, YamlNode> m = new LinkedHashMap<>(asMap("the value of '" + key + "'"));
        Map<String, Integer> kl = new LinkedHashMap<>(keyLines);
        m.put(key, value);
        kl.putIfAbsent(key, value.line);
        return new YamlNode(file, line, Kind.MAP, null, m, kl, null);
    }

    /** This list with its item {@code index} replaced by {@code value}. */
    public YamlNode withItem(int index, YamlNode value) {
        List<YamlNode> l = new ArrayList<>(asList("a list"));
        l.set(index, value);
        return new YamlNode(file, line, Kind.LIST, null, null, null, l);
    }

    /** Rejects keys outside {@code allowed}, naming the first unknown key and its line. */
    public void requireOnlyKeys(String what, java.util.Set<String> allowed) {
        for (String k : asMap(what).keySet()) {
            if (!allowed.contains(k)) {
                throw InputError.at(file, keyLine(k), "unknown key '" + k + "' in " + what
                        + " (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }
}
