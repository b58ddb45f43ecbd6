/**
 * Benchmarks that span modules: {@link org.mmsim.bench.ReplayBench}, forced replay of a real kernel trace.
 *
 * <p>Kernel sources (6.1): mm/page_alloc.c, as the replay it measures models it (see org.mmsim.trace.replay).
 *
 * <p>Layer bench: may import every module; nothing imports it.
 */
package org.mmsim.bench;
