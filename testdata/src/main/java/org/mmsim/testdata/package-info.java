/**
 * Test support, not a model: finds the oracle cases (real Debian 6.1 kernels' boot logs and /proc files under
 * testdata/oracle) for tests in any module, and reads the per-zone fields of a real /proc/zoneinfo.
 *
 * <p>Kernel sources (6.1): none (the oracle files are the kernels' own output).
 *
 * <p>Layer testdata, outside the layers: imports no mmsim package, and main code never imports it (modules use it
 * with test scope). Checked by LayerTest in the architecture module.
 */
package org.mmsim.testdata;
