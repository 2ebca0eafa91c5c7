package org.fcredirect.storage.api;

import java.util.Arrays;
import java.util.Set;

/** Which streams a read, a replay or a subscription covers: all of them, or a named few. */
public final class StreamFilter {
    private static final StreamFilter ALL = new StreamFilter(Set.of());

    private final Set<String> streams;

    private StreamFilter(Set<String> streams) {
        this.streams = streams;
    }

    /** Every stream: the whole log in sequence order. */
    public static StreamFilter all() {
        return ALL;
    }

    /** @throws StorageException when no stream is named or a name is invalid */
    public static StreamFilter of(String... streams) {
        if (streams == null || streams.length == 0) {
            throw new StorageException("a stream filter needs at least one stream name; use StreamFilter.all() for every stream");
        }
        for (String s : streams) {
            EventRules.checkName("stream", s);
        }
        return new StreamFilter(Set.copyOf(Arrays.asList(streams)));
    }

    public boolean isAll() {
        return streams.isEmpty();
    }

    /** The named streams; empty for {@link #all()}. */
    public Set<String> streams() {
        return streams;
    }

    public boolean matches(String stream) {
        return streams.isEmpty() || streams.contains(stream);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamFilter f && streams.equals(f.streams);
    }

    @Override
    public int hashCode() {
        return streams.hashCode();
    }

    @Override
    public String toString() {
        return isAll() ? "all streams" : "streams " + streams;
    }
}
