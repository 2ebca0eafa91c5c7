package org.fcredirect.json;

/** How much blank a {@link JsonWriter} puts between tokens. */
public enum Spacing {
    /** No blanks at all: what commands and stored payloads use. */
    COMPACT(",", ":"),
    /** One blank after each comma and colon, for files an operator reads and edits. */
    SPACED(", ", ": ");

    final String betweenMembers;
    final String afterName;

    Spacing(String betweenMembers, String afterName) {
        this.betweenMembers = betweenMembers;
        this.afterName = afterName;
    }
}
