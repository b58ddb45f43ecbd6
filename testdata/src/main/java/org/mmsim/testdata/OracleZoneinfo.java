package org.mmsim.testdata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The per-zone size and watermark fields of a real /proc/zoneinfo, read for boot tests. */
public record OracleZoneinfo(int nid, String zone, long spanned, long present, long managed, long startPfn, long min,
        long low, long high, long[] protection, int pcpHigh, int pcpBatch, int statThreshold) {

    private static final Pattern HEADER = Pattern.compile("^Node (\\d+), zone\\s+(\\S+)$");

    public static List<OracleZoneinfo> read(Path file) throws Exception {
        List<OracleZoneinfo> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = HEADER.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            long spanned = 0, present = 0, managed = 0, start = 0, min = 0, low = 0, high = 0;
            long[] prot = null;
            int pcpHigh = -1, pcpBatch = -1, threshold = -1;
            int j = i + 1;
            for (; j < lines.size() && !lines.get(j).startsWith("Node "); j++) {
                String[] w = lines.get(j).trim().split("\\s+");
                switch (w[0]) {
                    case "spanned": spanned = Long.parseLong(w[1]); break;
                    case "present": present = Long.parseLong(w[1]); break;
                    case "managed": managed = Long.parseLong(w[1]); break;
                    case "min": min = Long.parseLong(w[1]); break;
                    case "low": low = Long.parseLong(w[1]); break;
                    case "high:": if (pcpHigh < 0) { pcpHigh = Integer.parseInt(w[1]); } break;
                    case "high": high = Long.parseLong(w[1]); break;
                    case "batch:": if (pcpBatch < 0) { pcpBatch = Integer.parseInt(w[1]); } break;
                    case "start_pfn:": start = Long.parseLong(w[1]); break;
                    case "vm":
                        threshold = Integer.parseInt(w[w.length - 1]);
                        break;
                    case "protection:": {
                        String inner = lines.get(j).substring(lines.get(j).indexOf('(') + 1, lines.get(j).indexOf(')'));
                        String[] parts = inner.split(",\\s*");
                        prot = new long[parts.length];
                        for (int k = 0; k < parts.length; k++) {
                            prot[k] = Long.parseLong(parts[k].trim());
                        }
                        break;
                    }
                    default:
                        break;
                }
            }
            out.add(new OracleZoneinfo(Integer.parseInt(m.group(1)), m.group(2), spanned, present, managed, start, min,
                    low, high, prot, pcpHigh, pcpBatch, threshold));
            i = j - 1;
        }
        return out;
    }
}
