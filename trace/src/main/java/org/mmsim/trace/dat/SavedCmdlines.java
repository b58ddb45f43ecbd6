package org.mmsim.trace.dat;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The task names trace-cmd saved from saved_cmdlines ("PID COMM" a line), looked up by pid without an object per
 * look-up. As trace-cmd report prints them: pid 0 is {@code <idle>}, a pid not saved is {@code <...>}.
 */
final class SavedCmdlines {
    static final String IDLE = "<idle>";
    static final String UNKNOWN = "<...>";
    private final int[] pids;
    private final String[] comms;

    private SavedCmdlines(int[] pids, String[] comms) {
        this.pids = pids;
        this.comms = comms;
    }

    static SavedCmdlines parse(String text) {
        Map<Integer, String> byPid = new TreeMap<>();
        for (String line : text.split("\n")) {
            String t = line.trim();
            int space = t.indexOf(' ');
            if (space <= 0) {
                continue;
            }
            try {
                byPid.put(Integer.parseInt(t.substring(0, space)), t.substring(space + 1).trim());
            } catch (NumberFormatException e) {
                continue;
            }
        }
        int[] pids = new int[byPid.size()];
        String[] comms = new String[byPid.size()];
        int i = 0;
        for (Map.Entry<Integer, String> e : byPid.entrySet()) {
            pids[i] = e.getKey();
            comms[i] = e.getValue();
            i++;
        }
        return new SavedCmdlines(pids, comms);
    }

    static SavedCmdlines none() {
        return new SavedCmdlines(new int[0], new String[0]);
    }

    String comm(int pid) {
        if (pid == 0) {
            return IDLE;
        }
        int at = Arrays.binarySearch(pids, pid);
        return at >= 0 ? comms[at] : UNKNOWN;
    }
}
