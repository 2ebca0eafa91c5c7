package org.fcredirect.json;

/**
 * How much a {@link JsonReader} accepts: operator files and stored payloads are read whole, so
 * their size and nesting are capped before they can exhaust the heap or the stack.
 */
public record JsonLimits(int maxChars, int maxDepth) {
    /** 16 Mi characters, 64 levels: far above any payload or import file this project writes. */
    public static final JsonLimits DEFAULT = new JsonLimits(16 << 20, 64);

    public JsonLimits {
        if (maxChars < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("JSON limits must be positive: " + maxChars + " chars, depth " + maxDepth);
        }
    }
}
