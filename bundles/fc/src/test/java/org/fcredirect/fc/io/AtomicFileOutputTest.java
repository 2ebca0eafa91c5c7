package org.fcredirect.fc.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileOutputTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void write(AtomicFileOutput file, String text) throws IOException {
        file.stream().write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeWhole(Path target, boolean replace, String text) throws IOException {
        try (AtomicFileOutput file = AtomicFileOutput.create(target, replace)) {
            write(file, text);
            file.commit();
        }
    }

    @Test
    void theTargetAppearsWholeOnCommitAndOnlyThen() throws IOException {
        Path target = dir.resolve("flows.csv");
        try (AtomicFileOutput file = AtomicFileOutput.create(target, false)) {
            write(file, "a,b\n");
            file.stream().close();
            assertTrue(Files.notExists(target), "nothing in place before the commit");
            file.commit();
        }
        assertEquals("a,b\n", Files.readString(target));
        assertEquals(List.of("flows.csv"), names());
    }

    @Test
    void aFailureLeavesTheOldTargetAndNoTemporary() throws IOException {
        Path target = dir.resolve("flows.csv");
        Files.writeString(target, "old");
        Files.writeString(dir.resolve("flows.csv.tmp"), "a file of the operator's");
        assertThrows(IllegalStateException.class, () -> {
            try (AtomicFileOutput file = AtomicFileOutput.create(target, true)) {
                write(file, "half of the new");
                throw new IllegalStateException("the export failed");
            }
        });
        assertEquals("old", Files.readString(target));
        assertEquals("a file of the operator's", Files.readString(dir.resolve("flows.csv.tmp")));
        assertEquals(List.of("flows.csv", "flows.csv.tmp"), names());
    }

    @Test
    void anExistingTargetIsReplacedOnlyWhenAsked() throws IOException {
        Path target = dir.resolve("out.pcap");
        Files.writeString(target, "old");
        assertThrows(FileAlreadyExistsException.class, () -> AtomicFileOutput.create(target, false));
        writeWhole(target, true, "new");
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("out.pcap"), names());
    }

    @Test
    void aTargetThatAppearsDuringTheWriteIsKept() throws IOException {
        Path target = dir.resolve("out.pcap");
        try (AtomicFileOutput file = AtomicFileOutput.create(target, false)) {
            write(file, "new");
            Files.writeString(target, "someone else's");
            assertThrows(FileAlreadyExistsException.class, file::commit);
        }
        assertEquals("someone else's", Files.readString(target));
        assertEquals(List.of("out.pcap"), names());
    }

    @Test
    void aMissingDirectoryIsNamed() {
        Path target = dir.resolve("none").resolve("flows.csv");
        IOException e = assertThrows(IOException.class, () -> AtomicFileOutput.create(target, true));
        assertEquals("cannot write " + target + ": its directory does not exist", e.getMessage());
    }
}
