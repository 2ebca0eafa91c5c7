package org.fcredirect.shell.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fcredirect.config.api.ConfigService;
import org.fcredirect.config.api.ServiceSettings;
import org.fcredirect.config.api.Setting;
import org.fcredirect.json.Json;
import org.fcredirect.shell.Services;

@Service
@Command(scope = "fcr", name = "config", description = "Shows the settings of every fcr service, or of one with their rules and defaults")
public class ConfigCommand implements Action {

    @Argument(index = 0, name = "service", description = "PID or short name (policy, fastpath, ...); default: list the services")
    @Completion(ConfigServiceCompleter.class)
    String service;

    @Option(name = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Reference(optional = true)
    ConfigService config;

    @Override
    public Object execute() {
        Services.require(config, "config service", "fcr-config");
        if (service == null) {
            List<ServiceSettings> all = config.services();
            if (json) {
                List<Object> out = new ArrayList<>();
                all.forEach(s -> out.add(toJson(s)));
                System.out.println(Json.write(out));
                return null;
            }
            ShellTable t = new ShellTable();
            t.column("PID");
            t.column("Service");
            t.column("Settings").alignRight();
            t.column("Changed").alignRight();
            for (ServiceSettings s : all) {
                t.addRow().addContent(s.pid(), s.name(), s.settings().size(), s.settings().stream().filter(x -> !x.isDefault()).count());
            }
            t.print(System.out);
            return null;
        }
        ServiceSettings s = config.service(ConfigViews.pid(service));
        if (json) {
            System.out.println(Json.write(toJson(s)));
            return null;
        }
        System.out.println(s.pid() + ": " + s.name() + " (" + s.bundle() + ")");
        ShellTable t = new ShellTable();
        t.column("Key");
        t.column("Value");
        t.column("Default");
        t.column("Rule").maxSize(50);
        for (Setting x : s.settings()) {
            t.addRow().addContent(x.key(), x.value(), x.isDefault() ? "yes" : String.join(",", x.definition().defaults()),
                    x.definition().rule());
        }
        t.print(System.out);
        return null;
    }

    static Map<String, Object> toJson(ServiceSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", s.pid());
        m.put("name", s.name());
        m.put("bundle", s.bundle());
        Map<String, Object> settings = new LinkedHashMap<>();
        for (Setting x : s.settings()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("value", x.value());
            v.put("default", x.isDefault());
            v.put("rule", x.definition().rule());
            settings.put(x.key(), v);
        }
        m.put("settings", settings);
        return m;
    }
}
