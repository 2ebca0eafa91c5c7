package org.fcredirect.bench.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Scratch directories for benchmark logs: under {@code java.io.tmpdir}, or {@code fcr.bench.dir}
 * (pass it to the forked JVM: {@code -jvmArgsAppend -Dfcr.bench.dir=/some/disk}).
 */
final class BenchDirs {
    private BenchDirs() {
    }

    static Path create(String prefix) {
        try {
            Path base = Path.of(System.getProperty("fcr.bench.dir", System.getProperty("java.io.tmpdir")));
            Files.createDirectories(base);
            return Files.createTempDirectory(base.toAbsolutePath(), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
