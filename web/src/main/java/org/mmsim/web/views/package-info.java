/**
 * The explorer put together: every view's routes in the order of the page's tabs, and the server made with them.
 *
 * <p>Kernel sources (6.1): none modelled here.
 *
 * <p>Layer web: a front end; may import the model layers, proc, report, study and the web packages below it.
 * Checked by LayerTest.
 */
package org.mmsim.web.views;
