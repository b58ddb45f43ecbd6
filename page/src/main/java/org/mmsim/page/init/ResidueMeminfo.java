package org.mmsim.page.init;

/**
 * The /proc/meminfo fields a {@link BootResidue} is made of, already parsed: {@code page} sits below {@code proc},
 * so the front end reads the text with proc's one meminfo parser and hands these figures down.
 *
 * @param file the meminfo file's name, for messages
 */
public record ResidueMeminfo(String file, MeminfoFigure memTotal, MeminfoFigure memFree, MeminfoFigure shmem,
        MeminfoFigure anonPages, MeminfoFigure sReclaimable, MeminfoFigure sUnreclaim, MeminfoFigure cached) {
}
