package org.fcredirect.fastpath.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fcredirect.fastpath.api.ExchangeCompletion;
import org.fcredirect.fastpath.api.FlowDelta;
import org.fcredirect.fastpath.api.StatsConsumer;

/** A stats consumer that keeps copies of what it drained and sums it per flow. */
public final class Recorder implements StatsConsumer {
    public record Delta(long flow, int worker, long framesToTarget, long bytesToTarget, long framesToInitiator,
            long bytesToInitiator, long dropped, long opened, long completed) {
        public long frames() {
            return framesToTarget + framesToInitiator;
        }
    }

    public record Exchange(long flow, int vsan, int initiator, int target, int ox, boolean write, long dataLength,
            int status, long commandNanos, long completionNanos) {
    }

    public final List<Delta> deltas = new ArrayList<>();
    public final List<Exchange> exchanges = new ArrayList<>();

    @Override
    public void flowDelta(FlowDelta d) {
        deltas.add(new Delta(d.flowId(), d.worker(), d.framesToTarget(), d.bytesToTarget(), d.framesToInitiator(),
                d.bytesToInitiator(), d.framesDropped(), d.exchangesOpened(), d.exchangesCompleted()));
    }

    @Override
    public void exchange(ExchangeCompletion x) {
        exchanges.add(new Exchange(x.flowId(), x.vsan(), x.initiator(), x.target(), x.oxId(), x.write(),
                x.dataLength(), x.scsiStatus(), x.commandNanos(), x.completionNanos()));
    }

    /** Every delta of each flow summed, field by field. */
    public Map<Long, Delta> byFlow() {
        Map<Long, Delta> m = new HashMap<>();
        for (Delta d : deltas) {
            m.merge(d.flow, d, (a, b) -> new Delta(a.flow, -1, a.framesToTarget + b.framesToTarget,
                    a.bytesToTarget + b.bytesToTarget, a.framesToInitiator + b.framesToInitiator,
                    a.bytesToInitiator + b.bytesToInitiator, a.dropped + b.dropped, a.opened + b.opened,
                    a.completed + b.completed));
        }
        return m;
    }

    public long frames() {
        return deltas.stream().mapToLong(Delta::frames).sum();
    }
}
