/**
 * The fcr services' figures for Prometheus: {@code /metrics} on Karaf's HTTP port (Pax Web, loopback
 * only), for viewers and admins of the karaf realm. Private to the metrics bundle.
 */
package org.fcredirect.metrics;
