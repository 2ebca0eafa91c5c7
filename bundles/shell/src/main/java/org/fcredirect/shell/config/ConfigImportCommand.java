package org.fcredirect.shell.config;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.fcredirect.config.api.ConfigService;
import org.fcredirect.config.api.ImportResult;
import org.fcredirect.shell.Services;

@Service
@Command(scope = "fcr", name = "config-import", description = "Applies a deployment descriptor written by fcr:config-export, all or nothing, as one new version")
public class ConfigImportCommand implements Action {

    @Argument(index = 0, name = "file", required = true, description = "Descriptor file; a relative path is relative to where Karaf was started")
    @Completion(FileCompleter.class)
    String file;

    @Reference(optional = true)
    ConfigService config;

    @Reference(optional = true)
    Session session;

    @Override
    public Object execute() throws Exception {
        Services.require(config, "config service", "fcr-config");
        ImportResult result;
        try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            result = config.importFrom(in, ConfigViews.owner(session));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        System.out.println(result.version().map(v -> "imported as version " + v.number() + ": " + v.changes().size() + " change(s)")
                .orElse("imported: nothing to change"));
        result.featuresNotInstalled().forEach(f -> System.out.println("WARNING: feature " + f.name() + "/" + f.version()
                + " is in the descriptor but not installed (install it with feature:install)"));
        return null;
    }
}
