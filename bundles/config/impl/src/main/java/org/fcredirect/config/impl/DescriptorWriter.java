package org.fcredirect.config.impl;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

import org.fcredirect.config.api.FeatureRef;
import org.fcredirect.config.api.ServiceSettings;
import org.fcredirect.config.api.Setting;
import org.fcredirect.config.api.SettingType;

/** Writes a descriptor: every setting in effect, each under a comment giving its rule. */
final class DescriptorWriter {

    private DescriptorWriter() {
    }

    static void write(Writer out, Instant at, long version, List<FeatureRef> features, List<ServiceSettings> services)
            throws IOException {
        out.write("# fc-redirect configuration descriptor\n");
        out.write("# exported " + at + " at configuration version " + version + "\n");
        out.write(Descriptor.FORMAT_LINE + "\n");
        out.write("\n[" + Descriptor.FEATURES + "]\n");
        for (FeatureRef f : features) {
            out.write(f.name() + " = " + f.version() + "\n");
        }
        for (ServiceSettings s : services) {
            out.write("\n[" + s.pid() + "]\n");
            out.write("# " + oneLine(s.name()) + "\n");
            for (Setting setting : s.settings()) {
                if (setting.definition().type() == SettingType.PASSWORD) {
                    out.write("# " + setting.key() + ": a password, not exported\n");
                    continue;
                }
                out.write("# " + oneLine(setting.definition().name()) + ": " + setting.definition().rule() + "\n");
                out.write(setting.key() + " = "
                        + setting.configured().orElseGet(() -> ValueText.join(setting.definition().defaults())) + "\n");
            }
        }
        out.flush();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
