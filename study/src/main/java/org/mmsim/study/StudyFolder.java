package org.mmsim.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.mmsim.arch.InputError;

/**
 * The folder a study writes: the results store {@value #STORE}, {@value #POINTS}/ with each point's run directory
 * ({@code N-VALUES}, N its place in the study, VALUES its axis values made safe and short) and {@value #REPORT}.
 * A point's directory is written aside ({@code .aside-N-VALUES}) and moved into place when complete; the store
 * decides which points are done, so anything else under points/ is what an interrupted start left and is removed.
 */
public final class StudyFolder {
    /** The results store. */
    public static final String STORE = "study.duckdb";
    /** The folder of the points' run directories. */
    public static final String POINTS = "points";
    /** The study report. */
    public static final String REPORT = "report.html";
    private static final String ASIDE = ".aside-";
    private static final int MAX_NAME = 48;

    private final Path dir;

    public StudyFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    public Path store() {
        return dir.resolve(STORE);
    }

    public Path report() {
        return dir.resolve(REPORT);
    }

    /**
     * Creates the folder, or accepts an earlier study folder (one holding {@value #STORE}) or an empty one; anything
     * else is refused before any work. Whether the folder was created now.
     */
    public boolean create() {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw InputError.at(dir, 0, "exists and is not a folder; choose another --out");
            }
            if (!Files.isRegularFile(store()) && !entries(dir).isEmpty()) {
                throw InputError.at(dir, 0, "exists and is not a study folder (it has no " + STORE + "); choose"
                        + " another --out");
            }
            return false;
        }
        try {
            Files.createDirectories(dir);
            return true;
        } catch (IOException e) {
            throw InputError.at(dir, 0, "cannot create the study folder: " + e.getClass().getSimpleName() + " "
                    + e.getMessage());
        }
    }

    /** Opens the store; a store another sweep holds open is refused. */
    public ResultsStore openStore() {
        try {
            return ResultsStore.open(store());
        } catch (SQLException e) {
            String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw InputError.at(store(), 0, m.contains("lock") ? "in use by another process (is another sweep"
                    + " running into this folder?)" : "cannot be opened as a results store: " + m);
        }
    }

    /** Refuses a store holding points this study does not have: it belongs to another study, or an edited one. */
    public void refuseForeignPoints(Set<String> stored, Study study) {
        Set<String> mine = new HashSet<>();
        study.points().forEach(p -> mine.add(p.key()));
        List<String> foreign = stored.stream().filter(k -> !mine.contains(k)).toList();
        if (!foreign.isEmpty()) {
            throw InputError.at(store(), 0, "holds " + foreign.size() + " point(s) that " + study.file()
                    + " does not have (e.g. " + foreign.get(0) + "): it is another study's; choose another --out");
        }
    }

    /** Removes what is under points/ but not a point in {@code stored}: directories set aside or left unstored. */
    public void removeUnfinished(Study study, Set<String> stored) {
        Set<String> keep = new HashSet<>();
        for (int i = 0; i < study.points().size(); i++) {
            if (stored.contains(study.points().get(i).key())) {
                keep.add(pointName(i, study));
            }
        }
        for (Path p : entries(dir.resolve(POINTS))) {
            String name = p.getFileName().toString();
            if (!keep.contains(name) && (name.startsWith(ASIDE) || name.matches("[0-9]+-.*"))) {
                delete(p);
            }
        }
    }

    /** Where point {@code index} is written until complete. */
    public Path aside(int index, Study study) {
        return dir.resolve(POINTS).resolve(ASIDE + pointName(index, study));
    }

    /** The run directory of point {@code index}. */
    public Path pointDir(int index, Study study) {
        return dir.resolve(POINTS).resolve(pointName(index, study));
    }

    /**
     * The directory name of point {@code index}: its number from 1, padded to the study's width, then its axis
     * values joined by '-', each character outside letters, digits, '.', '_' and '-' made '_', cut to a short name.
     */
    static String pointName(int index, Study study) {
        int width = Integer.toString(study.points().size()).length();
        String values = String.join("-", study.points().get(index).axes().values()).replaceAll("[^A-Za-z0-9._-]", "_");
        if (values.length() > MAX_NAME) {
            values = values.substring(0, MAX_NAME);
        }
        return String.format("%0" + width + "d-%s", index + 1, values);
    }

    /** Removes the folder when a first start failed before any point was stored: a mistake leaves nothing. */
    public void removeCreated() {
        delete(dir);
    }

    /** Removes a file or a folder with everything in it. */
    static void delete(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> entries(Path d) {
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return new ArrayList<>(s.sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
