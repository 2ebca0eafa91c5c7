package org.fcredirect.flow.impl;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.fcredirect.fastpath.api.RewriteRule;
import org.fcredirect.fastpath.api.RuleSink;
import org.fcredirect.fc.io.BoundedReader;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.flow.api.Appliance;
import org.fcredirect.flow.api.Flow;
import org.fcredirect.flow.api.FlowFilter;
import org.fcredirect.flow.api.FlowFormat;
import org.fcredirect.flow.api.FlowId;
import org.fcredirect.flow.api.FlowListener;
import org.fcredirect.flow.api.FlowPage;
import org.fcredirect.flow.api.FlowService;
import org.fcredirect.flow.api.FlowSpec;
import org.fcredirect.flow.api.FlowState;
import org.fcredirect.flow.api.ImportException;
import org.fcredirect.flow.api.ImportResult;
import org.fcredirect.flow.api.NotFoundException;
import org.fcredirect.flow.api.ValidationException;
import org.fcredirect.flow.impl.FlowChange.FlowDeleted;
import org.fcredirect.flow.impl.FlowChange.FlowsCreated;
import org.fcredirect.flow.impl.FlowChange.NewFlow;
import org.fcredirect.policy.api.PolicyService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flow service: flows and their redirects over the {@link FlowStore}. Flows that name no
 * appliance follow the policy engine while one is bound, and the configured default action while
 * none is; binding an engine decides every such flow again. Works without a fast path too.
 */
@Component(service = FlowService.class, immediate = true, property = "fcr.mbean=org.fcredirect:type=FlowManager")
public class FlowManager implements FlowService {
    private static final Logger LOG = LoggerFactory.getLogger(FlowManager.class);
    /** An import is text an operator wrote or exported: some 200 000 flows, one short line each. */
    static final long MAX_IMPORT_CHARS = 32L << 20;
    static final int MAX_IMPORT_LINE_CHARS = 4 << 10;

    private final FlowStore store;
    private final FlowModel model;

    @Activate
    public FlowManager(@Reference(name = "store") FlowStore store) {
        this.store = store;
        this.model = store.model();
    }

    @Reference(name = "policy", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindPolicy")
    void bindPolicy(PolicyService policy) {
        store.followPolicy(policy);
    }

    void unbindPolicy(PolicyService policy) {
        store.forgetPolicy(policy);
    }

    @Reference(name = "ruleSink", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindRuleSink")
    void bindRuleSink(RuleSink sink) {
        store.bindRuleSink(sink);
    }

    void unbindRuleSink(RuleSink sink) {
        store.unbindRuleSink(sink);
    }

    @Override
    public FlowId create(FlowSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return store.change(effects -> {
            checkNew(spec);
            long id = model.nextId();
            NewFlow flow = new NewFlow(id, spec, store.placements().decide(spec));
            store.commit(List.of(new FlowsCreated(store.now(), List.of(flow))), effects);
            store.placeWaiting(effects);
            LOG.debug("Flow {} created: {}", id, spec);
            return FlowId.of(id);
        });
    }

    private void checkNew(FlowSpec spec) {
        int vsan = spec.vsan().value();
        int existing = model.find(vsan, spec.initiator().value(), spec.target().value(), spec.lun());
        if (existing >= 0) {
            throw new ValidationException("flow", describe(spec), "exists already as flow " + model.flows.c.id[existing]);
        }
        checkNotVirtual(FlowSpec.INITIATOR, spec.vsan(), spec.initiator());
        checkNotVirtual(FlowSpec.TARGET, spec.vsan(), spec.target());
        if (spec.appliance().isPresent()) {
            String name = spec.appliance().get();
            Appliance a = model.appliances().get(name).orElseThrow(() -> new NotFoundException(FlowSpec.APPLIANCE, name,
                    "no such appliance"));
            if (!a.serves(spec.vsan())) {
                throw new ValidationException(FlowSpec.APPLIANCE, name, "has no virtual ports in VSAN " + vsan);
            }
        }
    }

    private void checkNotVirtual(String field, VsanId vsan, Wwn wwn) {
        model.appliances().holderOf(vsan, wwn.value(), -1).ifPresent(a -> {
            throw new ValidationException(field, wwn, "is a virtual port of appliance " + a.name() + " in VSAN " + vsan);
        });
    }

    private static String describe(FlowSpec s) {
        return "vsan " + s.vsan() + " " + s.initiator() + " -> " + s.target()
                + (s.lun().isPresent() ? " lun " + s.lun().getAsInt() : "");
    }

    @Override
    public void delete(FlowId id) {
        Objects.requireNonNull(id, "id");
        store.change(effects -> {
            if (model.flows.slotOf(id.value()) < 0) {
                throw new NotFoundException("flow id", id);
            }
            store.commit(List.of(new FlowDeleted(store.now(), id.value())), effects);
            LOG.debug("Flow {} deleted", id);
            return null;
        });
    }

    @Override
    public Optional<Flow> get(FlowId id) {
        return store.read(() -> {
            int slot = model.flows.slotOf(id.value());
            return slot < 0 ? Optional.<Flow>empty() : Optional.of(model.flow(slot));
        });
    }

    @Override
    public Optional<Flow> find(VsanId vsan, Wwn initiator, Wwn target, OptionalInt lun) {
        return store.read(() -> {
            int slot = model.find(vsan.value(), initiator.value(), target.value(), lun);
            return slot < 0 ? Optional.<Flow>empty() : Optional.of(model.flow(slot));
        });
    }

    @Override
    public FlowPage list(FlowFilter filter, int offset, int limit) {
        if (offset < 0) {
            throw new ValidationException("offset", offset, "must be 0 or more");
        }
        if (limit < 1) {
            throw new ValidationException("limit", limit, "must be 1 or more");
        }
        return store.read(() -> {
            SlotFilter f = new SlotFilter(filter, model);
            List<Flow> page = new ArrayList<>(Math.min(limit, 1024));
            long[] total = {0};
            model.flows.forEachLive(s -> {
                if (f.matches(s)) {
                    if (total[0] >= offset && page.size() < limit) {
                        page.add(model.flow(s));
                    }
                    total[0]++;
                }
            });
            return new FlowPage(page, offset, total[0]);
        });
    }

    @Override
    public long count(FlowFilter filter) {
        return store.read(() -> {
            SlotFilter f = new SlotFilter(filter, model);
            if (f.all()) {
                return (long) model.flows.liveCount();
            }
            long[] n = {0};
            model.flows.forEachLive(s -> {
                if (f.matches(s)) {
                    n[0]++;
                }
            });
            return n[0];
        });
    }

    @Override
    public Map<FlowState, Long> countByState() {
        return store.read(() -> model.countByState());
    }

    @Override
    public List<RewriteRule> rules(FlowId id) {
        return store.read(() -> {
            int slot = model.flows.slotOf(id.value());
            if (slot < 0) {
                throw new NotFoundException("flow id", id);
            }
            return List.copyOf(RuleCompiler.rules(model, slot));
        });
    }

    @Override
    public ImportResult importFlows(Reader input, FlowFormat format) {
        long started = System.nanoTime();
        Reader bounded = new BoundedReader(input, "flow import", MAX_IMPORT_CHARS, MAX_IMPORT_LINE_CHARS);
        List<ParsedFlow> parsed = format == FlowFormat.CSV ? CsvFlowReader.read(bounded) : JsonFlowReader.read(bounded);
        ImportResult result = store.change(effects -> {
            Map<FlowKey, Integer> lineOf = new HashMap<>(parsed.size() * 2);
            for (ParsedFlow p : parsed) {
                try {
                    checkNew(p.spec());
                } catch (ValidationException e) {
                    throw new ImportException(p.line(), e.field(), e.getMessage(), e);
                }
                Integer earlier = lineOf.putIfAbsent(FlowKey.of(p.spec()), p.line());
                if (earlier != null) {
                    throw new ImportException(p.line(), "flow", "flow '" + describe(p.spec()) + "' is on line "
                            + earlier + " too", null);
                }
            }
            if (parsed.isEmpty()) {
                return new ImportResult(0, Optional.empty(), Optional.empty());
            }
            long first = model.nextId();
            List<NewFlow> flows = new ArrayList<>(parsed.size());
            for (ParsedFlow p : parsed) {
                flows.add(new NewFlow(first + flows.size(), p.spec(), store.placements().decide(p.spec())));
            }
            store.commit(List.of(new FlowsCreated(store.now(), flows)), effects);
            store.placeWaiting(effects);
            return new ImportResult(flows.size(), Optional.of(FlowId.of(first)),
                    Optional.of(FlowId.of(first + flows.size() - 1)));
        });
        LOG.info("Imported {} flows from {} ({}..{}) in {} ms", result.count(), format,
                result.first().map(FlowId::toString).orElse("-"), result.last().map(FlowId::toString).orElse("-"),
                (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    /** A flow's identity, to find repeats within one import. */
    private record FlowKey(int vsan, long initiator, long target, int lun) {
        static FlowKey of(FlowSpec s) {
            return new FlowKey(s.vsan().value(), s.initiator().value(), s.target().value(), s.lun().orElse(-1));
        }
    }

    @Override
    public void exportFlows(FlowFilter filter, FlowFormat format, Writer output) {
        store.read(() -> {
            SlotFilter f = new SlotFilter(filter, model);
            FlowExporter exporter = new FlowExporter(output, format);
            try {
                exporter.begin();
                for (int s = 0; s < model.flows.size(); s++) {
                    if (model.flows.c.state[s] != FlowColumns.DELETED && f.matches(s)) {
                        exporter.write(model.spec(s));
                    }
                }
                exporter.end();
            } catch (IOException e) {
                throw new UncheckedIOException("writing the flow export", e);
            }
            return null;
        });
    }

    @Override
    public void addListener(FlowListener listener) {
        store.addListener(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(FlowListener listener) {
        store.removeListener(listener);
    }
}
