package org.fcredirect.config.impl;

import org.fcredirect.config.api.SettingRule;

/** A rule a value breaks, before the PID and key are put to it. */
record SettingProblem(SettingRule rule, String problem) {
}
