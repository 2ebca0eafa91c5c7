package org.fcredirect.shell.upgrade;

import java.util.Arrays;
import java.util.List;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the names of fc-redirect features in the known repositories. */
@Service
public class FcrFeatureCompleter implements Completer {
    @Reference(optional = true)
    FeaturesService features;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        if (features == null) {
            return -1;
        }
        try {
            List<String> names = Arrays.stream(features.listFeatures()).map(Feature::getName)
                    .filter(n -> n.startsWith("fcr")).distinct().sorted().toList();
            return new StringsCompleter(names).complete(session, commandLine, candidates);
        } catch (Exception e) {
            return -1;
        }
    }
}
