package org.mmsim.proc;

import java.util.List;

/** The contents of /proc/meminfo: its fields in the kernel's order (fs/proc/meminfo.c). */
public record Meminfo(List<MeminfoEntry> entries) {
    public Meminfo {
        entries = List.copyOf(entries);
    }

    /** The entry of that name, or null. */
    public MeminfoEntry entry(String name) {
        for (MeminfoEntry e : entries) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** The value of a field; throws if there is none of that name. */
    public long get(String name) {
        MeminfoEntry e = entry(name);
        if (e == null) {
            throw new IllegalArgumentException("no meminfo field " + name);
        }
        return e.value();
    }
}
