package org.mmsim.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmsim.page.MigrateType.HIGHATOMIC;
import static org.mmsim.page.MigrateType.MOVABLE;
import static org.mmsim.page.MigrateType.RECLAIMABLE;
import static org.mmsim.page.MigrateType.UNMOVABLE;

import org.junit.jupiter.api.Test;

/**
 * One test per rule of the 6.1 fallback and stealing code (mm/page_alloc.c). Every expected value is worked by
 * hand from the kernel source, as the comment of each test shows; zones are x86_64 (pageblock order 9,
 * MAX_ORDER 11) built by {@link ZoneFixture} at pfn 0x10000 (pageblock n starts at 0x10000 + n * 0x200).
 */
class FallbackRulesTest {
    static final long B0 = 0x10000;
    static final long B1 = 0x10200;

    // ---- find_suitable_fallback --------------------------------------------------------------------------

    @Test
    void findSuitableFallback_emptyFreeAreaGivesMinusOne() {
        // find_suitable_fallback: "if (area->nr_free == 0) return -1" -- order 3 holds nothing here.
        ZoneFixture f = new ZoneFixture(B0, 4096).free(B0, 4);
        assertThat(Fallback.findSuitableFallback(f.z, 3, UNMOVABLE, false)).isEqualTo(-1);
    }

    @Test
    void findSuitableFallback_followsTheFallbacksTableOrder() {
        // fallbacks[UNMOVABLE] = {RECLAIMABLE, MOVABLE}; [MOVABLE] = {RECLAIMABLE, UNMOVABLE};
        // [RECLAIMABLE] = {UNMOVABLE, MOVABLE}: the first type with a non-empty list at the order wins.
        ZoneFixture f = new ZoneFixture(B0, 4096).block(B1, RECLAIMABLE).block(0x10400, UNMOVABLE)
                .free(B0, 5).free(B1, 5).free(0x10400, 5);
        assertThat(Fallback.findSuitableFallback(f.z, 5, UNMOVABLE, false)).isEqualTo(RECLAIMABLE);
        assertThat(Fallback.findSuitableFallback(f.z, 5, MOVABLE, false)).isEqualTo(RECLAIMABLE);
        assertThat(Fallback.findSuitableFallback(f.z, 5, RECLAIMABLE, false)).isEqualTo(UNMOVABLE);
    }

    @Test
    void findSuitableFallback_onlyStealableSkipsTypesThatCannotBeStolen() {
        // A movable request at order 2: can_steal_fallback(2, MOVABLE) is false, so with only_stealable the
        // loop returns -1; without it, UNMOVABLE is returned with can_steal false. At order 4 (>= 9/2)
        // can_steal is true.
        ZoneFixture f = new ZoneFixture(B0, 4096).block(B0, UNMOVABLE).free(B0, 2).free(B0 + 16, 4);
        assertThat(Fallback.findSuitableFallback(f.z, 2, MOVABLE, true)).isEqualTo(-1);
        assertThat(Fallback.findSuitableFallback(f.z, 2, MOVABLE, false)).isEqualTo(UNMOVABLE);
        assertThat(Fallback.canStealFallback(f.z, 2, MOVABLE)).isFalse();
        assertThat(Fallback.findSuitableFallback(f.z, 4, MOVABLE, true)).isEqualTo(UNMOVABLE);
        assertThat(Fallback.canStealFallback(f.z, 4, MOVABLE)).isTrue();
    }

    // ---- can_steal_fallback ------------------------------------------------------------------------------

    @Test
    void canStealFallback_rules() {
        ZoneFixture f = new ZoneFixture(B0, 4096);
        // order >= pageblock_order
        assertThat(Fallback.canStealFallback(f.z, 9, MOVABLE)).isTrue();
        // order >= pageblock_order / 2 (= 4)
        assertThat(Fallback.canStealFallback(f.z, 4, MOVABLE)).isTrue();
        assertThat(Fallback.canStealFallback(f.z, 3, MOVABLE)).isFalse();
        // start_mt RECLAIMABLE or UNMOVABLE steals whatever the order
        assertThat(Fallback.canStealFallback(f.z, 0, RECLAIMABLE)).isTrue();
        assertThat(Fallback.canStealFallback(f.z, 0, UNMOVABLE)).isTrue();
        // page_group_by_mobility_disabled
        f.m.setPageGroupByMobilityDisabled(true);
        assertThat(Fallback.canStealFallback(f.z, 0, MOVABLE)).isTrue();
    }

    // ---- __rmqueue_fallback order choice --------------------------------------------------------------------

    @Test
    void rmqueueFallback_takesTheLargestBlockFirst() {
        // Free: order 2 at B0+4 and order 10 at 0x10400 (blocks 2-3), all Movable. An unmovable order-0
        // request walks current_order from 10 down: order 10 has a MOVABLE block and can_steal(10) is true,
        // so it steals 0x10400, not the order-2 block. steal_suitable_fallback: current_order >= 9 ->
        // change_pageblock_range over 2 blocks, then move to UNMOVABLE; __rmqueue_smallest(UNMOVABLE) then
        // splits it and returns its first page.
        ZoneFixture f = new ZoneFixture(B0, 4096).free(B0 + 4, 2).free(0x10400, 10);
        assertThat(f.rmqueue(0, UNMOVABLE, 0)).isEqualTo(0x10400);
        assertThat(f.blockType(0x10400)).isEqualTo(UNMOVABLE);
        assertThat(f.blockType(0x10600)).isEqualTo(UNMOVABLE);
        assertThat(f.blockType(B0)).isEqualTo(MOVABLE);
        assertThat(f.z.freeCount(2, MOVABLE)).isEqualTo(1);
        assertThat(f.z.freeCount(9, UNMOVABLE)).isEqualTo(1);
        assertThat(f.z.freeListHead(9, UNMOVABLE)).isEqualTo(0x10600);
        assertThat(f.m.extfragEvents()).isEqualTo(1);
    }

    @Test
    void rmqueueFallback_movableThatCannotStealTakesTheSmallestBlock() {
        // Block 0 Unmovable with free order 1 at B0+2 and order 3 at B0+8. Movable order-0 request: the
        // largest-first loop finds order 3 (UNMOVABLE) with can_steal(3, MOVABLE) false and 3 > 0, so
        // find_smallest scans up from order 0 and takes the order-1 block; whole_block is false, so only
        // that block moves (single_page) and the pageblock stays Unmovable. boost_watermark refuses: managed
        // (10 pages) < 4 pageblocks. __rmqueue_smallest(MOVABLE) splits it: returns B0+2, B0+3 goes to the
        // Movable order-0 list.
        ZoneFixture f = new ZoneFixture(B0, 4096).block(B0, UNMOVABLE).free(B0 + 2, 1).free(B0 + 8, 3);
        assertThat(f.rmqueue(0, MOVABLE, 0)).isEqualTo(B0 + 2);
        assertThat(f.blockType(B0)).isEqualTo(UNMOVABLE);
        assertThat(f.z.freeCount(3, UNMOVABLE)).isEqualTo(1);
        assertThat(f.z.freeListHead(0, MOVABLE)).isEqualTo(B0 + 3);
        assertThat(f.z.watermarkBoost()).isZero();
    }

    @Test
    void rmqueueFallback_noFragmentRefusesBlocksBelowPageblockOrder() {
        // ALLOC_NOFRAGMENT: "if (order < pageblock_order && alloc_flags & ALLOC_NOFRAGMENT) min_order =
        // pageblock_order" -- only an order-8 Movable block exists, so nothing is stolen; without the flag the
        // order-8 block is stolen (can_steal for UNMOVABLE) and split.
        ZoneFixture f = new ZoneFixture(B0, 4096).free(B0 + 256, 8);
        assertThat(f.rmqueue(0, UNMOVABLE, AllocFlags.ALLOC_NOFRAGMENT)).isEqualTo(-1);
        assertThat(f.z.freeCount(8, MOVABLE)).isEqualTo(1);
        assertThat(f.rmqueue(0, UNMOVABLE, 0)).isEqualTo(B0 + 256);
    }

    @Test
    void getPageFromFreelist_noFragmentPrefersAWholeBlockOfTheLowerZone() {
        // alloc_flags_nofragment: preferred zone Normal and ZONE_DMA32 configured -> ALLOC_NOFRAGMENT on the
        // fast path. Normal holds only an order-8 Movable block, so the first pass fails there and steals a
        // whole order-10 block of DMA32 (zonelist Normal, DMA32): the page comes from DMA32's first block.
        org.mmsim.page.Machine m = TestMachines.dma32Normal(2048, 2048, 1);
        m.setPcpEnabled(false);
        Zone normal = m.zones().get(2);
        // leave Normal with only an order-8 block: allocate the rest as movable pages first
        long nstart = normal.zoneStartPfn();
        normal.node().memMap();
        for (int i = 0; i < 2; i++) {
            assertThat(m.allocPages(Gfp.GFP_HIGHUSER_MOVABLE, 10)).isEqualTo(nstart + i * 1024);
        }
        m.freePages(nstart + 1024, 10);
        long a = m.allocPages(Gfp.GFP_HIGHUSER_MOVABLE, 9);
        long b = m.allocPages(Gfp.GFP_HIGHUSER_MOVABLE, 8);
        assertThat(a).isEqualTo(nstart + 1024);
        assertThat(b).isEqualTo(nstart + 1536);
        assertThat(normal.freeCount(8, MOVABLE)).isEqualTo(1);
        assertThat(PageAllocator.allocFlagsNofragment(m, normal, Gfp.GFP_KERNEL) & AllocFlags.ALLOC_NOFRAGMENT).isNotZero();
        assertThat(PageAllocator.allocFlagsNofragment(m, m.zones().get(1), Gfp.GFP_KERNEL) & AllocFlags.ALLOC_NOFRAGMENT).isZero();
        assertThat(m.allocPages(Gfp.GFP_KERNEL, 0)).isEqualTo(0x1000);
        assertThat(m.zones().get(1).getPageblockMigratetype(0x1000)).isEqualTo(UNMOVABLE);
        assertThat(normal.freeCount(8, MOVABLE)).isEqualTo(1);
    }

    // ---- steal_suitable_fallback ---------------------------------------------------------------------------

    @Test
    void steal_claimsTheBlockWhenFreePlusAlikeReachHalf() {
        // Block 0 Movable: order-7 free at B0+0x80, the other 384 pages not free and not movable.
        // Unmovable request: move_freepages_block -> free 128, movable 0; old type MOVABLE so
        // alike = 512 - (128 + 0) = 384; 128 + 384 >= 256 -> set_pageblock_migratetype(UNMOVABLE).
        ZoneFixture f = new ZoneFixture(B0, 4096).free(B0 + 0x80, 7);
        assertThat(f.rmqueue(0, UNMOVABLE, 0)).isEqualTo(B0 + 0x80);
        assertThat(f.blockType(B0)).isEqualTo(UNMOVABLE);
    }

    @Test
    void steal_movesButDoesNotClaimWhenTheBlockIsMostlyMovable() {
        // As above but the 384 other pages are movable (order 7 at B0, order 8 at B0+0x100): free 128,
        // movable 384, alike = 512 - 512 = 0; 128 < 256 -> no claim. The free block still moved to the
        // Unmovable list (move_freepages_block), so the allocation is served from it.
        ZoneFixture f = new ZoneFixture(B0, 4096).allocated(B0, 7, true).allocated(B0 + 0x100, 8, true)
                .free(B0 + 0x80, 7);
        assertThat(f.rmqueue(0, UNMOVABLE, 0)).isEqualTo(B0 + 0x80);
        assertThat(f.blockType(B0)).isEqualTo(MOVABLE);
        assertThat(f.z.freeCount(6, UNMOVABLE)).isEqualTo(1);
    }

    @Test
    void steal_movableRequestCountsMovablePagesAsAlike() {
        // Unmovable block 0: movable allocations of order 6 at B0 and order 7 at B0+0x80 (192 pages), free
        // order 6 at B0+0x40. Movable request: find_suitable_fallback at order 6 gives UNMOVABLE with
        // can_steal (6 >= 4); alike = movable = 192; 64 + 192 = 256 >= 256 -> block becomes MOVABLE.
        ZoneFixture f = new ZoneFixture(B0, 4096).block(B0, UNMOVABLE).allocated(B0, 6, true)
                .allocated(B0 + 0x80, 7, true).free(B0 + 0x40, 6);
        assertThat(f.rmqueue(0, MOVABLE, 0)).isEqualTo(B0 + 0x40);
        assertThat(f.blockType(B0)).isEqualTo(MOVABLE);
    }

    @Test
    void steal_movableRequestBelowHalfDoesNotClaim() {
        // Same with movable pages order 5 at B0 and order 7 at B0+0x80 (160): 64 + 160 = 224 < 256.
        ZoneFixture f = new ZoneFixture(B0, 4096).block(B0, UNMOVABLE).allocated(B0, 5, true)
                .allocated(B0 + 0x80, 7, true).free(B0 + 0x40, 6);
        assertThat(f.rmqueue(0, MOVABLE, 0)).isEqualTo(B0 + 0x40);
        assertThat(f.blockType(B0)).isEqualTo(UNMOVABLE);
    }

    @Test
    void steal_unmovableFromReclaimableCountsNoAlikePages() {
        // old type RECLAIMABLE, start UNMOVABLE: alike = 0 ("be conservative"), so the order-7 free block
        // (128 < 256) does not claim the block although no page in it is movable.
        ZoneFixture f = new ZoneFixture(B0, 4096).block(B0, RECLAIMABLE).free(B0 + 0x80, 7);
        assertThat(f.rmqueue(0, UNMOVABLE, 0)).isEqualTo(B0 + 0x80);
        assertThat(f.blockType(B0)).isEqualTo(RECLAIMABLE);
        // with 256 free pages (order 8) the same request claims it
        ZoneFixture g = new ZoneFixture(B0, 4096).block(B0, RECLAIMABLE).free(B0 + 0x100, 8);
        assertThat(g.rmqueue(0, UNMOVABLE, 0)).isEqualTo(B0 + 0x100);
        assertThat(g.blockType(B0)).isEqualTo(UNMOVABLE);
    }

    @Test
    void steal_blockCrossingTheZoneEndMovesOnlyTheFoundPage() {
        // Zone [B0, B0+0x300): block 1 ends at 0x103ff, outside the zone, so move_freepages_block returns 0
        // ("moving whole block can fail due to zone boundary conditions") -> single_page; type unchanged.
        ZoneFixture f = new ZoneFixture(B0, 0x300).free(B1, 8);
        assertThat(f.rmqueue(0, UNMOVABLE, 0)).isEqualTo(B1);
        assertThat(f.blockType(B1)).isEqualTo(MOVABLE);
    }

    @Test
    void steal_neverClaimsAHighatomicBlock() {
        // A free block listed as Movable inside a HighAtomic pageblock: "if (is_migrate_highatomic(
        // old_block_type)) goto single_page" -- no boost, no type change, just the block moves.
        ZoneFixture f = new ZoneFixture(B0, 4096).free(B0 + 0x80, 7).block(B0, HIGHATOMIC);
        f.z.setManagedPages(4096);
        f.z.setWatermarks(100, 125, 150);
        assertThat(f.rmqueue(0, UNMOVABLE, 0)).isEqualTo(B0 + 0x80);
        assertThat(f.blockType(B0)).isEqualTo(HIGHATOMIC);
        assertThat(f.z.watermarkBoost()).isZero();
    }

    @Test
    void steal_mobilityDisabledClaimsAnyBlock() {
        // page_group_by_mobility_disabled: free + alike >= 256 "|| page_group_by_mobility_disabled" -- a
        // reclaimable request from a mostly-movable block claims it; set_pageblock_migratetype then stores
        // UNMOVABLE for every pcp type.
        ZoneFixture f = new ZoneFixture(B0, 4096).allocated(B0, 7, true).allocated(B0 + 0x100, 8, true)
                .free(B0 + 0x80, 7);
        f.m.setPageGroupByMobilityDisabled(true);
        assertThat(f.rmqueue(0, RECLAIMABLE, 0)).isEqualTo(B0 + 0x80);
        assertThat(f.blockType(B0)).isEqualTo(UNMOVABLE);
    }

    // ---- boost_watermark -----------------------------------------------------------------------------------

    @Test
    void boostWatermark_rules() {
        ZoneFixture f = new ZoneFixture(B0, 4096);
        Zone z = f.z;
        z.setManagedPages(4096);
        z.setWatermarks(800, 900, 1000);
        // max_boost = mult_frac(1000, 15000, 10000) = 1500; each call adds pageblock_nr_pages, capped.
        assertThat(Fallback.boostWatermark(z)).isTrue();
        assertThat(z.watermarkBoost()).isEqualTo(512);
        Fallback.boostWatermark(z);
        assertThat(z.watermarkBoost()).isEqualTo(1024);
        Fallback.boostWatermark(z);
        assertThat(z.watermarkBoost()).isEqualTo(1500);
        // max_boost below a pageblock is raised to it: high 100 -> 150 -> max(512, 150) = 512
        z.setWatermarkBoost(0);
        z.setWatermarks(80, 90, 100);
        Fallback.boostWatermark(z);
        Fallback.boostWatermark(z);
        assertThat(z.watermarkBoost()).isEqualTo(512);
        // high watermark 0: max_boost 0 -> no boost
        z.setWatermarkBoost(0);
        z.setWatermarks(0, 0, 0);
        assertThat(Fallback.boostWatermark(z)).isFalse();
        // a zone smaller than 4 pageblocks is never boosted
        z.setWatermarks(800, 900, 1000);
        z.setManagedPages(2047);
        assertThat(Fallback.boostWatermark(z)).isFalse();
        // watermark_boost_factor 0 disables boosting
        z.setManagedPages(4096);
        f.m.setWatermarkBoostFactor(0);
        assertThat(Fallback.boostWatermark(z)).isFalse();
        assertThat(z.watermarkBoost()).isZero();
    }

    @Test
    void boostWatermark_fromAStealSetsTheFlagOnlyWithKswapdAndRmqueueWakesKswapd() {
        // steal_suitable_fallback below pageblock order boosts; ZONE_BOOSTED_WATERMARK only with
        // ALLOC_KSWAPD; rmqueue() then clears it and calls wakeup_kswapd(zone, 0, 0, zone_idx).
        ZoneFixture f = new ZoneFixture(B0, 4096).free(B0 + 0x80, 7).free(B1 + 0x80, 7);
        f.z.setManagedPages(4096);
        f.z.setWatermarks(800, 900, 1000);
        f.rmqueue(0, UNMOVABLE, 0);
        assertThat(f.z.watermarkBoost()).isEqualTo(512);
        assertThat(f.z.boostedWatermark()).isFalse();
        int[] wakes = new int[1];
        f.m.setHooks(new SlowPathHooks() {
            @Override
            public void wakeKswapd(Machine m, Zone zone, int gfp, int order, int highestZoneidx) {
                wakes[0]++;
                assertThat(order).isZero();
                assertThat(highestZoneidx).isEqualTo(zone.zoneIdx());
            }
        });
        f.z.lowmemReserve();
        int idx = PageAllocator.rmqueue(f.m, f.z, 9, AllocFlags.ALLOC_KSWAPD | AllocFlags.ALLOC_NO_WATERMARKS, MOVABLE);
        assertThat(idx).isEqualTo(-1);
        // order 9 has nothing; an unmovable order-0 with ALLOC_KSWAPD steals from block 1 and boosts
        idx = PageAllocator.rmqueue(f.m, f.z, 0, AllocFlags.ALLOC_KSWAPD, RECLAIMABLE);
        assertThat(f.z.mm.pfn(idx)).isEqualTo(B1 + 0x80);
        assertThat(f.z.watermarkBoost()).isEqualTo(1024);
        assertThat(f.z.boostedWatermark()).isFalse();
        assertThat(wakes[0]).isEqualTo(1);
    }

    // ---- move_freepages_block ------------------------------------------------------------------------------

    @Test
    void moveFreepagesBlock_movesEveryFreeBlockToTheTailInPfnOrder() {
        // move_freepages walks the block by pfn and list_move_tail()s each buddy: the free list order before
        // (B0+5 then B0+3, boot frees go to the tail) becomes ascending pfn order; it returns the pages moved
        // and counts movable (here: the allocated-movable order-2 block at B0+8, 4 pages).
        ZoneFixture f = new ZoneFixture(B0, 4096).free(B0 + 5, 0).free(B0 + 3, 0).free(B0 + 0x100, 8)
                .allocated(B0 + 8, 2, true);
        assertThat(f.z.freeList(0, MOVABLE)).containsExactly(B0 + 5, B0 + 3);
        long counts = Fallback.moveFreepagesBlockCounting(f.z, f.z.mm.index(B0 + 0x100), UNMOVABLE);
        assertThat(Fallback.freePagesMoved(counts)).isEqualTo(258);
        assertThat(Fallback.movablePagesSeen(counts)).isEqualTo(4);
        assertThat(f.z.freeList(0, UNMOVABLE)).containsExactly(B0 + 3, B0 + 5);
        assertThat(f.z.freeCount(8, UNMOVABLE)).isEqualTo(1);
        assertThat(f.z.freeCount(0, MOVABLE)).isZero();
    }

    @Test
    void moveFreepagesBlock_clipsTheStartToThePageWhenTheBlockStartsBeforeTheZone() {
        // "if (!zone_spans_pfn(zone, start_pfn)) start_pfn = pfn": zone starts at B0+0x100, mid-block; asking
        // for the block of B0+0x180 moves only from B0+0x180 on, leaving B0+0x100's free block where it was.
        ZoneFixture f = new ZoneFixture(B0 + 0x100, 4096 - 0x100).free(B0 + 0x100, 4).free(B0 + 0x180, 4);
        assertThat(Fallback.moveFreepagesBlock(f.z, B0 + 0x180, UNMOVABLE)).isEqualTo(16);
        assertThat(f.z.freeCount(4, MOVABLE)).isEqualTo(1);
        assertThat(f.z.freeListHead(4, MOVABLE)).isEqualTo(B0 + 0x100);
    }

    // ---- highatomic reserve --------------------------------------------------------------------------------

    @Test
    void reserveAndUnreserveHighatomic() {
        // x86_64 DMA32 + Normal; watermarks make the fast path fail (low 5000 > 4096 free) while the slow path
        // passes (GFP_ATOMIC: min 2000 -> ALLOC_HIGH 1000 -> ALLOC_HARDER 750 < 4095).
        Machine m = TestMachines.dma32Normal(0, 4096, 1);
        m.setPcpEnabled(false);
        Zone z = m.zones().get(2);
        long s = z.zoneStartPfn();
        z.setWatermarks(2000, 5000, 6000);
        // rmqueue_buddy: HIGHATOMIC lists empty -> __rmqueue(UNMOVABLE) steals the first order-10 block
        // (2 pageblocks become UNMOVABLE) and splits it; get_page_from_freelist then calls
        // reserve_highatomic_pageblock: limit 4096/100 + 512 = 552 > 0, block UNMOVABLE is mergeable ->
        // reserved 512, block -> HIGHATOMIC, its free blocks (orders 1..8 = 510 pages) move there.
        long p = m.allocPages(Gfp.GFP_ATOMIC, 1);
        assertThat(p).isEqualTo(s);
        assertThat(z.nrReservedHighatomic()).isEqualTo(512);
        assertThat(z.getPageblockMigratetype(s)).isEqualTo(HIGHATOMIC);
        assertThat(z.getPageblockMigratetype(s + 512)).isEqualTo(UNMOVABLE);
        for (int o = 1; o <= 8; o++) {
            assertThat(z.freeCount(o, HIGHATOMIC)).as("order %d", o).isEqualTo(1);
        }
        // second atomic order-1: rmqueue_buddy takes __rmqueue_smallest(HIGHATOMIC) first -> s+2; the block is
        // no longer mergeable, so nothing more is reserved.
        assertThat(m.allocPages(Gfp.GFP_ATOMIC, 1)).isEqualTo(s + 2);
        assertThat(z.nrReservedHighatomic()).isEqualTo(512);
        // unreserve_highatomic_pageblock(force=false) keeps the last pageblock: reserved <= 512 -> skip.
        AllocContext ac = new AllocContext();
        ac.zonelist = m.zonelist(0);
        ac.highestZoneidx = 2;
        ac.migratetype = MOVABLE;
        assertThat(HighAtomic.unreserveHighatomicPageblock(ac, false)).isFalse();
        // force: first HIGHATOMIC free page by ascending order is s+4 (order 2); reserved -= 512; block ->
        // MOVABLE; its free pages (orders 2..8 = 508) move to MOVABLE -> true.
        assertThat(HighAtomic.unreserveHighatomicPageblock(ac, true)).isTrue();
        assertThat(z.nrReservedHighatomic()).isZero();
        assertThat(z.getPageblockMigratetype(s)).isEqualTo(MOVABLE);
        assertThat(z.freeListHead(2, MOVABLE)).isEqualTo(s + 4);
        for (int o = 0; o < 11; o++) {
            assertThat(z.freeCount(o, HIGHATOMIC)).isZero();
        }
    }

    @Test
    void reserveHighatomic_respectsTheOnePercentLimit() {
        // max_managed = managed/100 + pageblock_nr_pages; "if (zone->nr_reserved_highatomic >= max_managed)
        // return" -- at 552 of 552 nothing is reserved.
        ZoneFixture f = new ZoneFixture(B0, 4096).free(B0, 10);
        f.z.setManagedPages(4096);
        f.z.nrReservedHighatomic = 552;
        HighAtomic.reserveHighatomicPageblock(f.z, f.z.mm.index(B0));
        assertThat(f.blockType(B0)).isEqualTo(MOVABLE);
        f.z.nrReservedHighatomic = 551;
        HighAtomic.reserveHighatomicPageblock(f.z, f.z.mm.index(B0));
        assertThat(f.blockType(B0)).isEqualTo(HIGHATOMIC);
        assertThat(f.z.nrReservedHighatomic()).isEqualTo(1063);
    }

    // ---- MIGRATE_ISOLATE -----------------------------------------------------------------------------------

    @Test
    void isolate_movesFreePagesAndStopsMergingAtPageblockOrder() {
        // set_migratetype_isolate: move_freepages_block(ISOLATE) and NR_FREE_PAGES -= moved. __free_one_page at
        // order >= pageblock_order refuses to merge ISOLATE with MOVABLE ("!migratetype_is_mergeable").
        ZoneFixture f = new ZoneFixture(B0, 4096).free(B0, 10);
        long before = f.z.nrFreePages();
        assertThat(f.m.isolatePageblock(B1)).isTrue();
        int iso = f.z.migrateTypes().isolate();
        // the order-10 block sits in block 0 (head) so block 1's isolation finds no buddy head in it
        assertThat(f.z.nrFreePages()).isEqualTo(before);
        ZoneFixture g = new ZoneFixture(B0, 4096).free(B0, 9).block(B1, iso).free(B1, 9);
        assertThat(g.z.freeCount(9, MOVABLE)).isEqualTo(1);
        assertThat(g.z.freeCount(9, iso)).isEqualTo(1);
        assertThat(g.z.freeCount(10, MOVABLE)).isZero();
        assertThat(g.z.nrFreePages()).isEqualTo(512);
        g.m.unisolatePageblock(B1, MOVABLE);
        assertThat(g.z.nrFreePages()).isEqualTo(1024);
    }
}
