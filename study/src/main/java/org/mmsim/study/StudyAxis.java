package org.mmsim.study;

import java.util.List;

/**
 * One axis of a study as its file gives it: a name (a setting {@code --set} takes, {@code seed} for repetitions or
 * {@code scenario} for the scenario run), the line of its key, and its values in the file's order, each with the
 * line it is on, so that a value found wrong is named where it is written.
 */
record StudyAxis(String name, int line, List<Value> values) {
    /** The axis whose values are seeds: repetitions of the same run with other random choices. */
    static final String SEED = "seed";
    /** The axis whose values are scenarios: built-in names or scenario files. */
    static final String SCENARIO = "scenario";

    /** One value: its canonical text (as it goes into a point key) and its line. */
    record Value(String text, int line) {
    }

    /** Whether the values are settings, {@code NAME=VALUE} over each point's run. */
    boolean isSetting() {
        return !name.equals(SEED) && !name.equals(SCENARIO);
    }

    /** The value whose canonical text is {@code text}, or null. */
    Value value(String text) {
        for (Value v : values) {
            if (v.text().equals(text)) {
                return v;
            }
        }
        return null;
    }
}
