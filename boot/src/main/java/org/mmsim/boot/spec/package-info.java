/**
 * The description of a machine to boot (MachineSpec): firmware memory map, NUMA ranges, CPUs, kernel command line,
 * kernel image sizes, reservations and late frees; read from a YAML machine file (MachineFile, with line numbers
 * kept by YamlNode) or twinned from a real kernel's boot log (DmesgImporter); sizes parsed as memparse() does. The
 * settings table: the vm sysctls (KernelSysctl) and kernel boot parameters (KernelBootParam) mmsim models, with
 * their units, ranges, defaults and kernel sources, read by every parser of settings.
 *
 * <p>Kernel sources (6.1): arch/x86/kernel/e820.c, arch/x86/mm/srat.c, lib/cmdline.c, mm/page_alloc.c
 * (cmdline_parse_core, mem_init_print_info), mm/percpu.c, init/initramfs.c, arch/x86/mm/init.c, kernel/sysctl.c,
 * mm/page-writeback.c, mm/memblock.c, mm/huge_memory.c, kernel/dma/contiguous.c, fs/proc/proc_sysctl.c.
 *
 * <p>Layer boot: may import org.mmsim.arch and org.mmsim.arch.layout. The first boot package: it imports no other.
 * Checked by LayerTest in the architecture module.
 */
package org.mmsim.boot.spec;
