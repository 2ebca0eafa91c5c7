package org.fcredirect.flow.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The login table learning from the wire: the flow manager pairs the fabric logins the fast path
 * punts (FLOGI and FDISC with the fabric controller's accept, PLOGI, LOGO) by VSAN and exchange
 * and logs ports in and out of the {@link LoginTable}. Forged or inconsistent frames change
 * nothing and are counted by {@link LoginIgnoreReason}.
 */
@ProviderType
public interface LoginLearning {

    LearningStatus learningStatus();
}
