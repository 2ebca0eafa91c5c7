package org.fcredirect.storage.api;

import java.util.List;
import java.util.regex.Pattern;

/** The limits every event log enforces on its input, whatever the backend. */
public final class EventRules {

    /** Stream and event type names: a lower-case letter, then up to 63 of {@code a-z 0-9 . _ -}. */
    public static final String NAME_RULE = "[a-z][a-z0-9._-]{0,63}";

    /** The longest name {@link #NAME_RULE} allows. */
    public static final int MAX_NAME_LENGTH = 64;

    /** Largest event payload: 1 MiB. Bigger state belongs in a snapshot. */
    public static final int MAX_PAYLOAD_BYTES = 1 << 20;

    /** Largest snapshot: 256 MiB. */
    public static final int MAX_SNAPSHOT_BYTES = 256 << 20;

    /** Most events in one {@link EventLog#appendAll} call (they are stored atomically, as one write). */
    public static final int MAX_EVENTS_PER_APPEND = 65_535;

    private static final Pattern NAME = Pattern.compile(NAME_RULE);

    private EventRules() {
    }

    /**
     * @param what what the name is for, e.g. "stream" or "event type"
     * @return name, when it follows {@link #NAME_RULE}
     * @throws StorageException naming the value and the rule otherwise
     */
    public static String checkName(String what, String name) {
        if (name == null) {
            throw new StorageException(what + " name is missing (null); it must match " + NAME_RULE);
        }
        if (!NAME.matcher(name).matches()) {
            throw new StorageException(what + " name '" + abbreviate(name) + "' does not match " + NAME_RULE);
        }
        return name;
    }

    /** @throws StorageException when a sequence number is negative */
    public static long checkSequence(String what, long sequence) {
        if (sequence < 0) {
            throw new StorageException(what + " " + sequence + " is negative; sequence numbers start at 1");
        }
        return sequence;
    }

    /**
     * The checks every backend's {@link EventLog#appendAll} makes before it stores anything; a
     * backend adds its own limit on the bytes one call may take.
     *
     * @return events, when it holds 1 to {@link #MAX_EVENTS_PER_APPEND} events and no null
     * @throws StorageException naming the first rule broken otherwise
     */
    public static List<NewEvent> checkAppendAll(List<NewEvent> events) {
        if (events == null || events.isEmpty()) {
            throw new StorageException("appendAll needs at least one event");
        }
        if (events.size() > MAX_EVENTS_PER_APPEND) {
            throw new StorageException("appendAll of " + events.size() + " events is more than the "
                    + MAX_EVENTS_PER_APPEND + " one call may store; split it");
        }
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) == null) {
                throw new StorageException("appendAll: event " + i + " of " + events.size() + " is null");
            }
        }
        return events;
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
