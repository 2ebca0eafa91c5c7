package org.fcredirect.flow.impl;

import org.fcredirect.flow.api.FlowSpec;

/** A flow read from an import file, with the line it came from for errors. */
record ParsedFlow(int line, FlowSpec spec) {
}
