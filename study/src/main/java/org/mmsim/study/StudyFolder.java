package org.mmsim.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.mmsim.arch.InputError;
import org.mmsim.report.RunOutput;

/**
 * The folder a study writes: the results store {@value #STORE}, {@value #POINTS}/ with each point's run directory
 * ({@code N-VALUES}, N its place in the study, VALUES its axis values made safe and short) and {@value #REPORT}.
 * A point's directory is written aside ({@code .aside-N-VALUES}), marked with its key ({@value #KEY_FILE}) and
 * moved into place when complete; the store decides which points are done, so anything else under points/ is what
 * an interrupted start left and is removed.
 */
public final class StudyFolder {
    /** The results store. */
    public static final String STORE = "study.duckdb";
    /** The folder of the points' run directories. */
    public static final String POINTS = "points";
    /** The study report. */
    public static final String REPORT = "report.html";
    /** The file in a point's directory naming its key, so that an edited study finds its stored points again. */
    public static final String KEY_FILE = "point-key.txt";
    private static final String ASIDE = ".aside-";
    private static final String MOVING = ".moving-";
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

    /**
     * Puts points/ in order for {@code study} with the points {@code stored}: a stored point's directory (known by
     * its {@value #KEY_FILE}) is renamed to its place in this study, which an edited study may have moved;
     * directories set aside, or of points not stored, are what an interrupted start left and are removed.
     * Entries that are not a point's are left alone.
     */
    public void tidy(Study study, Set<String> stored) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < study.points().size(); i++) {
            index.put(study.points().get(i).key(), i);
        }
        Path points = dir.resolve(POINTS);
        List<Path> parked = new ArrayList<>();
        for (Path p : entries(points)) {
            String name = p.getFileName().toString();
            if (name.startsWith(ASIDE)) {
                delete(p);
                continue;
            }
            if (!name.startsWith(MOVING) && !name.matches("[0-9]+-.*")) {
                continue;
            }
            String key = keyOf(p);
            Integer i = key != null && stored.contains(key) ? index.get(key) : null;
            if (i == null) {
                delete(p);
            } else if (!name.equals(pointName(i, study))) {
                parked.add(move(p, points.resolve(MOVING + pointName(i, study))));
            }
        }
        for (Path p : parked) {
            move(p, points.resolve(p.getFileName().toString().substring(MOVING.length())));
        }
    }

    /** Marks a complete point's directory with its key, before it is moved into place. */
    static void markKey(Path pointDir, StudyPoint point) throws IOException {
        Files.writeString(pointDir.resolve(KEY_FILE), point.key() + "\n", StandardCharsets.UTF_8);
    }

    private static String keyOf(Path pointDir) {
        Path f = pointDir.resolve(KEY_FILE);
        try {
            return Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path move(Path from, Path to) {
        try {
            return Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        try {
            RunOutput.deleteTree(p);
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
