/**
 * JMH benchmarks that span the model's modules: reading a real kernel trace ({@link
 * org.mmsim.bench.TraceParseBench}) and replaying it ({@link org.mmsim.bench.ReplayBench}).
 *
 * <p>Kernel sources (6.1): none: measurements of the model, not a model.
 *
 * <p>Layer bench, outside the layers: may import anything; nothing imports it. Checked by LayerTest in the
 * architecture module.
 */
package org.mmsim.bench;
