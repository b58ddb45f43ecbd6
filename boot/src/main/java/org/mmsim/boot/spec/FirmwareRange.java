package org.mmsim.boot.spec;

/**
 * One entry of the firmware memory map: an x86 e820 entry (arch/x86/kernel/e820.c) or, on arm64, a
 * device-tree memory node. {@code end} is exclusive.
 */
public record FirmwareRange(long start, long end, Type type) {
    /** e820 types (arch/x86/include/asm/e820/types.h) as the boot log prints them. */
    public enum Type {
        USABLE("usable"), RESERVED("reserved"), ACPI("ACPI data"), NVS("ACPI NVS"), UNUSABLE("unusable"),
        PMEM("persistent (type 7)"), PRAM("persistent (type 12)"), SOFT_RESERVED("soft reserved");

        private final String logName;

        Type(String logName) {
            this.logName = logName;
        }

        public String logName() {
            return logName;
        }

        /** The type whose log name or enum name is {@code s}, or null. */
        public static Type parse(String s) {
            for (Type t : values()) {
                if (t.logName.equalsIgnoreCase(s) || t.name().equalsIgnoreCase(s)) {
                    return t;
                }
            }
            return null;
        }
    }

    public FirmwareRange {
        if (end <= start) {
            throw new IllegalArgumentException("empty range");
        }
    }

    public long size() {
        return end - start;
    }
}
