package org.fcredirect.shell.upgrade;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What installing a feature's bundles would do to the bundles installed now: each bundle is
 * installed, updated or left alone, and every bundle wired to an updated one is refreshed (stopped,
 * rewired, started). The fast path must never be among the touched ones: a refresh stops
 * forwarding while it lasts.
 */
record UpgradePlan(List<Step> steps, Set<String> refreshed, boolean touchesFastPath) {
    static final String FAST_PATH = "org.fcredirect.fastpath-impl";

    enum Action { INSTALL, UPDATE, UNCHANGED }

    /** One bundle of the feature: its symbolic name, the version installed (null: none) and the new one. */
    record Step(Action action, String symbolicName, String installed, String offered) {
    }

    /** A bundle the feature holds, as its manifest names it. */
    record Offered(String symbolicName, String version) {
    }

    /**
     * @param offered the feature's bundles
     * @param installed installed bundles' versions by symbolic name
     * @param dependents for the symbolic names of updated bundles, the symbolic names of every
     *     bundle wired to them, directly or not (the framework's dependency closure)
     */
    static UpgradePlan of(List<Offered> offered, Map<String, String> installed,
            Function<Set<String>, Set<String>> dependents) {
        List<Step> steps = new ArrayList<>();
        Set<String> updated = new TreeSet<>();
        for (Offered o : offered) {
            String now = installed.get(o.symbolicName());
            Action action = now == null ? Action.INSTALL : now.equals(o.version()) ? Action.UNCHANGED : Action.UPDATE;
            if (action == Action.UPDATE) {
                updated.add(o.symbolicName());
            }
            steps.add(new Step(action, o.symbolicName(), now, o.version()));
        }
        Set<String> refreshed = new TreeSet<>(updated.isEmpty() ? Set.of() : dependents.apply(updated));
        refreshed.removeAll(updated);
        boolean fastPath = updated.contains(FAST_PATH) || refreshed.contains(FAST_PATH);
        return new UpgradePlan(List.copyOf(steps), refreshed, fastPath);
    }
}
