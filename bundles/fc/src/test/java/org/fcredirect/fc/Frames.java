package org.fcredirect.fc;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;

/** Generators shared by the frame tests. */
final class Frames {
    private Frames() {
    }

    static Arbitrary<FcId> fcIds() {
        return Arbitraries.integers().between(0, FcId.MAX).map(FcId::of);
    }

    private static Arbitrary<Integer> bits(int width) {
        return Arbitraries.integers().between(0, (1 << width) - 1);
    }

    /** Headers with every field anywhere in its range. */
    static Arbitrary<FrameHeader> headers() {
        return Builders.withBuilder(FrameHeader::builder)
                .use(bits(8)).in(FrameHeader.Builder::rCtl)
                .use(fcIds()).in(FrameHeader.Builder::dId)
                .use(bits(8)).in(FrameHeader.Builder::csCtl)
                .use(fcIds()).in(FrameHeader.Builder::sId)
                .use(bits(8)).in(FrameHeader.Builder::type)
                .use(bits(24)).in(FrameHeader.Builder::fCtl)
                .use(bits(8)).in(FrameHeader.Builder::seqId)
                .use(bits(8)).in(FrameHeader.Builder::dfCtl)
                .use(bits(16)).in(FrameHeader.Builder::seqCnt)
                .use(bits(16)).in(FrameHeader.Builder::oxId)
                .use(bits(16)).in(FrameHeader.Builder::rxId)
                .use(Arbitraries.integers()).in(FrameHeader.Builder::parameter)
                .build(FrameHeader.Builder::build);
    }

    /** A view of a {@code len}-byte frame at offset 5 of a zeroed buffer with room to spare. */
    static FrameView view(int len, int dfCtl, int fCtl) {
        FrameView v = new FrameView().wrap(new byte[FrameView.MAX_FRAME_LENGTH + 100], 5, len);
        v.dfCtl(dfCtl);
        v.fCtl(fCtl);
        return v;
    }
}
