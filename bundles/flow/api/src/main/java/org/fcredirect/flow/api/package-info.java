/**
 * The flow manager's API: flows and their redirects ({@link org.fcredirect.flow.api.FlowService}),
 * the per-VSAN login table ({@link org.fcredirect.flow.api.LoginTable}) and the appliance inventory
 * with its health ({@link org.fcredirect.flow.api.ApplianceInventory}), and how the login table
 * learns from the fabric logins the fast path punts ({@link org.fcredirect.flow.api.LoginLearning}).
 *
 * <p>Every change is durable before its method returns. Bad input throws a
 * {@link org.fcredirect.flow.api.ValidationException} naming the field; a change the event log
 * could not store throws {@link org.fcredirect.flow.api.NotStoredException}; in both cases nothing
 * changed.
 */
@Export
@Version("2.0.0")
package org.fcredirect.flow.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
