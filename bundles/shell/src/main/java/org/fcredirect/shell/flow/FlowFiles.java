package org.fcredirect.shell.flow;

import java.nio.file.Path;
import java.util.Locale;
import org.fcredirect.flow.api.FlowFormat;

/** The file and format of a flow import or export: the format from --format, else the file's extension. */
final class FlowFiles {
    private FlowFiles() {
    }

    static FlowFormat format(String option, Path file) {
        if (option != null) {
            return FlowFormat.parse(option);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return FlowFormat.CSV;
        }
        if (name.endsWith(".json")) {
            return FlowFormat.JSON;
        }
        throw new IllegalArgumentException(file + ": cannot tell the format from the name; use --format csv|json");
    }
}
