package org.fcredirect.traffic.api;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the traffic generator simulates: in each of {@code vsans} VSANs, {@code initiatorsPerVsan}
 * hosts each talking to {@code flowsPerInitiator} of {@code targetsPerVsan} targets, a share of
 * the flows redirected through {@code appliances} appliances and the rest on the direct path;
 * SCSI reads and writes of the given sizes, {@code queueDepth} outstanding per flow, at a rate or
 * as fast as the fast path takes them, until a duration, a frame count or an exchange count is
 * reached or it is stopped. The same spec and seed give the same traffic.
 *
 * <p>Planned placement: the j-th target of host h is {@code (h + j) mod targetsPerVsan}, and
 * every redirected flow of target t goes through appliance {@code t mod appliances}: one appliance
 * in front of an array serves every host of it. Appliances have a pool of virtual ports per VSAN,
 * a virtual target for each target and a virtual initiator for each host they serve, so any number
 * of hosts may share a target and any number of flows an appliance (up to
 * {@value #MAX_REDIRECTING_APPLIANCES} appliances counted from appliance 0, each with room for 4096
 * virtual ports per VSAN).
 *
 * <p>Appliances and failover: the run's appliance {@code a} (0 to {@code appliances - 1}) is named
 * {@code trafgen-N} with {@code N = firstAppliance + a}, and its pool of virtual ports is the N-th
 * one, so generators that share one fabric (several nodes over one history) own distinct
 * appliances when their {@code firstAppliance} ranges do not overlap. It belongs to group
 * {@code a mod groups} (group names: {@code trafgen} for one group, {@code trafgen-a},
 * {@code trafgen-b}, ... for several, or the names given), so every run has the same mix of groups
 * whatever its first appliance. {@code failover} is written into every flow's spec: {@code standby},
 * {@code bypass}, {@code block}, {@code mixed} (flow index mod 3: standby, bypass, block), or
 * {@code default} (none: the deciding policy's mode, else the flow manager's). Standby moves a
 * flow to another appliance of its group, which gives it a virtual target and initiator of its own.
 *
 * <p>Who places: {@code explicit} names the planned appliance in each redirected flow;
 * {@code policy} creates every flow without one, so the policy engine decides each (redirect,
 * permit or drop, and where), and {@code redirectPercent} is not used.
 *
 * <p>Port names, for policies that match them: in VSAN {@code v} (four hex digits {@code VVVV}),
 * host {@code h} is {@code 21:00:VV:VV:00:00:HH:HH} and target {@code t} is
 * {@code 50:06:VV:VV:00:00:TT:TT}; e.g. the targets 0 to 15 of VSAN 101 match
 * {@code 500600650000000*}.
 *
 * <p>Build it with {@link #builder()}, setting fields by method or by name with
 * {@link Builder#set(String, String)} (names in {@link #KEYS}); {@link Builder#build()} names the
 * field at fault when it refuses one.
 */
public final class TrafficSpec {
    /** Field names for {@link Builder#set(String, String)} and {@link #toMap()}, in order. */
    public static final List<String> KEYS = List.of("vsans", "firstVsan", "initiatorsPerVsan", "targetsPerVsan",
            "flowsPerInitiator", "appliances", "firstAppliance", "redirectPercent", "readPercent", "ioSizes", "maxPayload", "queueDepth",
            "framesPerSecond", "duration", "frames", "exchanges", "seed", "cleanup", "groups", "placement", "failover");

    /** What a redirected flow does when its appliance fails; see the class comment. */
    public enum Failover {
        /** The flows name no mode: the deciding policy's applies, else the flow manager's default. */
        DEFAULT,
        STANDBY,
        BYPASS,
        BLOCK,
        /** Standby, bypass and block in turn, by flow index mod 3. */
        MIXED;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Who decides where a redirected flow goes; see the class comment. */
    public enum Placement {
        /** The generator names each redirected flow's appliance. */
        EXPLICIT,
        /** The policy engine decides every flow. */
        POLICY;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Appliances whose pools of 4096 virtual ports per VSAN fit the domains 0x30..0xef. */
    private static final int MAX_REDIRECTING_APPLIANCES = 3072;
    /** Most appliances of a run, and the highest appliance number plus one. */
    private static final int MAX_APPLIANCES = 1 << 16;
    /** Longest list of appliance groups, and of {@code groups=N}. */
    public static final int MAX_GROUPS = 26;
    /** What an appliance group name must match (the flow manager's rule for names). */
    public static final String GROUP_NAME_RULE = "[A-Za-z0-9][A-Za-z0-9._-]{0,62}";
    private static final Pattern GROUP_NAME = Pattern.compile(GROUP_NAME_RULE);

    /** Outstanding exchanges of a VSAN each need their own OX_ID (0..0xFFFE). */
    public static final int MAX_EXCHANGES_PER_VSAN = 0xFFFF;
    public static final int MAX_IO_SIZE = 16 << 20;
    /** Far beyond what a fast path carries, and low enough that the rate's credit in nanoseconds fits a long. */
    public static final long MAX_FRAMES_PER_SECOND = 1_000_000_000L;
    /** A run's duration is counted in nanoseconds, which a long holds for 292 years; a year is enough. */
    public static final Duration MAX_DURATION = Duration.ofDays(365);
    public static final int MAX_PAYLOAD = 2112;

    private final int vsans;
    private final int firstVsan;
    private final int initiatorsPerVsan;
    private final int targetsPerVsan;
    private final int flowsPerInitiator;
    private final int appliances;
    private final int firstAppliance;
    private final int redirectPercent;
    private final int readPercent;
    private final int[] ioSizes;
    private final int maxPayload;
    private final int queueDepth;
    private final long framesPerSecond;
    private final Duration duration;
    private final long frames;
    private final long exchanges;
    private final long seed;
    private final boolean cleanup;
    private final List<String> groups;
    private final Placement placement;
    private final Failover failover;

    private TrafficSpec(Builder b) {
        vsans = b.vsans;
        firstVsan = b.firstVsan;
        initiatorsPerVsan = b.initiatorsPerVsan;
        targetsPerVsan = b.targetsPerVsan;
        flowsPerInitiator = b.flowsPerInitiator;
        appliances = b.appliances;
        firstAppliance = b.firstAppliance;
        redirectPercent = b.redirectPercent;
        readPercent = b.readPercent;
        ioSizes = b.ioSizes.clone();
        maxPayload = b.maxPayload;
        queueDepth = b.queueDepth;
        framesPerSecond = b.framesPerSecond;
        duration = b.duration;
        frames = b.frames;
        exchanges = b.exchanges;
        seed = b.seed;
        cleanup = b.cleanup;
        groups = b.groups;
        placement = b.placement;
        failover = b.failover;
    }

    /**
     * Parses {@code key=value} settings separated by white space, e.g.
     * {@code vsans=2 framesPerSecond=20000 ioSizes=4096/65536}; a list takes ',' or '/' (the Karaf
     * shell splits unquoted commas), unset keys keep their defaults.
     *
     * @throws IllegalArgumentException naming the setting at fault
     */
    public static TrafficSpec parse(String settings) {
        Builder b = builder();
        for (String kv : settings.strip().split("\\s+")) {
            if (kv.isEmpty()) {
                continue;
            }
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("traffic setting '" + kv + "': expected key=value, e.g. duration=60s");
            }
            b.set(kv.substring(0, eq), kv.substring(eq + 1).replace('/', ','));
        }
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.vsans = vsans;
        b.firstVsan = firstVsan;
        b.initiatorsPerVsan = initiatorsPerVsan;
        b.targetsPerVsan = targetsPerVsan;
        b.flowsPerInitiator = flowsPerInitiator;
        b.appliances = appliances;
        b.firstAppliance = firstAppliance;
        b.redirectPercent = redirectPercent;
        b.readPercent = readPercent;
        b.ioSizes = ioSizes.clone();
        b.maxPayload = maxPayload;
        b.queueDepth = queueDepth;
        b.framesPerSecond = framesPerSecond;
        b.duration = duration;
        b.frames = frames;
        b.exchanges = exchanges;
        b.seed = seed;
        b.cleanup = cleanup;
        b.groups = groups;
        b.placement = placement;
        b.failover = failover;
        return b;
    }

    public int vsans() {
        return vsans;
    }

    /** The first VSAN; the others follow it. */
    public int firstVsan() {
        return firstVsan;
    }

    public int initiatorsPerVsan() {
        return initiatorsPerVsan;
    }

    public int targetsPerVsan() {
        return targetsPerVsan;
    }

    public int flowsPerInitiator() {
        return flowsPerInitiator;
    }

    public int appliances() {
        return appliances;
    }

    /** The number of the run's first appliance, {@code trafgen-N}; the others follow it. */
    public int firstAppliance() {
        return firstAppliance;
    }

    /** Share of the flows redirected through an appliance, the rest on the direct path (explicit placement only). */
    public int redirectPercent() {
        return redirectPercent;
    }

    /** Share of the exchanges that are reads; the rest are writes. */
    public int readPercent() {
        return readPercent;
    }

    /** I/O sizes in bytes, each exchange picking one at random. */
    public List<Integer> ioSizes() {
        return Arrays.stream(ioSizes).boxed().toList();
    }

    /** Largest FCP_DATA payload per frame. */
    public int maxPayload() {
        return maxPayload;
    }

    /** Outstanding exchanges per flow. */
    public int queueDepth() {
        return queueDepth;
    }

    /** Frames per second to send, 0 for as fast as the fast path takes them. */
    public long framesPerSecond() {
        return framesPerSecond;
    }

    /** How long to start exchanges, zero for no limit. */
    public Duration duration() {
        return duration;
    }

    /** Frames after which no exchange is started, 0 for no limit. */
    public long frames() {
        return frames;
    }

    /** Exchanges to start in all, 0 for no limit. */
    public long exchanges() {
        return exchanges;
    }

    public long seed() {
        return seed;
    }

    /** Delete the generator's flows, logins and appliances when the run ends (otherwise the next run reuses them). */
    public boolean cleanup() {
        return cleanup;
    }

    /** The appliance groups by name; appliance {@code a} is in group {@code a mod groups().size()}. */
    public List<String> groups() {
        return groups;
    }

    public Placement placement() {
        return placement;
    }

    public Failover failover() {
        return failover;
    }

    public int flowsPerVsan() {
        return initiatorsPerVsan * flowsPerInitiator;
    }

    public int flows() {
        return vsans * flowsPerVsan();
    }

    /** Runs until stopped: no duration, frame or exchange limit. */
    public boolean unbounded() {
        return duration.isZero() && frames == 0 && exchanges == 0;
    }

    /** The fields by the names of {@link #KEYS}, as text {@link Builder#set} reads back. */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("vsans", Integer.toString(vsans));
        m.put("firstVsan", Integer.toString(firstVsan));
        m.put("initiatorsPerVsan", Integer.toString(initiatorsPerVsan));
        m.put("targetsPerVsan", Integer.toString(targetsPerVsan));
        m.put("flowsPerInitiator", Integer.toString(flowsPerInitiator));
        m.put("appliances", Integer.toString(appliances));
        m.put("firstAppliance", Integer.toString(firstAppliance));
        m.put("redirectPercent", Integer.toString(redirectPercent));
        m.put("readPercent", Integer.toString(readPercent));
        m.put("ioSizes", String.join(",", Arrays.stream(ioSizes).mapToObj(Integer::toString).toList()));
        m.put("maxPayload", Integer.toString(maxPayload));
        m.put("queueDepth", Integer.toString(queueDepth));
        m.put("framesPerSecond", Long.toString(framesPerSecond));
        m.put("duration", duration.isZero() ? "0" : duration.toMillis() + "ms");
        m.put("frames", Long.toString(frames));
        m.put("exchanges", Long.toString(exchanges));
        m.put("seed", Long.toString(seed));
        m.put("cleanup", Boolean.toString(cleanup));
        m.put("groups", groups.equals(groupNames(groups.size())) ? Integer.toString(groups.size()) : String.join(",", groups));
        m.put("placement", placement.toString());
        m.put("failover", failover.toString());
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrafficSpec s && toMap().equals(s.toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    /** {@code key=value} pairs in {@link #KEYS} order. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        toMap().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }

    /** The group names of {@code groups=n}: {@code trafgen} alone, else {@code trafgen-a}, {@code trafgen-b}, ... */
    static List<String> groupNames(int n) {
        if (n == 1) {
            return List.of("trafgen");
        }
        List<String> names = new ArrayList<>(n);
        for (int g = 0; g < n; g++) {
            names.add("trafgen-" + (char) ('a' + g));
        }
        return List.copyOf(names);
    }

    /** Collects the fields of a {@link TrafficSpec}; unset ones keep their defaults. */
    public static final class Builder {
        private int vsans = 1;
        private int firstVsan = 100;
        private int initiatorsPerVsan = 16;
        private int targetsPerVsan = 16;
        private int flowsPerInitiator = 1;
        private int appliances = 1;
        private int firstAppliance;
        private int redirectPercent = 100;
        private int readPercent = 70;
        private int[] ioSizes = {4096, 65536};
        private int maxPayload = 2048;
        private int queueDepth = 4;
        private long framesPerSecond;
        private Duration duration = Duration.ZERO;
        private long frames;
        private long exchanges;
        private long seed = 1;
        private boolean cleanup;
        private List<String> groups = groupNames(1);
        private Placement placement = Placement.EXPLICIT;
        private Failover failover = Failover.DEFAULT;

        private Builder() {
        }

        public Builder vsans(int v) {
            vsans = v;
            return this;
        }

        public Builder firstVsan(int v) {
            firstVsan = v;
            return this;
        }

        public Builder initiatorsPerVsan(int v) {
            initiatorsPerVsan = v;
            return this;
        }

        public Builder targetsPerVsan(int v) {
            targetsPerVsan = v;
            return this;
        }

        public Builder flowsPerInitiator(int v) {
            flowsPerInitiator = v;
            return this;
        }

        public Builder appliances(int v) {
            appliances = v;
            return this;
        }

        /** @param v the number N of the first appliance, {@code trafgen-N}; see the class comment */
        public Builder firstAppliance(int v) {
            firstAppliance = v;
            return this;
        }

        public Builder redirectPercent(int v) {
            redirectPercent = v;
            return this;
        }

        public Builder readPercent(int v) {
            readPercent = v;
            return this;
        }

        public Builder ioSizes(int... sizes) {
            ioSizes = sizes.clone();
            return this;
        }

        public Builder maxPayload(int v) {
            maxPayload = v;
            return this;
        }

        public Builder queueDepth(int v) {
            queueDepth = v;
            return this;
        }

        /** @param v frames per second, 0 for as fast as possible */
        public Builder framesPerSecond(long v) {
            framesPerSecond = v;
            return this;
        }

        /** @param v how long to start exchanges, zero for no limit */
        public Builder duration(Duration v) {
            duration = Objects.requireNonNull(v, "duration");
            return this;
        }

        public Builder frames(long v) {
            frames = v;
            return this;
        }

        public Builder exchanges(long v) {
            exchanges = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder cleanup(boolean v) {
            cleanup = v;
            return this;
        }

        /** @param n 1..{@value #MAX_GROUPS} groups named {@code trafgen} (one) or {@code trafgen-a}, {@code trafgen-b}, ... */
        public Builder groups(int n) {
            if (n < 1 || n > MAX_GROUPS) {
                throw new IllegalArgumentException("traffic setting groups=" + n + " must be 1.." + MAX_GROUPS
                        + " or a list of group names");
            }
            groups = groupNames(n);
            return this;
        }

        /** Appliance groups by name, appliance a in group a mod their number. */
        public Builder groups(String... names) {
            groups = List.of(names);
            return this;
        }

        public Builder placement(Placement v) {
            placement = Objects.requireNonNull(v, "placement");
            return this;
        }

        public Builder failover(Failover v) {
            failover = Objects.requireNonNull(v, "failover");
            return this;
        }

        /**
         * Sets a field by its name in {@link #KEYS}. Sizes are bytes; {@code ioSizes} is a comma
         * list; {@code duration} is {@code 90s}, {@code 500ms}, {@code 5m}, {@code 1h}, an ISO-8601
         * duration or plain seconds.
         *
         * @throws IllegalArgumentException naming the key and the value it cannot take
         */
        public Builder set(String key, String value) {
            String v = value == null ? "" : value.strip();
            try {
                switch (key) {
                    case "vsans" -> vsans = Integer.parseInt(v);
                    case "firstVsan" -> firstVsan = Integer.parseInt(v);
                    case "initiatorsPerVsan" -> initiatorsPerVsan = Integer.parseInt(v);
                    case "targetsPerVsan" -> targetsPerVsan = Integer.parseInt(v);
                    case "flowsPerInitiator" -> flowsPerInitiator = Integer.parseInt(v);
                    case "appliances" -> appliances = Integer.parseInt(v);
                    case "firstAppliance" -> firstAppliance = Integer.parseInt(v);
                    case "redirectPercent" -> redirectPercent = Integer.parseInt(v);
                    case "readPercent" -> readPercent = Integer.parseInt(v);
                    case "ioSizes" -> ioSizes = parseSizes(v);
                    case "maxPayload" -> maxPayload = Integer.parseInt(v);
                    case "queueDepth" -> queueDepth = Integer.parseInt(v);
                    case "framesPerSecond" -> framesPerSecond = Long.parseLong(v);
                    case "duration" -> duration = parseDuration(v);
                    case "frames" -> frames = Long.parseLong(v);
                    case "exchanges" -> exchanges = Long.parseLong(v);
                    case "seed" -> seed = Long.parseLong(v);
                    case "cleanup" -> cleanup = parseBoolean(v);
                    case "groups" -> parseGroups(v);
                    case "placement" -> placement = parseEnum(key, v, Placement.class);
                    case "failover" -> failover = parseEnum(key, v, Failover.class);
                    default -> throw new IllegalArgumentException("traffic setting '" + key + "' is unknown; the settings are "
                            + String.join(", ", KEYS));
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException("traffic setting " + key + "=" + value + " is not "
                        + (key.equals("duration") ? "a duration like 90s, 5m or PT1H" : key.equals("ioSizes")
                                ? "a comma list of byte counts" : "a whole number"), e);
            }
            return this;
        }

        private static int[] parseSizes(String v) {
            List<Integer> sizes = new ArrayList<>();
            for (String s : v.split(",")) {
                sizes.add(Integer.parseInt(s.strip()));
            }
            return sizes.stream().mapToInt(Integer::intValue).toArray();
        }

        private void parseGroups(String v) {
            if (v.isEmpty() || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
                groups(v.split(",", -1));
            } else if (v.length() > 2 || Integer.parseInt(v) < 1 || Integer.parseInt(v) > MAX_GROUPS) {
                throw new IllegalArgumentException("traffic setting groups=" + v + " must be 1.." + MAX_GROUPS
                        + " or a list of group names");
            } else {
                groups(Integer.parseInt(v));
            }
        }

        private static <E extends Enum<E>> E parseEnum(String key, String v, Class<E> type) {
            for (E e : type.getEnumConstants()) {
                if (e.toString().equalsIgnoreCase(v)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("traffic setting " + key + "=" + v + " must be one of "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Object::toString).toList()));
        }

        private static boolean parseBoolean(String v) {
            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(v);
            }
            throw new IllegalArgumentException("traffic setting cleanup=" + v + " must be true or false");
        }

        static Duration parseDuration(String v) {
            String s = v.toLowerCase(Locale.ROOT);
            if (s.startsWith("p")) {
                return Duration.parse(v);
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            if (s.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
            }
            if (s.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
            }
            if (s.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(s.substring(0, s.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(s));
        }

        /** @throws IllegalArgumentException naming the first field at fault and its rule */
        public TrafficSpec build() {
            range("vsans", vsans, 1, 64);
            range("firstVsan", firstVsan, 1, 4094 - vsans + 1);
            range("initiatorsPerVsan", initiatorsPerVsan, 1, 1 << 20);
            range("targetsPerVsan", targetsPerVsan, 1, 1 << 20);
            range("flowsPerInitiator", flowsPerInitiator, 1, targetsPerVsan);
            range("appliances", appliances, 0, MAX_APPLIANCES);
            range("firstAppliance", firstAppliance, 0, MAX_APPLIANCES - appliances);
            range("redirectPercent", redirectPercent, 0, 100);
            range("readPercent", readPercent, 0, 100);
            range("maxPayload", maxPayload, 64, MAX_PAYLOAD);
            if (maxPayload % 4 != 0) {
                throw new IllegalArgumentException("traffic setting maxPayload=" + maxPayload + " must be a multiple of 4");
            }
            range("queueDepth", queueDepth, 1, 1024);
            if (ioSizes.length == 0) {
                throw new IllegalArgumentException("traffic setting ioSizes is empty; give at least one size");
            }
            for (int s : ioSizes) {
                if (s < 512 || s > MAX_IO_SIZE || s % 512 != 0) {
                    throw new IllegalArgumentException("traffic setting ioSizes holds " + s
                            + ": sizes must be multiples of 512 bytes from 512 to " + MAX_IO_SIZE);
                }
            }
            if (framesPerSecond < 0 || frames < 0 || exchanges < 0 || duration.isNegative()) {
                throw new IllegalArgumentException("traffic settings framesPerSecond, frames, exchanges and duration"
                        + " cannot be negative (0 means no limit)");
            }
            range("framesPerSecond", framesPerSecond, 0, MAX_FRAMES_PER_SECOND);
            if (duration.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException("traffic setting duration=" + duration.getSeconds() + "s must be at most "
                        + MAX_DURATION.toDays() + " days");
            }
            checkGroups();
            // what may be redirected: the planned share, or under the policies any flow once there are appliances
            boolean redirecting = placement == Placement.POLICY ? appliances > 0 : redirectPercent > 0;
            if (redirecting) {
                if (appliances > MAX_REDIRECTING_APPLIANCES) {
                    throw new IllegalArgumentException("traffic setting appliances=" + appliances + " must be at most "
                            + MAX_REDIRECTING_APPLIANCES + " when flows are redirected: their pools of virtual ports take"
                            + " the domains 0x30 to 0xef");
                }
                if (firstAppliance + appliances > MAX_REDIRECTING_APPLIANCES) {
                    throw new IllegalArgumentException("traffic setting firstAppliance=" + firstAppliance + " with appliances="
                            + appliances + " must end at most at appliance " + (MAX_REDIRECTING_APPLIANCES - 1)
                            + " when flows are redirected: their pools of virtual ports take the domains 0x30 to 0xef");
                }
                if (groups.size() > appliances) {
                    throw new IllegalArgumentException("traffic setting groups=" + String.join(",", groups) + " makes "
                            + groups.size() + " groups of appliances=" + appliances + ": every group needs an appliance");
                }
            }
            long perVsan = (long) initiatorsPerVsan * flowsPerInitiator * queueDepth;
            if (perVsan > MAX_EXCHANGES_PER_VSAN - 1) {
                throw new IllegalArgumentException("traffic settings initiatorsPerVsan x flowsPerInitiator x queueDepth = "
                        + perVsan + " outstanding exchanges per VSAN; at most " + (MAX_EXCHANGES_PER_VSAN - 1)
                        + " fit in the OX_ID space");
            }
            return new TrafficSpec(this);
        }

        private void checkGroups() {
            if (groups.isEmpty() || groups.size() > MAX_GROUPS) {
                throw new IllegalArgumentException("traffic setting groups holds " + groups.size() + " names; give 1.."
                        + MAX_GROUPS);
            }
            Set<String> seen = new HashSet<>();
            for (String g : groups) {
                if (!GROUP_NAME.matcher(g).matches()) {
                    throw new IllegalArgumentException("traffic setting groups holds '" + g + "': a group name must match "
                            + GROUP_NAME_RULE);
                }
                if (!seen.add(g)) {
                    throw new IllegalArgumentException("traffic setting groups names " + g + " twice");
                }
            }
        }

        private static void range(String key, long v, long min, long max) {
            if (v < min || v > max) {
                throw new IllegalArgumentException("traffic setting " + key + "=" + v + " must be " + min + ".." + max);
            }
        }
    }
}
