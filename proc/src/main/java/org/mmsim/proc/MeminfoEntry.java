package org.mmsim.proc;

/**
 * One line of /proc/meminfo.
 *
 * @param name  the field name without its colon ({@code MemTotal}, {@code HugePages_Total}, ...)
 * @param value the number as printed (kB for fields with a unit, a count for HugePages_*)
 * @param kb    whether the line ends in {@code " kB"}
 */
public record MeminfoEntry(String name, long value, boolean kb) {
    public MeminfoEntry {
        if (name.isEmpty() || name.contains(":") || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("bad meminfo name '" + name + "'");
        }
    }

    /** A field in kB. */
    public static MeminfoEntry kb(String name, long kb) {
        return new MeminfoEntry(name, kb, true);
    }
}
