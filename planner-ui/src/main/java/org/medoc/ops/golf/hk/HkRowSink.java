package org.medoc.ops.golf.hk;

import java.time.Instant;

/** Where a reader puts each sample it reads; {@code line} locates it in the file for error messages. */
interface HkRowSink {

    void sample(long line, String mnemonic, Instant time, double raw);
}
