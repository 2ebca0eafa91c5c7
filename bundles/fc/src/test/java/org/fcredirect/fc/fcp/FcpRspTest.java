package org.fcredirect.fc.fcp;

import static org.fcredirect.fc.testing.Malformed.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.fcredirect.fc.Hex;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FcpRspTest {
    /** Fixed-format sense: NOT READY, MEDIUM NOT PRESENT (3A/00). */
    static final byte[] SENSE = Hex.decode("700002000000000a000000003a0000000000");

    @Test
    void goodIsTheBare24Bytes() {
        byte[] iu = FcpRsp.good().encode();
        assertEquals(24, iu.length);
        assertEquals(Hex.encode(new byte[24], 0, 24), Hex.encode(iu, 0, 24));
    }

    @Test
    void checkConditionCarriesSense() {
        FcpRsp r = FcpRsp.checkCondition(SENSE);
        byte[] iu = r.encode();
        assertEquals(24 + SENSE.length, iu.length);
        assertEquals(FcpRsp.SNS_LEN_VALID, iu[10]);
        assertEquals(ScsiStatus.CHECK_CONDITION, iu[11]);
        assertEquals(SENSE.length, iu[19]);
        FcpRsp back = FcpRsp.decode(iu, 0, iu.length);
        assertEquals(r, back);
        assertArrayEquals(SENSE, back.senseData());
        assertEquals(-1, back.rspCode());
    }

    @Test
    void responseInfoPrecedesSenseAndBidiResidualComesLast() {
        byte[] info = {0, 0, 0, 4, 0, 0, 0, 0};
        FcpRsp r = new FcpRsp(7, FcpRsp.RSP_LEN_VALID | FcpRsp.SNS_LEN_VALID | FcpRsp.RESID_UNDER | FcpRsp.BIDI_RSP
                | FcpRsp.BIDI_READ_RESID_OVER, ScsiStatus.GOOD, 512, info, SENSE, 99);
        byte[] iu = r.encode();
        assertEquals(24 + 8 + SENSE.length + 4, iu.length);
        assertEquals(4, iu[24 + 3]);
        assertEquals(0x70, iu[32] & 0xFF);
        assertEquals(99, iu[iu.length - 1]);
        FcpRsp back = FcpRsp.decode(iu, 0, iu.length);
        assertEquals(r, back);
        assertEquals(4, back.rspCode());
        assertEquals(7, back.retryDelayTimer());
        assertTrue(back.hasFlag(FcpRsp.RESID_UNDER));
    }

    @Test
    void lengthFieldsWithoutTheirValidBitAreIgnored() {
        byte[] iu = new byte[24];
        iu[19] = 18;
        iu[23] = 8;
        FcpRsp r = FcpRsp.decode(iu, 0, 24);
        assertEquals(0, r.senseData().length);
        assertEquals(0, r.responseInfo().length);
    }

    @Test
    void rejectsAnIuShorterThanItsDeclaredLengths() {
        byte[] iu = FcpRsp.checkCondition(SENSE).encode();
        rejects(() -> FcpRsp.decode(iu, 0, iu.length - 1), "FCP_RSP", (iu.length - 1) + " bytes, shorter than the 42",
                "FCP_SNS_LEN 18");
    }

    @Test
    void rejectsAnIuLongerThanItsDeclaredLengths() {
        byte[] iu = Arrays.copyOf(FcpRsp.good().encode(), 28);
        rejects(() -> FcpRsp.decode(iu, 0, 28), "28 bytes, longer than the 24");
    }

    @Test
    void rejectsAHugeSenseLengthWithoutOverflow() {
        byte[] iu = new byte[24];
        iu[10] = FcpRsp.SNS_LEN_VALID;
        iu[16] = iu[17] = iu[18] = iu[19] = (byte) 0xFF;
        rejects(() -> FcpRsp.decode(iu, 0, 24), "shorter than the 4294967319");
    }

    @Test
    void rejectsMalformedFields() {
        rejects(() -> FcpRsp.decode(new byte[23], 0, 23), "23 bytes", "at least 24");
        byte[] reserved = new byte[24];
        reserved[3] = 1;
        rejects(() -> FcpRsp.decode(reserved, 0, 24), "reserved bytes 0..7");
        byte[] rspLen = new byte[29];
        rspLen[10] = FcpRsp.RSP_LEN_VALID;
        rspLen[23] = 5;
        rejects(() -> FcpRsp.decode(rspLen, 0, 29), "FCP_RSP_LEN 5 must be 4 or 8");
        byte[] both = new byte[24];
        both[10] = FcpRsp.RESID_OVER | FcpRsp.RESID_UNDER;
        rejects(() -> FcpRsp.decode(both, 0, 24), "'0x0c'", "FCP_RESID_OVER and FCP_RESID_UNDER are both set");
        byte[] bidiFlag = new byte[24];
        bidiFlag[10] = FcpRsp.BIDI_READ_RESID_UNDER;
        rejects(() -> FcpRsp.decode(bidiFlag, 0, 24), "without FCP_BIDI_RSP");
        byte[] bidiBoth = new byte[28];
        bidiBoth[10] = (byte) (FcpRsp.BIDI_RSP | FcpRsp.BIDI_READ_RESID_OVER | FcpRsp.BIDI_READ_RESID_UNDER);
        rejects(() -> FcpRsp.decode(bidiBoth, 0, 28), "BIDI_READ_RESID_OVER and FCP_BIDI_READ_RESID_UNDER are both set");
    }

    @Test
    void constructorRejectsInconsistentFields() {
        byte[] none = new byte[0];
        rejects(() -> new FcpRsp(0, 0, 0, 0, new byte[4], none, 0), "response info", "FCP_RSP_LEN_VALID is clear");
        rejects(() -> new FcpRsp(0, FcpRsp.RSP_LEN_VALID, 0, 0, new byte[6], none, 0), "must be 4 or 8 bytes");
        rejects(() -> new FcpRsp(0, 0, 0, 0, none, SENSE, 0), "sense data", "FCP_SNS_LEN_VALID is clear");
        rejects(() -> new FcpRsp(0, 0, 0, 0, none, none, 5), "bidirectional read residual", "FCP_BIDI_RSP is clear");
        rejects(() -> new FcpRsp(0, FcpRsp.SNS_LEN_VALID, 0, 0, none, new byte[2100], 0), "2124 bytes", "2112");
        rejects(() -> new FcpRsp(0x10000, 0, 0, 0, none, none, 0), "retry delay timer");
    }

    @Property(tries = 300)
    void roundTrips(@ForAll("responses") FcpRsp r) {
        byte[] iu = r.encode();
        FcpRsp back = FcpRsp.decode(iu, 0, iu.length);
        assertEquals(r, back);
        assertArrayEquals(iu, back.encode());
    }

    @Provide
    Arbitrary<FcpRsp> responses() {
        Arbitrary<Integer> resid = Arbitraries.of(0, FcpRsp.RESID_OVER, FcpRsp.RESID_UNDER);
        Arbitrary<Integer> bidi = Arbitraries.of(0, FcpRsp.BIDI_RSP, FcpRsp.BIDI_RSP | FcpRsp.BIDI_READ_RESID_OVER,
                FcpRsp.BIDI_RSP | FcpRsp.BIDI_READ_RESID_UNDER);
        Arbitrary<byte[]> info = Arbitraries.of(0, 4, 8).flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
        Arbitrary<byte[]> sense = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(96);
        Arbitrary<Boolean> senseValid = Arbitraries.of(true, false);
        return Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), resid, bidi, Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 255), info, sense, senseValid)
                .as((delay, res, bd, conf, status, rsp, sns, snsValid) -> new FcpRsp(delay,
                        res | bd | (conf ? FcpRsp.CONF_REQ : 0) | (rsp.length > 0 ? FcpRsp.RSP_LEN_VALID : 0)
                                | (snsValid ? FcpRsp.SNS_LEN_VALID : 0),
                        status, res != 0 ? 4096 : 0, rsp, snsValid ? sns : new byte[0], bd != 0 ? 77 : 0));
    }
}
