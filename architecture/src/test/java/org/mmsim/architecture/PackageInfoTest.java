package org.mmsim.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package of main code has a package-info.java saying what it models, the kernel files it follows and its
 * layer. Read from the sources, because a package-info holding only Javadoc compiles to no class file that
 * ArchUnit could see.
 */
class PackageInfoTest {

    /** The repository root: the parent of this module's directory, where Maven runs the tests. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void everyMainPackageHasPackageInfo() throws IOException {
        List<Path> packages = mainPackages();
        assertThat(packages).as("main packages found under " + ROOT).hasSizeGreaterThan(20);
        List<Path> without = packages.stream()
                .filter(dir -> !Files.isRegularFile(dir.resolve("package-info.java")))
                .collect(Collectors.toList());
        assertThat(without).as("packages without package-info.java").isEmpty();
    }

    @Test
    void everyPackageInfoNamesItsKernelSourcesAndLayer() throws IOException {
        for (Path dir : mainPackages()) {
            Path info = dir.resolve("package-info.java");
            if (Files.isRegularFile(info)) {
                String text = Files.readString(info);
                assertThat(text).as(info.toString()).contains("<p>Kernel sources").contains("<p>Layer ");
            }
        }
    }

    /** The directories under any module's src/main/java that hold Java sources other than package-info.java. */
    private static List<Path> mainPackages() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files
                    .filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("package-info.java"))
                    .filter(p -> ROOT.relativize(p).toString().replace('\\', '/').matches("[^/]+/src/main/java/.*"))
                    .map(Path::getParent)
                    .distinct()
                    .sorted()
                    .collect(Collectors.toList());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
