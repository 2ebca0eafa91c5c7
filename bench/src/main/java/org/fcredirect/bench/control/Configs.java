package org.fcredirect.bench.control;

import java.lang.annotation.Annotation;

import org.fcredirect.flow.impl.FlowConfig;
import org.fcredirect.policy.impl.PolicyConfig;

/** The components' configurations as ConfigAdmin would hand them over, for benchmarks outside a container. */
final class Configs {
    private Configs() {
    }

    /** Flow manager defaults, without snapshots (a benchmark measures changes, not snapshotting). */
    static FlowConfig flow() {
        return new FlowConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return FlowConfig.class;
            }

            @Override
            public int snapshotEvery() {
                return 0;
            }

            @Override
            public boolean failback() {
                return true;
            }

            @Override
            public String defaultFailover() {
                return "standby";
            }

            @Override
            public String defaultAction() {
                return "permit";
            }

            @Override
            public int appendTimeoutSeconds() {
                return 30;
            }

            @Override
            public boolean learnLogins() {
                return true;
            }
        };
    }

    static PolicyConfig policy(int decisionCacheSize) {
        return new PolicyConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PolicyConfig.class;
            }

            @Override
            public int decisionCacheSize() {
                return decisionCacheSize;
            }

            @Override
            public int snapshotEvery() {
                return 0;
            }

            @Override
            public String defaultAction() {
                return "permit";
            }

            @Override
            public int appendTimeoutSeconds() {
                return 30;
            }
        };
    }
}
