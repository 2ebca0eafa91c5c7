package org.fcredirect.shell.config;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.fcredirect.config.api.ConfigService;
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
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            config.export(out);
        }
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("configuration written to " + path.toAbsolutePath());
        return null;
    }
}
