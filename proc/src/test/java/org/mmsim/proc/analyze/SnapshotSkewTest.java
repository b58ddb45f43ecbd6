package org.mmsim.proc.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mmsim.proc.BuddyInfo;
import org.mmsim.proc.BuddyInfoFormat;
import org.mmsim.proc.PageTypeInfo;
import org.mmsim.proc.PageTypeInfoFormat;
import org.mmsim.testdata.Oracle;

/**
 * On a live machine the free lists change between two reads. The x86_64-4G-frag oracle shows it right after
 * boot: buddyinfo says 2 free order-1 blocks in Normal, the pagetypeinfo read just after sums its migratetype
 * lists to 3 (1 Unmovable + 1 Movable + 1 Reclaimable). The x86_64-4G oracle's two files agree.
 */
class SnapshotSkewTest {
    private static String skew(String oracleCase) {
        BuddyInfo b = BuddyInfoFormat.parse("buddyinfo", Oracle.read(oracleCase, "buddyinfo"));
        PageTypeInfo p = PageTypeInfoFormat.parse("pagetypeinfo", Oracle.read(oracleCase, "pagetypeinfo"));
        return FragmentationDiagnosis.snapshotSkew(b, p);
    }

    @Test
    void theFragCaseWasReadWhileItsFreeListsChanged() {
        assertThat(skew("x86_64-4G-frag")).isNotNull()
                .contains("Normal at order 1 buddyinfo shows 2 free blocks and pagetypeinfo 3");
    }

    @Test
    void consistentFilesGetNoNote() {
        assertThat(skew("x86_64-4G")).isNull();
        assertThat(skew("x86_64-4G-numa2")).isNull();
    }
}
