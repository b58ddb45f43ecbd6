package org.mmsim.page.init;

/**
 * One /proc/meminfo figure a {@link BootResidue} is made of: its value in kB and the line of the file it was read
 * from, so a refusal can name that line (0 when the file has no such line; the value is then 0).
 */
public record MeminfoFigure(long kb, int line) {
    /** A field the file does not have: it counts as 0 kB. */
    public static final MeminfoFigure ABSENT = new MeminfoFigure(0, 0);
}
