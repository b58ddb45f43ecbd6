package org.mmsim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.mmsim.arch.InputError;

/**
 * The output directory of a run, built in a temporary sibling and moved into place only when the run succeeds,
 * so that a failed or interrupted run leaves nothing behind: not the temporary directory, nor the parent folders
 * it had to create. An existing earlier output (it holds summary.json) is replaced only once the new one is
 * complete; any other existing path, a path under a regular file, or a folder that cannot be written is refused.
 */
public final class RunOutput implements AutoCloseable {
    private final Path target;
    private final Path work;
    private final List<Path> createdParents;
    private boolean committed;

    private RunOutput(Path target, Path work, List<Path> createdParents) {
        this.target = target;
        this.work = work;
        this.createdParents = createdParents;
    }

    /** Checks the target and creates the temporary directory beside it, and the missing folders above it. */
    public static RunOutput create(Path target) {
        Path abs = check(target);
        Path parent = abs.getParent();
        List<Path> created = new ArrayList<>();
        try {
            for (Path p = parent; !Files.exists(p); p = p.getParent()) {
                created.add(0, p);
            }
            for (Path p : created) {
                Files.createDirectory(p);
            }
            return new RunOutput(abs, Files.createTempDirectory(parent, "." + abs.getFileName() + ".tmp-"), created);
        } catch (IOException e) {
            deleteCreated(created);
            throw InputError.at(abs, 0, WriteFailure.in(parent, e));
        }
    }

    /**
     * Refuses, before any work is done, an output path that cannot become the run's output directory: an existing
     * path that is not an earlier output directory, or a path below something that is not a folder. Returns the
     * absolute path.
     */
    public static Path check(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getParent() == null) {
            throw InputError.at(abs, 0, "cannot be an output directory; choose another --out");
        }
        checkReplaceable(abs);
        Path existing = abs.getParent();
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (!Files.isDirectory(existing)) {
            throw InputError.at(abs, 0, "cannot create the output directory: " + existing + " is not a directory");
        }
        if (!Files.isWritable(existing)) {
            throw InputError.at(abs, 0, "cannot create the output directory: permission denied in " + existing);
        }
        return abs;
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

    /**
     * Moves the finished output into place. An earlier output is first moved aside and removed only once the new
     * one is in place, so that at every moment one complete output exists.
     */
    public void commit() {
        checkReplaceable(target);
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = work.resolveSibling(work.getFileName().toString().replace(".tmp-", ".old-"));
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (old != null) {
                    Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                }
                throw e;
            }
            committed = true;
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the temporary directory and the folders created for it unless the output was committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                deleteTree(work);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            deleteCreated(createdParents);
        }
    }

    /** Removes the folders created above the output, deepest first, as long as they are empty. */
    private static void deleteCreated(List<Path> created) {
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(created.get(i));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Removes a file, or a folder with everything in it; nothing when {@code p} does not exist. */
    public static void deleteTree(Path p) throws IOException {
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
