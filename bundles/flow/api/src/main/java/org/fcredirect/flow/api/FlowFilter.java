package org.fcredirect.flow.api;

import java.util.Objects;
import java.util.Optional;

import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;

/**
 * Which flows a list, a count or an export covers: those that match every field given. The
 * appliance matches a flow's home appliance or the one carrying it now.
 */
public final class FlowFilter {
    private static final FlowFilter ALL = builder().build();

    private final VsanId vsan;
    private final Wwn initiator;
    private final Wwn target;
    private final String appliance;
    private final FlowState state;

    private FlowFilter(Builder b) {
        vsan = b.vsan;
        initiator = b.initiator;
        target = b.target;
        appliance = b.appliance;
        state = b.state;
    }

    public static FlowFilter all() {
        return ALL;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<VsanId> vsan() {
        return Optional.ofNullable(vsan);
    }

    public Optional<Wwn> initiator() {
        return Optional.ofNullable(initiator);
    }

    public Optional<Wwn> target() {
        return Optional.ofNullable(target);
    }

    public Optional<String> appliance() {
        return Optional.ofNullable(appliance);
    }

    public Optional<FlowState> state() {
        return Optional.ofNullable(state);
    }

    public boolean matches(Flow f) {
        FlowSpec s = f.spec();
        return (vsan == null || vsan.equals(s.vsan()))
                && (initiator == null || initiator.equals(s.initiator()))
                && (target == null || target.equals(s.target()))
                && (appliance == null || f.homeAppliance().filter(appliance::equals).isPresent()
                        || f.appliance().filter(appliance::equals).isPresent())
                && (state == null || state == f.state());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowFilter f && Objects.equals(vsan, f.vsan) && Objects.equals(initiator, f.initiator)
                && Objects.equals(target, f.target) && Objects.equals(appliance, f.appliance) && state == f.state;
    }

    @Override
    public int hashCode() {
        return Objects.hash(vsan, initiator, target, appliance, state);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("FlowFilter[");
        vsan().ifPresent(v -> sb.append(" vsan=").append(v));
        initiator().ifPresent(v -> sb.append(" initiator=").append(v));
        target().ifPresent(v -> sb.append(" target=").append(v));
        appliance().ifPresent(v -> sb.append(" appliance=").append(v));
        state().ifPresent(v -> sb.append(" state=").append(v));
        return sb.append(" ]").toString();
    }

    /** Collects the fields of a {@link FlowFilter}; a null field matches every flow. */
    public static final class Builder {
        private VsanId vsan;
        private Wwn initiator;
        private Wwn target;
        private String appliance;
        private FlowState state;

        private Builder() {
        }

        public Builder vsan(VsanId v) {
            vsan = v;
            return this;
        }

        public Builder initiator(Wwn v) {
            initiator = v;
            return this;
        }

        public Builder target(Wwn v) {
            target = v;
            return this;
        }

        public Builder appliance(String v) {
            appliance = v;
            return this;
        }

        public Builder state(FlowState v) {
            state = v;
            return this;
        }

        public FlowFilter build() {
            return new FlowFilter(this);
        }
    }
}
