package org.fcredirect.fc;

/** A virtual SAN number, 1..4094 (0 and 4095 are reserved). VSAN 1 is the default VSAN. */
public final class VsanId implements Comparable<VsanId> {
    public static final int MIN = 1;
    public static final int MAX = 4094;
    public static final VsanId DEFAULT = new VsanId(1);

    private final int value;

    private VsanId(int value) {
        this.value = value;
    }

    public static VsanId of(int value) {
        if (value < MIN || value > MAX) {
            throw FcFormatException.of("VSAN", value, "must be " + MIN + ".." + MAX);
        }
        return new VsanId(value);
    }

    /** Parses a decimal VSAN number. */
    public static VsanId parse(String text) {
        if (text == null) {
            throw FcFormatException.of("VSAN", "null", "is missing");
        }
        String s = text.strip();
        if (s.isEmpty() || s.length() > 4 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw FcFormatException.of("VSAN", text, "must be a decimal number " + MIN + ".." + MAX);
        }
        int v = Integer.parseInt(s);
        if (v < MIN || v > MAX) {
            throw FcFormatException.of("VSAN", text, "must be " + MIN + ".." + MAX);
        }
        return new VsanId(v);
    }

    public int value() {
        return value;
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VsanId && ((VsanId) o).value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    @Override
    public int compareTo(VsanId o) {
        return Integer.compare(value, o.value);
    }
}
