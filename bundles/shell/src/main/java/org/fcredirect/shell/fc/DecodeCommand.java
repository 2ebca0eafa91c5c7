package org.fcredirect.shell.fc;

import java.io.IOException;
import java.util.Dictionary;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fcredirect.fc.Hex;
import org.fcredirect.fc.capture.LinkTypeDecoder;
import org.fcredirect.fc.capture.LinkTypes;
import org.fcredirect.json.Json;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

@Service
@Command(scope = "fcr", name = "decode", description = "Decodes a frame hex dump into its fields: link layer, FC-2 header, FCP information unit")
public class DecodeCommand implements Action {
    static final String PID = "org.fcredirect.shell";
    static final String DEFAULT_LINK_KEY = "decode.link";
    static final String BUILT_IN_DEFAULT_LINK = "fc2";

    @Option(name = "--link", aliases = "-l", description = "Link type of the dump: fc2 (bare FC-2 frame, header first), "
            + "fc2-delim (SOF, frame, CRC, EOF), fcoe (Ethernet frame with FCoE), or any installed decoder's name. "
            + "Default: decode.link in " + PID + ".cfg, else fc2")
    @Completion(LinkTypeCompleter.class)
    String link;

    @Option(name = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Argument(index = 0, name = "hex", required = true, multiValued = true,
            description = "The frame as hex digits; spaces, ':' and '-' between bytes are allowed")
    List<String> hex;

    @Reference(optional = true)
    ConfigurationAdmin configurationAdmin;

    @Override
    public Object execute() throws Exception {
        LinkTypes linkTypes = LinkTypes.load();
        LinkTypeDecoder decoder = linkTypes.byName(link != null ? link : defaultLink());
        byte[] packet = Hex.decode(String.join(" ", hex));
        FrameDescription description = FrameDescription.decode(decoder, packet);
        if (json) {
            System.out.println(Json.write(description.toJson()));
        } else {
            table(description).print(System.out);
        }
        return null;
    }

    private String defaultLink() throws IOException, InvalidSyntaxException {
        if (configurationAdmin == null) {
            return BUILT_IN_DEFAULT_LINK;
        }
        Configuration[] configs = configurationAdmin.listConfigurations("(service.pid=" + PID + ")");
        Dictionary<String, Object> props = configs == null ? null : configs[0].getProperties();
        Object value = props == null ? null : props.get(DEFAULT_LINK_KEY);
        return value == null ? BUILT_IN_DEFAULT_LINK : value.toString();
    }

    static ShellTable table(FrameDescription description) {
        ShellTable table = new ShellTable();
        table.column("Layer");
        table.column("Field");
        table.column("Value");
        String previous = null;
        for (FrameDescription.Field f : description.fields()) {
            if (f.display() == null) {
                continue;
            }
            table.addRow().addContent(f.section().equals(previous) ? "" : f.section(), f.key().toUpperCase(), f.display());
            previous = f.section();
        }
        return table;
    }
}
