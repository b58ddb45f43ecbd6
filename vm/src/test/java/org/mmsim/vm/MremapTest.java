package org.mmsim.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mremap move cases of 6.1 tools/testing/selftests/vm/mremap_test.c (test_cases[0..12], same names):
 * three expected failures (EINVAL) and moves between source and destination alignments, checking as the
 * selftest does that the first threshold_mb (4 MiB default) of data arrive unchanged; here "data" is the
 * physical page mapped at each offset. THP is 'always', so PMD-aligned sources are faulted as huge pages
 * and must be split or moved whole as move_page_tables() decides.
 */
class MremapTest {
    static final long PTE = 4096;
    static final long MB = 1L << 20;
    static final long PMD = 2 * MB;
    static final long PUD = 1L << 30;
    static final long THRESHOLD = 4 * MB;

    static Stream<Arguments> cases() {
        return Stream.of(
            Arguments.of("mremap - Source and Destination Regions Overlapping", PTE, PTE, PTE, true, true),
            Arguments.of("mremap - Destination Address Misaligned (1KB-aligned)", PTE, PTE / 4, PTE, false, true),
            Arguments.of("mremap - Source Address Misaligned (1KB-aligned)", PTE / 4, PTE, PTE, false, true),
            Arguments.of("8KB mremap - Source PTE-aligned, Destination PTE-aligned", PTE, PTE, 2 * PTE, false, false),
            Arguments.of("2MB mremap - Source 1MB-aligned, Destination PTE-aligned", MB, PTE, 2 * MB, false, false),
            Arguments.of("2MB mremap - Source 1MB-aligned, Destination 1MB-aligned", MB, MB, 2 * MB, false, false),
            Arguments.of("4MB mremap - Source PMD-aligned, Destination PTE-aligned", PMD, PTE, 4 * MB, false, false),
            Arguments.of("4MB mremap - Source PMD-aligned, Destination 1MB-aligned", PMD, MB, 4 * MB, false, false),
            Arguments.of("4MB mremap - Source PMD-aligned, Destination PMD-aligned", PMD, PMD, 4 * MB, false, false),
            Arguments.of("2GB mremap - Source PUD-aligned, Destination PTE-aligned", PUD, PTE, 2 * PUD, false, false),
            Arguments.of("2GB mremap - Source PUD-aligned, Destination 1MB-aligned", PUD, MB, 2 * PUD, false, false),
            Arguments.of("2GB mremap - Source PUD-aligned, Destination PMD-aligned", PUD, PMD, 2 * PUD, false, false),
            Arguments.of("2GB mremap - Source PUD-aligned, Destination PUD-aligned", PUD, PUD, 2 * PUD, false, false));
    }

    /** An address aligned to align but not to 2*align (the selftest's get_source_mapping() idea). */
    static long alignedAt(long base, long align) {
        return base + align;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mremap_test(String name, long srcAlign, long destAlign, long size, boolean overlapping, boolean fail) {
        VmSystem sys = VmSystem.simple(Paging.X86_64, 1 << 15);
        Mm mm = sys.newProcess().mm();
        long src = alignedAt(0x100000000000L, Math.max(srcAlign, PTE));
        long mapped = mm.mmap(src, size, Mman.PROT_READ | Mman.PROT_WRITE,
                Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED, null, 0);
        assertThat(mapped).isEqualTo(src);
        long srcAddr = src + (srcAlign < PTE ? srcAlign : 0);
        long dest = overlapping ? src + size / 2 : alignedAt(0x200000000000L, Math.max(destAlign, PTE))
                + (destAlign < PTE ? destAlign : 0);
        long threshold = Math.min(size, THRESHOLD);
        long[] pfns = new long[(int) (threshold / PTE)];
        for (int i = 0; i < pfns.length; i++) {
            assertThat(mm.touch(src + i * PTE, true)).isZero();
            pfns[i] = mm.pfnAt(src + i * PTE);
        }
        long rss = mm.rss();
        long ret = mm.mremap(srcAddr, size, size, Mman.MREMAP_MAYMOVE | Mman.MREMAP_FIXED, dest);
        if (fail) {
            assertThat(ret).isEqualTo(Mman.EINVAL);
            return;
        }
        assertThat(ret).isEqualTo(dest);
        for (int i = 0; i < pfns.length; i++) {
            assertThat(mm.pfnAt(dest + i * PTE)).as("page %d", i).isEqualTo(pfns[i]);
        }
        assertThat(mm.vmaLookup(src)).isNull();
        assertThat(mm.pfnAt(src)).isEqualTo(-1);
        assertThat(mm.rss()).isEqualTo(rss);
        assertThat(mm.mapCount()).isEqualTo(1);
        assertThat(mm.vmas().get(0).start()).isEqualTo(dest);
        assertThat(mm.vmas().get(0).end()).isEqualTo(dest + size);
    }

    /**
     * mremap() to the same size in place (6.1 mm/mremap.c: old_len >= new_len runs do_mas_munmap() of a zero
     * length, whose -EINVAL is ignored because old_len == new_len) returns addr and leaves the VMA whole. Found by
     * VmaOpsPropertiesTest: a zero-length unmap used to split the VMA at addr + new_len.
     */
    @org.junit.jupiter.api.Test
    void mremapToTheSameSizeChangesNothing() {
        Mm mm = VmSystem.simple(Paging.X86_64, 1 << 12).newProcess().mm();
        long a = mm.mmap(0x10000000L, 8 * PTE, Mman.PROT_READ | Mman.PROT_WRITE,
                Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED, null, 0);
        assertThat(mm.mremap(a, 7 * PTE, 7 * PTE, Mman.MREMAP_MAYMOVE, 0)).isEqualTo(a);
        assertThat(mm.vmas()).hasSize(1);
    }
}
