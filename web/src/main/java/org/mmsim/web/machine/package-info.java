/**
 * The machine view's model side: a machine booted from a preset, an uploaded machine file, an uploaded boot log
 * (dmesg) or a set of a real machine's /proc files ({@link org.mmsim.web.machine.MachineSources}), the tables shown
 * of it ({@link org.mmsim.web.machine.MachineReport}: firmware map, memblock, nodes and zones, watermarks,
 * lowmem_reserve, pcp, boot log, buddyinfo), the uploaded /proc files beside the model's
 * ({@link org.mmsim.web.machine.ProcComparison}), and the virtual layouts with their address translation
 * ({@link org.mmsim.web.machine.LayoutReport}, {@link org.mmsim.web.machine.AddressReport}).
 *
 * <p>Kernel sources (6.1): none modelled here; it shows mm/memblock.c, mm/page_alloc.c (free_area_init,
 * setup_per_zone_wmarks, setup_per_zone_lowmem_reserve, zone_set_pageset_high_and_batch), mm/vmstat.c and the
 * layouts of Documentation/x86/x86_64/mm.rst, Documentation/arm64/memory.rst and arch/x86/mm/init_32.c as the
 * layers below model them.
 *
 * <p>Layer web: a front end; may import the model layers, proc, report and study. Checked by LayerTest.
 */
package org.mmsim.web.machine;
