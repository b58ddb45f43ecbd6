package org.mmsim.proc;

/**
 * One CPU's entry under "pagesets" in /proc/zoneinfo: the zone's per-cpu page list
 * ({@code struct per_cpu_pages}: count, high, batch) and the CPU's vmstat threshold
 * ({@code per_cpu_zonestats.stat_threshold}).
 */
public record Pageset(int cpu, int count, int high, int batch, int statThreshold) {
}
