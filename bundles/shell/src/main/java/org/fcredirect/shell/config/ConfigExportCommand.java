package org.fcredirect.shell.config;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.fcredirect.config.api.ConfigService;
import org.fcredirect.fc.io.AtomicFileOutput;
import org.fcredirect.shell.Services;

@Service
@Command(scope = "fcr", name = "config-export", description = "Writes the whole configuration (every service's settings, the installed fcr features) as one deployment descriptor")
public class ConfigExportCommand implements Action {

    @Argument(index = 0, name = "file", description = "Output file, replaced if it exists; default: print to the console")
    @Completion(FileCompleter.class)
    String file;

    @Reference(optional = true)
    ConfigService config;

    @Override
    public Object execute() throws Exception {
        Services.require(config, "config service", "fcr-config");
        if (file == null) {
            Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            config.export(out);
            out.flush();
            return null;
        }
        Path path = Path.of(file);
        try (AtomicFileOutput file = AtomicFileOutput.create(path, true)) {
            Writer out = new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8);
            config.export(out);
            out.flush();
            file.commit();
        }
        System.out.println("configuration written to " + path.toAbsolutePath());
        return null;
    }
}
