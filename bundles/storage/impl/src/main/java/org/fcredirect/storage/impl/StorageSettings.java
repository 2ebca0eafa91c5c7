package org.fcredirect.storage.impl;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import org.fcredirect.storage.api.DurabilityMode;
import org.fcredirect.storage.api.StorageException;

/** Turns a {@link StorageConfig} from ConfigAdmin into checked {@link LogSettings}, or says which key is wrong. */
final class StorageSettings {
    private StorageSettings() {
    }

    /**
     * @param raw the component properties, to quote a value that could not even be converted
     * @param defaultDirectory used when {@code directory} is empty
     * @throws InvalidSettingException naming the first bad key, its value and the rule
     */
    static LogSettings from(StorageConfig config, Map<String, ?> raw, Path defaultDirectory) {
        String dir = read("directory", config::directory, raw, "a path").strip();
        Path directory;
        try {
            directory = dir.isEmpty() ? defaultDirectory : Path.of(dir).normalize();
        } catch (InvalidPathException e) {
            throw new InvalidSettingException("directory", dir, "must be a valid absolute path (" + e.getReason() + ")");
        }
        long segmentSize = read("segmentSizeBytes", config::segmentSizeBytes, raw, "a whole number of bytes");
        String mode = read("durability", config::durability, raw, "one of fsync, batch, none");
        DurabilityMode durability;
        try {
            durability = DurabilityMode.parse(mode);
        } catch (StorageException e) {
            throw new InvalidSettingException("durability", mode, "must be one of fsync, batch, none");
        }
        int maxEvents = read("groupCommitMaxEvents", config::groupCommitMaxEvents, raw, "a whole number");
        long maxMicros = read("groupCommitMaxMicros", config::groupCommitMaxMicros, raw, "a whole number of microseconds");
        return LogSettings.of(directory, segmentSize, durability, maxEvents, maxMicros);
    }

    /** A value the framework could not convert to the attribute's type surfaces as an exception. */
    private static <T> T read(String key, Supplier<T> getter, Map<String, ?> raw, String expected) {
        try {
            T value = getter.get();
            if (value == null) {
                throw new InvalidSettingException(key, null, "must be " + expected);
            }
            return value;
        } catch (InvalidSettingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidSettingException(key, raw.get(key), "must be " + expected);
        }
    }
}
