package org.mmsim.boot.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmsim.arch.InputError;

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

    /** Parses a whole document; a syntax error becomes an {@link InputError} naming the line. */
    public static YamlNode parse(String file, String text) {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw InputError.at(file, 1, "empty document");
            }
            YamlNode root = read(file, p, t);
            return root;
        } catch (IOException e) {
            int line = 0;
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
                line = jpe.getLocation().getLineNr();
            }
            String msg = e.getMessage() == null ? "unreadable YAML" : e.getMessage().lines().findFirst().orElse("");
            throw InputError.at(file, line, "YAML syntax: " + msg);
        }
    }

    private static YamlNode read(String file, JsonParser p, JsonToken t) throws IOException {
        int line = lineOf(p.currentTokenLocation());
        switch (t) {
            case START_OBJECT: {
                Map<String, YamlNode> m = new LinkedHashMap<>();
                Map<String, Integer> kl = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = lineOf(p.currentTokenLocation());
                    if (m.containsKey(key)) {
                        throw InputError.at(file, keyLine, "duplicate key '" + key + "'");
                    }
                    YamlNode v = read(file, p, p.nextToken());
                    m.put(key, v);
                    kl.put(key, keyLine);
                }
                return new YamlNode(file, line, Kind.MAP, null, m, kl, null);
            }
            case START_ARRAY: {
                List<YamlNode> l = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    l.add(read(file, p, n));
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
