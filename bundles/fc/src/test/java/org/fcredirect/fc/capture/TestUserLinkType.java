package org.fcredirect.fc.capture;

/** A provider registered in this module's test META-INF/services: LINKTYPE_USER0 carrying bare frames. */
public final class TestUserLinkType implements LinkTypeDecoder {
    private final LinkTypeDecoder fc2 = LinkTypes.builtIn().byName("fc2");

    @Override
    public int linkType() {
        return 147;
    }

    @Override
    public String name() {
        return "user0";
    }

    @Override
    public LinkFrame decode(byte[] packet, int off, int len) {
        LinkFrame f = fc2.decode(packet, off, len);
        return LinkFrame.bare(linkType(), f.frameOffset(), f.frameLength());
    }

    @Override
    public byte[] encode(byte[] frame, int off, int len, LinkOptions options) {
        return fc2.encode(frame, off, len, options);
    }
}
