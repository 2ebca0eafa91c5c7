package org.fcredirect.config.api;

import java.util.Locale;

/** How a configuration version came about. */
public enum VersionOrigin {
    /** A session's commit. */
    SESSION,
    /** A rollback to an earlier version. */
    ROLLBACK,
    /** A descriptor's import. */
    IMPORT;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
