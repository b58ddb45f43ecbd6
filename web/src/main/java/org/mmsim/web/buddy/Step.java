package org.mmsim.web.buddy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step the allocator took: the kernel function, what it did in the kernel's words, the tracepoint line it
 * emitted there (empty when the step has none), and the zone as the step left it.
 */
record Step(String function, String text, String trace, ZoneState state) {
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("function", function);
        m.put("text", text);
        m.put("trace", trace);
        m.put("state", state.toJson());
        return m;
    }
}
