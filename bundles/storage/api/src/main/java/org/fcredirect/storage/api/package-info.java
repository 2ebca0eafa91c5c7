/**
 * The durable event log every event-sourced fc-redirect service writes to and rebuilds from.
 *
 * <p>The vocabulary is backend-neutral on purpose: named streams, one global sequence, snapshots.
 * Nothing here mentions files or segments, so a distributed log engine can later stand behind
 * {@link org.fcredirect.storage.api.EventLog} without any consumer changing.
 */
@Export
@Version("2.2.0")
package org.fcredirect.storage.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
