package org.fcredirect.flow.api;

import java.util.Optional;

/**
 * What a bulk import created: {@code count} flows with consecutive ids from {@code first} to
 * {@code last} (both empty when the input held no flow).
 */
public record ImportResult(int count, Optional<FlowId> first, Optional<FlowId> last) {
}
