package org.fcredirect.fc;

/**
 * A 24-bit Fibre Channel port address (FCID): domain, area, port. The fast path works on the raw
 * {@code int}; this class is the value the control plane and operators see.
 *
 * <p>Parses {@code 0x010203}, {@code 01.02.03} and {@code 010203}; prints {@code 0x010203}.
 */
public final class FcId implements Comparable<FcId> {
    public static final int MAX = 0xFFFFFF;

    /** First address of the well-known range FFFFF0..FFFFFF. */
    public static final int WELL_KNOWN_BASE = 0xFFFFF0;
    /** Domain controllers: FFFC00 + domain. */
    public static final int DOMAIN_CONTROLLER_BASE = 0xFFFC00;
    public static final int MIN_DOMAIN = 1;
    public static final int MAX_DOMAIN = 239;

    public static final FcId MULTICAST_SERVER = new FcId(0xFFFFF5);
    public static final FcId CLOCK_SYNC_SERVER = new FcId(0xFFFFF6);
    public static final FcId KEY_DISTRIBUTION_SERVER = new FcId(0xFFFFF7);
    public static final FcId ALIAS_SERVER = new FcId(0xFFFFF8);
    public static final FcId MANAGEMENT_SERVER = new FcId(0xFFFFFA);
    public static final FcId TIME_SERVER = new FcId(0xFFFFFB);
    /** Directory (name) server. */
    public static final FcId NAME_SERVER = new FcId(0xFFFFFC);
    public static final FcId FABRIC_CONTROLLER = new FcId(0xFFFFFD);
    /** F_Port: the fabric login server (FLOGI destination). */
    public static final FcId F_PORT_LOGIN = new FcId(0xFFFFFE);
    public static final FcId BROADCAST = new FcId(0xFFFFFF);

    private final int value;

    private FcId(int value) {
        this.value = value;
    }

    /** @throws FcFormatException when {@code value} does not fit in 24 bits */
    public static FcId of(int value) {
        if (value < 0 || value > MAX) {
            throw FcFormatException.of("FCID", "0x" + Integer.toHexString(value), "does not fit in 24 bits");
        }
        return new FcId(value);
    }

    public static FcId of(int domain, int area, int port) {
        checkByte("domain", domain);
        checkByte("area", area);
        checkByte("port", port);
        return new FcId(domain << 16 | area << 8 | port);
    }

    /** The domain controller address of a switch domain (1..239). */
    public static FcId domainController(int domain) {
        if (domain < MIN_DOMAIN || domain > MAX_DOMAIN) {
            throw FcFormatException.of("domain", domain, "must be " + MIN_DOMAIN + ".." + MAX_DOMAIN);
        }
        return new FcId(DOMAIN_CONTROLLER_BASE | domain);
    }

    /**
     * Parses {@code 0x010203} (exactly six hex digits after 0x), {@code 01.02.03} (three one- or
     * two-digit hex bytes) or {@code 010203} (exactly six hex digits).
     */
    public static FcId parse(String text) {
        if (text == null) {
            throw FcFormatException.of("FCID", "null", "is missing");
        }
        String s = text.strip();
        if (s.indexOf('.') >= 0) {
            String[] parts = s.split("\\.", -1);
            if (parts.length != 3) {
                throw FcFormatException.of("FCID", text, "dotted form needs exactly three parts, domain.area.port");
            }
            int v = 0;
            for (String p : parts) {
                if (p.isEmpty() || p.length() > 2) {
                    throw FcFormatException.of("FCID", text, "each dotted part must be one or two hex digits");
                }
                v = v << 8 | hexDigits(text, p);
            }
            return new FcId(v);
        }
        if (s.startsWith("0x") || s.startsWith("0X")) {
            s = s.substring(2);
        }
        if (s.length() != 6) {
            throw FcFormatException.of("FCID", text, "expected six hex digits, got " + s.length());
        }
        return new FcId(hexDigits(text, s));
    }

    private static int hexDigits(String input, String digits) {
        int v = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Hex.digit(digits.charAt(i));
            if (d < 0) {
                throw FcFormatException.of("FCID", input, "'" + digits.charAt(i) + "' is not a hex digit");
            }
            v = v << 4 | d;
        }
        return v;
    }

    private static void checkByte(String name, int v) {
        if (v < 0 || v > 0xFF) {
            throw FcFormatException.of("FCID " + name, v, "must be 0..255");
        }
    }

    public int value() {
        return value;
    }

    public int domain() {
        return value >>> 16;
    }

    public int area() {
        return value >>> 8 & 0xFF;
    }

    public int port() {
        return value & 0xFF;
    }

    /** In the well-known range FFFFF0..FFFFFF (name server, fabric controller, ...). */
    public boolean isWellKnown() {
        return value >= WELL_KNOWN_BASE;
    }

    public boolean isDomainController() {
        return (value & 0xFFFF00) == DOMAIN_CONTROLLER_BASE
                && domainOfController() >= MIN_DOMAIN && domainOfController() <= MAX_DOMAIN;
    }

    private int domainOfController() {
        return value & 0xFF;
    }

    /** A port an N_Port can have: domain 1..239 and not a fabric address. */
    public boolean isNPort() {
        return domain() >= MIN_DOMAIN && domain() <= MAX_DOMAIN;
    }

    /** {@code 01.02.03}, the form Wireshark prints. */
    public String dotted() {
        return String.format("%02x.%02x.%02x", domain(), area(), port());
    }

    /** {@code 0x010203} for a raw value, as the fabric CLI prints it. */
    public static String format(int value) {
        return String.format("0x%06x", value & MAX);
    }

    @Override
    public String toString() {
        return format(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FcId && ((FcId) o).value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    @Override
    public int compareTo(FcId o) {
        return Integer.compare(value, o.value);
    }
}
