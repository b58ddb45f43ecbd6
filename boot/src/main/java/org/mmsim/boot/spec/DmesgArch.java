package org.mmsim.boot.spec;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mmsim.arch.Arch;
import org.mmsim.arch.InputError;

/**
 * Tells a boot log's architecture from its {@code Linux version} banner (init/version.c linux_banner): Debian's
 * kernel release ends with its flavour (amd64, 686-pae, arm64), and a cross-built kernel names its compiler's
 * target triple. A log of any other architecture (riscv64, armhf, ppc64el, s390x, ...) is refused with the
 * architecture found, rather than read as one mmsim models.
 */
final class DmesgArch {
    private static final String SUPPORTED = "supported: x86_64 (amd64), i386-pae (686-pae), arm64";
    private static final Pattern TRIPLE = Pattern.compile("\\b(x86_64|i[3-6]86|aarch64|arm\\w*|riscv\\d*|powerpc\\w*"
            + "|ppc\\w*|s390x?|mips\\w*|loongarch\\d*|sparc\\w*|alpha|hppa\\w*|m68k|sh4|ia64)-");
    private static final List<String> FOREIGN_FLAVOURS = List.of("riscv64", "armmp", "armmp-lpae", "marvell", "rpi",
            "powerpc64le", "powerpc64", "powerpc", "s390x", "mips64r2el", "mips64r6el", "mips32r2el", "octeon",
            "loongson-3", "loong64", "sparc64", "alpha-generic", "parisc", "parisc64", "m68k", "sh7751r", "itanium",
            "686");

    private DmesgArch() {
    }

    /** The architecture of the banner {@code release} (the word after "Linux version") and the rest of its line. */
    static Arch of(String release, String banner, String file, int line) {
        if (release.endsWith("-amd64") || release.endsWith("-cloud-amd64") || release.endsWith("-rt-amd64")) {
            return Arch.X86_64;
        }
        if (release.endsWith("-686-pae")) {
            return Arch.I386_PAE;
        }
        if (release.endsWith("-arm64") || release.endsWith("-cloud-arm64") || release.endsWith("-rt-arm64")) {
            return Arch.ARM64;
        }
        for (String f : FOREIGN_FLAVOURS) {
            if (release.endsWith("-" + f)) {
                throw refuse(f, file, line);
            }
        }
        Matcher m = TRIPLE.matcher(banner);
        if (m.find()) {
            String t = m.group(1);
            if (t.equals("x86_64")) {
                return Arch.X86_64;
            }
            if (t.equals("aarch64")) {
                return Arch.ARM64;
            }
            throw refuse(t, file, line);
        }
        return null;
    }

    /** The architecture when the banner does not name one: x86 logs print the BIOS-e820 map, arm64 logs CPU features. */
    static Arch guess(boolean e820, boolean arm64Features, String release, String file, int line) {
        if (e820) {
            return Arch.X86_64;
        }
        if (arm64Features) {
            return Arch.ARM64;
        }
        throw InputError.at(file, line, "cannot tell the architecture of kernel '" + release
                + "' (no BIOS-e820 map, no arm64 'CPU features:' line); " + SUPPORTED);
    }

    private static InputError refuse(String found, String file, int line) {
        String what = found.equals("686") ? "i386 without PAE (686)" : found;
        return InputError.at(file, line, "a boot log of architecture " + what + ": mmsim models only x86_64, i386-pae"
                + " and arm64 (" + SUPPORTED + ")");
    }
}
