package org.fcredirect.shell.flow;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.fcredirect.flow.api.FlowFormat;
import org.fcredirect.shell.Services;
import org.fcredirect.flow.api.FlowService;
import org.fcredirect.flow.api.ImportResult;

@Service
@Command(scope = "fcr", name = "flow-import", description = "Creates the flows of a CSV or JSON file, all or none:"
        + " a bad line rejects the whole file, naming the line, and nothing changes")
public class FlowImportCommand implements Action {

    @Argument(index = 0, name = "file", required = true, description = "CSV (header line of vsan,initiator,target[,lun,appliance,failover,description])"
            + " or JSON (an array of objects with those keys); a relative path is relative to where Karaf was started")
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--format", description = "csv or json; default from the file name")
    String format;

    @Reference(optional = true)
    FlowService flows;

    @Override
    public Object execute() throws IOException {
        Services.require(flows, "flow manager", "fcr-flow");
        Path path = Path.of(file);
        FlowFormat fmt = FlowFiles.format(format, path);
        ImportResult result;
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            result = flows.importFlows(in, fmt);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        System.out.println(result.count() + " flows imported"
                + result.first().map(f -> ", ids " + f + ".." + result.last().orElse(f)).orElse(""));
        return null;
    }
}
