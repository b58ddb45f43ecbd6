package org.mmsim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.mmsim.arch.InputError;

/**
 * The output directory of a run, built in a temporary sibling and moved into place only when the run succeeds,
 * so that a failed run leaves nothing behind. An existing earlier output (it holds summary.json) is replaced;
 * any other existing path is refused.
 */
public final class RunOutput implements AutoCloseable {
    private final Path target;
    private final Path work;
    private boolean committed;

    private RunOutput(Path target, Path work) {
        this.target = target;
        this.work = work;
    }

    /** Checks the target and creates the temporary directory beside it. */
    public static RunOutput create(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        checkReplaceable(abs);
        try {
            Path parent = abs.getParent();
            Files.createDirectories(parent);
            return new RunOutput(abs, Files.createTempDirectory(parent, "." + abs.getFileName() + ".tmp-"));
        } catch (IOException e) {
            throw InputError.at(abs, 0, "cannot create the output directory: " + e.getMessage());
        }
    }

    private static void checkReplaceable(Path abs) {
        if (Files.exists(abs) && !(Files.isDirectory(abs) && Files.isRegularFile(abs.resolve("summary.json")))) {
            throw InputError.at(abs, 0, "exists and is not an earlier mmsim output directory; choose another --out");
        }
    }

    /** Where the run writes. */
    public Path dir() {
        return work;
    }

    /** Moves the finished output into place, replacing an earlier one. */
    public void commit() {
        checkReplaceable(target);
        try {
            if (Files.exists(target)) {
                delete(target);
            }
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the temporary directory unless the output was committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                delete(work);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void delete(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
