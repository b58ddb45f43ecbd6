/**
 * JMH benchmarks of anonymous write faults and of mmap/munmap pairs in a simulated process.
 *
 * <p>Kernel sources (6.1): none: measurements of the model, not a model.
 *
 * <p>Layer bench, outside the layers: may import anything; nothing imports it. Checked by LayerTest in the
 * architecture module.
 */
package org.mmsim.bench.vm;
