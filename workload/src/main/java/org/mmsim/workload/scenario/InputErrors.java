package org.mmsim.workload.scenario;

import org.mmsim.arch.InputError;
import org.mmsim.boot.spec.YamlNode;

/** Errors at a given line of the file a YAML node came from. */
final class InputErrors {
    private InputErrors() {
    }

    static InputError at(YamlNode n, int line, String problem) {
        return InputError.at(n.file(), line, problem);
    }
}
