package org.fcredirect.flow.api;

/** A flow's identity: a positive number, assigned in increasing order at creation and never reused. */
public record FlowId(long value) implements Comparable<FlowId> {

    public FlowId {
        if (value <= 0) {
            throw new ValidationException("flow id", value, "must be a positive number");
        }
    }

    public static FlowId of(long value) {
        return new FlowId(value);
    }

    /** Parses a decimal id. */
    public static FlowId parse(String text) {
        String s = text == null ? "" : text.strip();
        try {
            return new FlowId(Long.parseLong(s));
        } catch (NumberFormatException e) {
            throw new ValidationException("flow id", text, "must be a positive decimal number");
        }
    }

    @Override
    public int compareTo(FlowId o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
