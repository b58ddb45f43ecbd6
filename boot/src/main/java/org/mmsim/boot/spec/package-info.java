/**
 * The description of a machine to boot (MachineSpec): firmware memory map, NUMA ranges, CPUs, kernel command line,
 * kernel image sizes, reservations and late frees; read from a YAML machine file (MachineFile, with line numbers
 * kept by YamlNode) or twinned from a real kernel's boot log (DmesgImporter); sizes parsed as memparse() does.
 *
 * <p>Kernel sources (6.1): arch/x86/kernel/e820.c, arch/x86/mm/srat.c, lib/cmdline.c, mm/page_alloc.c
 * (cmdline_parse_core, mem_init_print_info), mm/percpu.c, init/initramfs.c, arch/x86/mm/init.c.
 *
 * <p>Layer boot: may import org.mmsim.arch and org.mmsim.arch.layout. The first boot package: it imports no other.
 * Checked by LayerTest in the architecture module.
 */
package org.mmsim.boot.spec;
