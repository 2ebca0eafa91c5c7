/**
 * The fabric as this node sees it: every node that shares the event log with it, from their
 * heartbeats.
 *
 * <p>{@link org.fcredirect.fabric.api.Fabric} is the view (what {@code fcr:fabric}, the
 * {@code Fabric} MBean and the other nodes' rows of {@code fcr:services} and {@code fcr:health}
 * show). A {@link org.fcredirect.fabric.api.Heartbeat} is what each node sends every interval, in
 * the wire form its {@code toBytes}/{@code fromBytes} define, on a
 * {@link org.fcredirect.fabric.api.HeartbeatChannel} that the distributed event log provides
 * (the Kafka storage: a topic of its own beside the history). With the local file log there is
 * no channel: the view holds this node only.
 */
@Export
@Version("1.0.0")
package org.fcredirect.fabric.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
