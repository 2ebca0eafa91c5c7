package org.fcredirect.shell.flow;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.fcredirect.fc.io.AtomicFileOutput;
import org.fcredirect.flow.api.FlowFilter;
import org.fcredirect.shell.Services;
import org.fcredirect.flow.api.FlowFormat;
import org.fcredirect.flow.api.FlowService;

@Service
@Command(scope = "fcr", name = "flow-export", description = "Writes flows to a CSV or JSON file that fcr:flow-import reads back")
public class FlowExportCommand extends FlowFilterOptions {

    @Argument(index = 0, name = "file", description = "Output file, replaced if it exists; default: print to the console")
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--format", description = "csv or json; default from the file name (csv for '-')")
    String format;

    @Reference(optional = true)
    FlowService flows;

    @Override
    public Object execute() throws IOException {
        Services.require(flows, "flow manager", "fcr-flow");
        FlowFilter filter = filter();
        if (file == null) {
            Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            flows.exportFlows(filter, format == null ? FlowFormat.CSV : FlowFormat.parse(format), out);
            out.flush();
            return null;
        }
        Path path = Path.of(file);
        FlowFormat fmt = FlowFiles.format(format, path);
        try (AtomicFileOutput file = AtomicFileOutput.create(path, true)) {
            Writer out = new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8);
            flows.exportFlows(filter, fmt, out);
            out.flush();
            file.commit();
        }
        System.out.println(flows.count(filter) + " flows written to " + path.toAbsolutePath() + " (" + fmt + ")");
        return null;
    }
}
