package org.fcredirect.fc.capture;

/**
 * Tracks the 8b/10b running disparity over data bytes, to choose the EOF ordered set a real link
 * would send. Each 5b/6b and 3b/4b sub-block is either neutral or unbalanced, and every unbalanced
 * one flips the disparity, so only the parity of unbalanced sub-blocks matters.
 */
final class RunningDisparity {
    /** Bit n set when the 5b/6b code of D.n is unbalanced: D.0-2, 4, 8, 15, 16, 23, 24, 27, 29-31. */
    private static final int UNBALANCED_5B = 0b1110_1001_1000_0001_1000_0001_0001_0111;
    /** Bit n set when the 3b/4b code of D.x.n is unbalanced: D.x.0, D.x.4, D.x.7. */
    private static final int UNBALANCED_3B = 0b1001_0001;

    private RunningDisparity() {
    }

    /** The disparity after {@code len} data bytes, given the disparity before them. */
    static boolean negativeAfter(boolean negativeBefore, byte[] buf, int off, int len) {
        int flips = 0;
        for (int i = off; i < off + len; i++) {
            int b = buf[i] & 0xFF;
            flips += (UNBALANCED_5B >>> (b & 0x1F) & 1) + (UNBALANCED_3B >>> (b >>> 5) & 1);
        }
        return negativeBefore ^ (flips & 1) != 0;
    }
}
