package org.fcredirect.storage.impl;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * Opens every file channel the engine uses, segments, snapshots and directories alike, so a test
 * can hand it channels that fail on write or force like a full or failing disk.
 */
@FunctionalInterface
public interface ChannelFactory {
    ChannelFactory DEFAULT = FileChannel::open;

    FileChannel open(Path path, OpenOption... options) throws IOException;
}
