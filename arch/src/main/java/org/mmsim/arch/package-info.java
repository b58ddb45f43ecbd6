/**
 * The architectures mmsim models (x86_64, i386 with PAE, arm64, each as Debian builds its 6.1 kernel): page size,
 * the zone types configured, the pageblock order and MAX_ORDER; and what every layer uses for a user's input:
 * InputError, the one-line FILE:LINE: problem that front ends print, and InputFiles, the one reader of input files.
 *
 * <p>Kernel sources (6.1): include/linux/mmzone.h (enum zone_type, MAX_ORDER), include/linux/pageblock-flags.h.
 *
 * <p>Layer arch, the lowest layer: imports no other mmsim package. Checked by LayerTest in the architecture module.
 */
package org.mmsim.arch;
