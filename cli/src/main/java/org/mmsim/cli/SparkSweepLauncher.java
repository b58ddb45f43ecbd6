package org.mmsim.cli;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mmsim.arch.InputError;

/**
 * {@code mmsim sweep STUDY.yaml --spark MASTER_URL}: the study run as a Spark job by the spark module's
 * {@code org.mmsim.spark.SparkSweepMain} in a JVM of its own, so that the command line never loads Spark. The module
 * is built in the source tree mmsim.jar came from ({@code mvn -q -DskipTests -pl spark -am package}, when absent or
 * older than a source), which leaves its runtime classpath in {@code spark/target/classpath.txt} and Spark's JVM
 * options in {@code jvm-options.txt} beside its classes; the child runs with them, plus MMSIM_JAVA_OPTS, and its exit
 * status is the command's.
 */
public final class SparkSweepLauncher {
    /** The Spark job's main class. */
    static final String MAIN = "org.mmsim.spark.SparkSweepMain";
    /** Spark's JVM options as the module's build leaves them. */
    private static final String OPTIONS = "spark/target/classes/org/mmsim/spark/jvm-options.txt";

    private SparkSweepLauncher() {
    }

    /** Runs {@code study} on the Spark master {@code master} with results in {@code out}; the job's exit status. */
    public static int run(Path study, Path out, String master) {
        Path repo = repository(codeLocation());
        try {
            if (stale(repo)) {
                int built = build(repo);
                if (built != 0) {
                    System.err.println("mmsim: building the Spark module failed (mvn exit status " + built + ")");
                    return built;
                }
            }
            Process job = new ProcessBuilder(command(repo, study, out, master)).inheritIO().start();
            Thread stop = new Thread(job::destroy);
            Runtime.getRuntime().addShutdownHook(stop);
            int status = job.waitFor();
            Runtime.getRuntime().removeShutdownHook(stop);
            return status;
        } catch (IOException e) {
            System.err.println("mmsim: --spark: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /**
     * The source tree holding the code at {@code location} ({@code cli/target/mmsim.jar} or
     * {@code cli/target/classes}); a one-line error when it has no spark module.
     */
    static Path repository(Path location) {
        Path repo = location.toAbsolutePath().getParent().getParent().getParent();
        if (!Files.isRegularFile(repo.resolve("spark/pom.xml"))) {
            throw new InputError("--spark: runs the spark module of mmsim's source tree, and " + location
                    + " is not in one (on a cluster, submit the module's job with spark-submit: see the README)");
        }
        return repo;
    }

    /** The child JVM's command line: Spark's JVM options, the module's classpath, the main class and its arguments. */
    static List<String> command(Path repo, Path study, Path out, String master) throws IOException {
        Path target = repo.resolve("spark/target");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(words(Files.readString(repo.resolve(OPTIONS))));
        command.addAll(words(System.getenv().getOrDefault("MMSIM_JAVA_OPTS", "")));
        command.add("-cp");
        command.add(target.resolve("classes") + File.pathSeparator
                + Files.readString(target.resolve("classpath.txt")).strip());
        command.addAll(List.of(MAIN, study.toString(), "--out", out.toString(), "--master", master));
        return command;
    }

    /** Whether the module needs building: not built yet, or a source, resource or pom newer than its build. */
    static boolean stale(Path repo) throws IOException {
        Path built = repo.resolve("spark/target/classpath.txt");
        if (!Files.isRegularFile(built) || !Files.isRegularFile(repo.resolve(OPTIONS))) {
            return true;
        }
        FileTime when = Files.getLastModifiedTime(built);
        boolean[] newer = {false};
        Files.walkFileTree(repo, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skip = !dir.equals(repo) && (name.equals("target") || name.startsWith(".")
                        || dir.equals(repo.resolve("testdata")));
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                boolean source = name.endsWith(".java") || name.equals("pom.xml")
                        || file.toString().contains("/src/main/resources/");
                newer[0] = source && attrs.lastModifiedTime().compareTo(when) > 0;
                return newer[0] ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }
        });
        return newer[0];
    }

    private static int build(Path repo) throws IOException, InterruptedException {
        System.err.println("mmsim: building the Spark module (first use or changed sources)...");
        Process mvn = new ProcessBuilder("mvn", "-q", "-DskipTests", "-pl", "spark", "-am", "package")
                .directory(repo.toFile()).redirectErrorStream(true).start();
        mvn.getInputStream().transferTo(System.err);
        return mvn.waitFor();
    }

    private static List<String> words(String line) {
        return Arrays.stream(line.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    private static Path codeLocation() {
        try {
            return Path.of(SparkSweepLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
