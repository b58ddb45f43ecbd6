/**
 * BuddyChecker, a consistency checker in the spirit of CONFIG_DEBUG_VM: free blocks aligned, inside their zone, not
 * overlapping, on the right list and counted; NR_FREE_PAGES and the pcp counts matching the lists. Debug mode runs
 * it after every allocation and free through org.mmsim.page.ZoneCheck.
 *
 * <p>Kernel sources (6.1): none directly: it checks the invariants that mm/page_alloc.c keeps.
 *
 * <p>Layer page: may import the arch packages and org.mmsim.page. Checked by LayerTest in the architecture module.
 */
package org.mmsim.page.debug;
