/**
 * JMH benchmarks of the page allocator: order-0 and random-order pairs, a fragmenting mix, and the peer workloads
 * with their SplitMix64 stream.
 *
 * <p>Kernel sources (6.1): none: measurements of the model, not a model.
 *
 * <p>Layer bench, outside the layers: may import anything; nothing imports it. Checked by LayerTest in the
 * architecture module.
 */
package org.mmsim.bench.page;
