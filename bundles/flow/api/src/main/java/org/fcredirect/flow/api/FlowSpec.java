package org.fcredirect.flow.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fcredirect.fc.FcFormatException;
import org.fcredirect.fc.VsanId;
import org.fcredirect.fc.Wwn;
import org.fcredirect.fc.fcp.Lun;

/**
 * What an operator asks for: the traffic of an initiator to a target in a VSAN, optionally only to
 * one LUN, through an explicit appliance or as the policies decide, with a failover mode (else the
 * deciding policy's, else the flow manager's default) and a description.
 *
 * <p>Build it with {@link #builder}, from {@code key=value} text with {@link #parse}, or from named
 * fields with {@link #fromFields}; each names the field at fault when it refuses input.
 */
public final class FlowSpec {
    public static final String VSAN = "vsan";
    public static final String INITIATOR = "initiator";
    public static final String TARGET = "target";
    public static final String LUN = "lun";
    public static final String APPLIANCE = "appliance";
    public static final String FAILOVER = "failover";
    public static final String DESCRIPTION = "description";

    /** Every field name, in the order of export columns. */
    public static final List<String> FIELDS = List.of(VSAN, INITIATOR, TARGET, LUN, APPLIANCE, FAILOVER, DESCRIPTION);

    /** Longest description. */
    public static final int MAX_DESCRIPTION = 256;

    private static final int NO_LUN = -1;

    private final VsanId vsan;
    private final Wwn initiator;
    private final Wwn target;
    private final int lun;
    private final String appliance;
    private final FailoverMode failover;
    private final String description;

    private FlowSpec(Builder b) {
        if (b.vsan == null) {
            throw new ValidationException(VSAN, "", "is missing");
        }
        if (b.initiator == null) {
            throw new ValidationException(INITIATOR, "", "is missing");
        }
        if (b.target == null) {
            throw new ValidationException(TARGET, "", "is missing");
        }
        if (b.initiator.equals(b.target)) {
            throw new ValidationException(TARGET, b.target, "is the initiator too; a flow joins two different ports");
        }
        if (b.lun != NO_LUN && (b.lun < 0 || b.lun > Lun.MAX_NUMBER)) {
            throw new ValidationException(LUN, b.lun, "must be 0.." + Lun.MAX_NUMBER);
        }
        if (b.appliance != null) {
            ApplianceSpec.checkName(APPLIANCE, b.appliance);
        }
        checkDescription(b.description);
        vsan = b.vsan;
        initiator = b.initiator;
        target = b.target;
        lun = b.lun;
        appliance = b.appliance;
        failover = b.failover;
        description = b.description;
    }

    static void checkDescription(String description) {
        if (description.length() > MAX_DESCRIPTION) {
            throw new ValidationException(DESCRIPTION, description, "is longer than " + MAX_DESCRIPTION + " characters");
        }
        if (description.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException(DESCRIPTION, description, "holds a control character (tab, line break, ...)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses {@code vsan=10 initiator=20:00:00:25:b5:00:00:01 target=50:06:01:60:3b:20:19:5e lun=3
     * appliance=enc-1 failover=block description="payroll db"}.
     */
    public static FlowSpec parse(String text) {
        return fromFields(KeyValues.parse(text));
    }

    /**
     * A spec from field values as text, by the names of {@link #FIELDS}; an empty value is an
     * absent optional field.
     */
    public static FlowSpec fromFields(Map<String, String> fields) {
        Builder b = builder();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            String name = f.getKey();
            String value = f.getValue() == null ? "" : f.getValue().strip();
            switch (name) {
                case VSAN -> b.vsan(parse(VSAN, value, VsanId::parse));
                case INITIATOR -> b.initiator(parse(INITIATOR, value, Wwn::parse));
                case TARGET -> b.target(parse(TARGET, value, Wwn::parse));
                case LUN -> {
                    if (!value.isEmpty()) {
                        b.lun(parseLun(value));
                    }
                }
                case APPLIANCE -> b.appliance(value.isEmpty() ? null : value);
                case FAILOVER -> b.failover(value.isEmpty() ? null : FailoverMode.parse(value));
                case DESCRIPTION -> b.description(f.getValue() == null ? "" : f.getValue());
                default -> throw new ValidationException(name, value, "is not a flow field; the fields are "
                        + String.join(", ", FIELDS));
            }
        }
        return b.build();
    }

    private static <T> T parse(String field, String value, Function<String, T> parser) {
        if (value.isEmpty()) {
            throw new ValidationException(field, value, "is missing");
        }
        try {
            return parser.apply(value);
        } catch (FcFormatException e) {
            throw new ValidationException(field, e);
        }
    }

    private static int parseLun(String value) {
        if (value.length() > 5 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ValidationException(LUN, value, "must be a decimal LUN number 0.." + Lun.MAX_NUMBER);
        }
        return Integer.parseInt(value);
    }

    public VsanId vsan() {
        return vsan;
    }

    public Wwn initiator() {
        return initiator;
    }

    public Wwn target() {
        return target;
    }

    /** The LUN number the flow is narrowed to; empty: every LUN of the initiator-target pair. */
    public OptionalInt lun() {
        return lun == NO_LUN ? OptionalInt.empty() : OptionalInt.of(lun);
    }

    /** The appliance asked for; empty: the policies decide. */
    public Optional<String> appliance() {
        return Optional.ofNullable(appliance);
    }

    /** The failover mode asked for; empty: the deciding policy's or the default. */
    public Optional<FailoverMode> failover() {
        return Optional.ofNullable(failover);
    }

    public String description() {
        return description;
    }

    /** The fields as text by the names of {@link #FIELDS}, absent ones as empty strings. */
    public Map<String, String> toFields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(VSAN, vsan.toString());
        m.put(INITIATOR, initiator.toString());
        m.put(TARGET, target.toString());
        m.put(LUN, lun == NO_LUN ? "" : Integer.toString(lun));
        m.put(APPLIANCE, appliance == null ? "" : appliance);
        m.put(FAILOVER, failover == null ? "" : failover.toString());
        m.put(DESCRIPTION, description);
        return m;
    }

    public Builder toBuilder() {
        Builder b = builder().vsan(vsan).initiator(initiator).target(target).appliance(appliance).failover(failover)
                .description(description);
        b.lun = lun;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowSpec s && vsan.equals(s.vsan) && initiator.equals(s.initiator) && target.equals(s.target)
                && lun == s.lun && Objects.equals(appliance, s.appliance) && failover == s.failover
                && description.equals(s.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vsan, initiator, target, lun, appliance, failover, description);
    }

    /** The {@link #parse} form, without the absent fields. */
    @Override
    public String toString() {
        return toFields().entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + KeyValues.quote(e.getValue())).collect(Collectors.joining(" "));
    }

    /** Collects the fields of a {@link FlowSpec}; {@link #build} validates them. */
    public static final class Builder {
        private VsanId vsan;
        private Wwn initiator;
        private Wwn target;
        private int lun = NO_LUN;
        private String appliance;
        private FailoverMode failover;
        private String description = "";

        private Builder() {
        }

        public Builder vsan(VsanId v) {
            vsan = v;
            return this;
        }

        public Builder vsan(int v) {
            try {
                return vsan(VsanId.of(v));
            } catch (FcFormatException e) {
                throw new ValidationException(VSAN, e);
            }
        }

        public Builder initiator(Wwn v) {
            initiator = v;
            return this;
        }

        public Builder target(Wwn v) {
            target = v;
            return this;
        }

        /** @param number 0..16383 */
        public Builder lun(int number) {
            if (number < 0 || number > Lun.MAX_NUMBER) {
                throw new ValidationException(LUN, number, "must be 0.." + Lun.MAX_NUMBER);
            }
            lun = number;
            return this;
        }

        public Builder anyLun() {
            lun = NO_LUN;
            return this;
        }

        /** @param name null: the policies decide */
        public Builder appliance(String name) {
            appliance = name;
            return this;
        }

        /** @param mode null: the deciding policy's or the default */
        public Builder failover(FailoverMode mode) {
            failover = mode;
            return this;
        }

        public Builder description(String text) {
            description = text == null ? "" : text;
            return this;
        }

        /** @throws ValidationException naming the first field at fault */
        public FlowSpec build() {
            return new FlowSpec(this);
        }
    }
}
