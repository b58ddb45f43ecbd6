package org.mmsim.boot.memblock;

/**
 * Models __memblock_dump_all() and memblock_dump() (mm/memblock.c): the "MEMBLOCK configuration:" block
 * that {@code memblock=debug} prints to the kernel log, without the log's timestamps. The node appears
 * only with CONFIG_NUMA and for regions on a real node (not MAX_NUMNODES).
 */
public final class MemblockDump {

    private MemblockDump() {
    }

    /** The lines of __memblock_dump_all(), each ending in '\n'. */
    public static String dumpAll(Memblock memblock) {
        MemblockConfig config = memblock.config();
        StringBuilder sb = new StringBuilder();
        sb.append("MEMBLOCK configuration:\n");
        sb.append(" memory size = ");
        MemblockDebugfs.appendPa(sb, memblock.memory().totalSize(), config.physAddrBytes());
        sb.append(" reserved size = ");
        MemblockDebugfs.appendPa(sb, memblock.reserved().totalSize(), config.physAddrBytes());
        sb.append('\n');
        dump(sb, memblock.memory(), config);
        dump(sb, memblock.reserved(), config);
        return sb.toString();
    }

    /** memblock_dump() of one type. */
    static void dump(StringBuilder sb, MemblockType type, MemblockConfig config) {
        sb.append(' ').append(type.name()).append(".cnt  = 0x").append(Long.toHexString(type.cnt())).append('\n');
        for (int i = 0; i < type.cnt(); i++) {
            long base = type.base[i];
            long size = type.size[i];
            sb.append(' ').append(type.name()).append("[0x").append(Integer.toHexString(i)).append("]\t[");
            MemblockDebugfs.appendPa(sb, base, config.physAddrBytes());
            sb.append('-');
            MemblockDebugfs.appendPa(sb, base + size - 1, config.physAddrBytes());
            sb.append("], ");
            MemblockDebugfs.appendPa(sb, size, config.physAddrBytes());
            sb.append(" bytes");
            if (config.numa() && type.nid[i] != config.maxNumNodes()) {
                sb.append(" on node ").append(type.nid[i]);
            }
            sb.append(" flags: 0x").append(Integer.toHexString(type.flags[i])).append('\n');
        }
    }
}
