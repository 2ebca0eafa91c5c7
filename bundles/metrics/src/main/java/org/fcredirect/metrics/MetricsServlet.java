package org.fcredirect.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.fcredirect.fastpath.api.FastPath;
import org.fcredirect.flow.api.FlowService;
import org.fcredirect.monitor.api.MonitorService;
import org.fcredirect.stats.api.StatsService;
import org.fcredirect.storage.api.EventLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics}: every fcr service that is there, read at scrape time, in the OpenMetrics
 * text format when the scraper asks for it (Prometheus does), else the Prometheus text format.
 * Pax Web serves it on Karaf's HTTP port, bound to the loopback interface.
 */
@Component(service = Servlet.class, configurationPid = MetricsServlet.PID, property = {
    "osgi.http.whiteboard.servlet.pattern=" + MetricsServlet.PATH,
    "osgi.http.whiteboard.servlet.name=fcr-metrics"})
@Designate(ocd = MetricsConfig.class)
public class MetricsServlet extends HttpServlet {
    static final String PID = "org.fcredirect.metrics";
    static final String PATH = "/metrics";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MetricsServlet.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile FastPath fastPath;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile StatsService stats;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile FlowService flows;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile EventLog eventLog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile MonitorService monitor;

    transient ScrapeAccess access = new ScrapeAccess(new KarafRealmLogin());
    private transient volatile TopFlows topFlows = TopFlows.NONE;

    /** A bad setting edited into the file by hand is logged once and replaced: scrapes go on. */
    @Activate
    @Modified
    void configure(MetricsConfig config) {
        topFlows = TopFlows.of(config.topFlows(), config.topBy(), LOG::warn);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (access.check(request.getHeader("Authorization"))) {
            case UNAUTHENTICATED -> {
                response.setHeader("WWW-Authenticate", "Basic realm=\"" + KarafRealmLogin.REALM + "\"");
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            }
            case FORBIDDEN -> response.sendError(HttpServletResponse.SC_FORBIDDEN);
            case ALLOWED -> {
                ExpositionFormatWriter writer = writerFor(request.getHeader("Accept"));
                response.setContentType(writer.getContentType());
                try (OutputStream out = response.getOutputStream()) {
                    writer.write(out, collect());
                }
            }
        }
    }

    static ExpositionFormatWriter writerFor(String accept) {
        return accept != null && accept.contains("application/openmetrics-text") ? OpenMetricsTextFormatWriter.create()
                : PrometheusTextFormatWriter.create();
    }

    MetricSnapshots collect() {
        List<MetricSnapshot> families = new ArrayList<>();
        FastPath f = fastPath;
        if (f != null) {
            families.addAll(FastPathFamilies.of(f.status()));
        }
        StatsService s = stats;
        if (s != null) {
            families.addAll(StatsFamilies.of(s.totals().counters(), s.status(), s.latencyHistogram(StatsFamilies.LATENCY_BOUNDS_NANOS)));
            TopFlows top = topFlows;
            if (top.count() > 0) {
                families.addAll(TopFlowFamilies.of(s.top(top.count(), top.by())));
            }
        }
        FlowService fl = flows;
        if (fl != null) {
            families.add(ControlPlaneFamilies.flows(fl.countByState()));
        }
        EventLog log = eventLog;
        if (log != null) {
            families.addAll(ControlPlaneFamilies.storage(log.status()));
        }
        MonitorService m = monitor;
        if (m != null) {
            families.add(ControlPlaneFamilies.health(m.health()));
        }
        return new MetricSnapshots(families);
    }
}
