package org.fcredirect.flow.api;

import java.util.Locale;

/**
 * File formats of bulk import and export. Both carry the fields of {@link FlowSpec} under the
 * names of {@link FlowSpec#FIELDS}:
 * <ul>
 * <li>CSV: a header line naming the columns (any order; vsan, initiator and target required), then
 * one flow per line; {@code #} comment lines and blank lines are skipped; a value may be
 * double-quoted, with {@code ""} for a quote inside.</li>
 * <li>JSON: an array of objects, one per flow, e.g.
 * {@code [{"vsan": 10, "initiator": "20:00:00:25:b5:00:00:01", "target": "50:06:01:60:3b:20:19:5e", "lun": 3}]}.</li>
 * </ul>
 */
public enum FlowFormat {
    CSV, JSON;

    /** Parses {@code csv} or {@code json} in any case. */
    public static FlowFormat parse(String text) {
        return Names.parse(FlowFormat.class, "format", text);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
