package org.fcredirect.fc.capture;

/** A provider registered in this module's test META-INF/services that claims the built-in 225. */
public final class TestClashingLinkType implements LinkTypeDecoder {
    private final String name;
    private final int linkType;

    public TestClashingLinkType() {
        this("other-delim", LinkTypes.FC_2_WITH_FRAME_DELIMS);
    }

    TestClashingLinkType(String name, int linkType) {
        this.name = name;
        this.linkType = linkType;
    }

    @Override
    public int linkType() {
        return linkType;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LinkFrame decode(byte[] packet, int off, int len) {
        throw new UnsupportedOperationException("never registered");
    }

    @Override
    public byte[] encode(byte[] frame, int off, int len, LinkOptions options) {
        throw new UnsupportedOperationException("never registered");
    }
}
