package org.mmsim.boot.spec;

/**
 * A memory affinity range of one NUMA node, as ACPI SRAT describes it (arch/x86/mm/srat.c,
 * {@code acpi_numa_memory_affinity_init}). {@code end} is exclusive.
 */
public record NumaRange(int nid, long start, long end) {
}
