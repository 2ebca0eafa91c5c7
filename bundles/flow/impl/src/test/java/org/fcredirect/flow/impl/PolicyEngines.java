package org.fcredirect.flow.impl;

import java.lang.annotation.Annotation;

import org.fcredirect.flow.api.ApplianceInventory;
import org.fcredirect.policy.api.PolicyService;
import org.fcredirect.policy.impl.PolicyConfig;
import org.fcredirect.policy.impl.PolicyManager;
import org.fcredirect.storage.api.EventLog;

/** Starts the real policy engine through its public constructor, with its default settings. */
final class PolicyEngines {
    private PolicyEngines() {
    }

    static PolicyService start(EventLog log, ApplianceInventory inventory) {
        return new PolicyManager(log, inventory, new PolicyConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PolicyConfig.class;
            }

            @Override
            public int decisionCacheSize() {
                return 10_000;
            }

            @Override
            public int snapshotEvery() {
                return 1_000;
            }

            @Override
            public String defaultAction() {
                return "permit";
            }

            @Override
            public int appendTimeoutSeconds() {
                return 30;
            }
        });
    }
}
