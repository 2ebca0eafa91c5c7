/**
 * Extended link services (FC-LS) that a switch learns its login table from: FLOGI, FDISC, PLOGI,
 * LOGO and the LS_ACC / LS_RJT replies. {@link org.fcredirect.fc.els.ElsView} reads a payload in
 * place without allocating (the fast path uses it); {@link org.fcredirect.fc.els.ElsPayloads} and
 * {@link org.fcredirect.fc.els.ElsFrames} build them for tests, captures and the traffic generator.
 */
@Export
@Version("1.0.0")
package org.fcredirect.fc.els;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
