/**
 * FCP information units (FCP-4): FCP_CMND, FCP_XFER_RDY, FCP_DATA and FCP_RSP as immutable values
 * with strict decoders and encoders, plus the SCSI opcode and status vocabulary they carry.
 */
@Export
@Version("1.0.0")
package org.fcredirect.fc.fcp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
