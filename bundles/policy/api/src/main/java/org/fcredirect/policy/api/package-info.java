/**
 * The policy engine's API: ordered {@link org.fcredirect.policy.api.Policy policies} that decide
 * per flow whether it is redirected (to which appliance of a group, by a balancing strategy),
 * permitted or dropped, and {@link org.fcredirect.policy.api.PolicyService#evaluate evaluation}
 * with a bounded decision cache, and a dry run of it that leaves the cache alone. Errors reuse the flow API's exception types.
 */
@Export
@Version("1.1.0")
package org.fcredirect.policy.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
