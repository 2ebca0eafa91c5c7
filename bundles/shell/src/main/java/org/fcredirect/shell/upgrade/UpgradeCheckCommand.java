package org.fcredirect.shell.upgrade;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.fcredirect.json.Json;
import org.fcredirect.shell.Services;
import org.fcredirect.shell.upgrade.UpgradePlan.Offered;
import org.fcredirect.shell.upgrade.UpgradePlan.Step;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.FrameworkWiring;

@Service
@Command(scope = "fcr", name = "upgrade-check", description = "Dry run of a feature upgrade (feature:install -u): which bundles"
        + " would be installed, updated or refreshed; Karaf resolves it in simulate mode and nothing changes. Warns when the"
        + " fast path would restart")
public class UpgradeCheckCommand implements Action {

    @Argument(index = 0, name = "feature", required = true, description = "Feature name, e.g. fcr-stats")
    @Completion(FcrFeatureCompleter.class)
    String feature;

    @Argument(index = 1, name = "version", required = true, description = "The version to upgrade to, from a repository"
            + " added with feature:repo-add")
    String version;

    @Option(name = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Reference(optional = true)
    FeaturesService features;

    @Reference
    BundleContext context;

    @Override
    public Object execute() throws Exception {
        FeaturesService service = Services.require(features, "feature service", "feature");
        Feature target = service.getFeature(feature, version);
        if (target == null) {
            throw new IllegalArgumentException("no feature " + feature + "/" + version + " in the feature repositories;"
                    + " add the repository of that version first (feature:repo-add URL)");
        }
        try {
            service.installFeature(feature + "/" + version, EnumSet.of(FeaturesService.Option.Simulate,
                    FeaturesService.Option.Upgrade));
        } catch (Exception e) {
            throw new IllegalStateException("Karaf cannot resolve " + feature + "/" + version + ": " + e.getMessage(), e);
        }
        UpgradePlan plan = UpgradePlan.of(offered(target), installed(), this::dependents);
        if (json) {
            System.out.println(Json.write(toJson(plan)));
        } else {
            print(plan);
        }
        return null;
    }

    private List<Offered> offered(Feature target) throws IOException {
        List<Offered> offered = new ArrayList<>();
        for (BundleInfo b : target.getBundles()) {
            try (InputStream in = new URL(b.getLocation()).openStream(); JarInputStream jar = new JarInputStream(in)) {
                Manifest m = jar.getManifest();
                if (m == null || m.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) == null) {
                    throw new IllegalStateException(b.getLocation() + " is not a bundle (no " + Constants.BUNDLE_SYMBOLICNAME + ")");
                }
                String name = m.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME).split(";")[0].strip();
                String v = Version.parseVersion(m.getMainAttributes().getValue(Constants.BUNDLE_VERSION)).toString();
                offered.add(new Offered(name, v));
            }
        }
        return offered;
    }

    private Map<String, String> installed() {
        Map<String, String> installed = new HashMap<>();
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null) {
                installed.put(b.getSymbolicName(), b.getVersion().toString());
            }
        }
        return installed;
    }

    private Set<String> dependents(Set<String> symbolicNames) {
        List<Bundle> updated = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (symbolicNames.contains(b.getSymbolicName())) {
                updated.add(b);
            }
        }
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        Collection<Bundle> closure = wiring.getDependencyClosure(updated);
        return closure.stream().map(Bundle::getSymbolicName).collect(Collectors.toSet());
    }

    private void print(UpgradePlan plan) {
        ShellTable t = new ShellTable();
        t.column("Bundle");
        t.column("Installed");
        t.column("Offered");
        t.column("Action");
        for (Step s : plan.steps()) {
            t.addRow().addContent(s.symbolicName(), s.installed() == null ? "-" : s.installed(), s.offered(),
                    s.action().name().toLowerCase(Locale.ROOT));
        }
        t.print(System.out);
        System.out.println("refreshed: " + (plan.refreshed().isEmpty() ? "no other bundle" : String.join(", ", plan.refreshed())));
        System.out.println("Karaf resolved " + feature + "/" + version + " in simulate mode: nothing was changed");
        if (plan.touchesFastPath()) {
            System.out.println("WARNING: the fast path (" + UpgradePlan.FAST_PATH + ") would be updated or refreshed:"
                    + " forwarding stops while it restarts");
        }
    }

    private Map<String, Object> toJson(UpgradePlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("feature", feature);
        m.put("version", version);
        List<Object> steps = new ArrayList<>();
        for (Step s : plan.steps()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("bundle", s.symbolicName());
            step.put("installed", s.installed());
            step.put("offered", s.offered());
            step.put("action", s.action().name().toLowerCase(Locale.ROOT));
            steps.add(step);
        }
        m.put("bundles", steps);
        m.put("refreshed", List.copyOf(plan.refreshed()));
        m.put("fast_path_touched", plan.touchesFastPath());
        return m;
    }
}
