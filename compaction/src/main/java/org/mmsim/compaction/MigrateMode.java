package org.mmsim.compaction;

/** enum migrate_mode of include/linux/migrate_mode.h 6.1: how hard migration may try (and whether it may block). */
final class MigrateMode {
    /** MIGRATE_ASYNC: never block; direct compaction's first priority. */
    static final int MIGRATE_ASYNC = 0;
    /** MIGRATE_SYNC_LIGHT: may block except on writeback; kcompactd and the later direct priorities. */
    static final int MIGRATE_SYNC_LIGHT = 1;
    /** MIGRATE_SYNC: may block; compact_memory. */
    static final int MIGRATE_SYNC = 2;

    private MigrateMode() {
    }
}
