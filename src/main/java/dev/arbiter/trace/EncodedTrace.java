package dev.arbiter.trace;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A trace record made ready for the chain by the request thread that decided it, so that the one writer thread
 * ({@link GroupCommitWriter}) has as little left to do per record as possible: the answer and trace JSON encoded
 * once as UTF-8 (as stored, and as hashed), and the SHA-256 of the record's canonical form ({@link TraceChain}) fed
 * with everything up to the record's chain position, which only the writer knows. Immutable; {@link #contentHash}
 * may be called any number of times (a batch written again after a conflict gets new positions), from any thread.
 */
final class EncodedTrace {

    private final TraceRecord record;
    private final byte[] responseJson;
    private final byte[] traceJson;
    /** Fed with the canonical form up to the chain position; never updated afterwards, only copied. */
    private final MessageDigest content;

    private EncodedTrace(TraceRecord record, byte[] responseJson, byte[] traceJson, MessageDigest content) {
        this.record = record;
        this.responseJson = responseJson;
        this.traceJson = traceJson;
        this.content = content;
    }

    /** Encodes and hashes {@code record} (not null). */
    static EncodedTrace of(TraceRecord record) {
        byte[] responseJson = TraceChain.utf8(record.responseJson());
        byte[] traceJson = TraceChain.utf8(record.traceJson());
        MessageDigest content = sha256();
        TraceChain.writeContent(content::update, record, responseJson, traceJson);
        return new EncodedTrace(record, responseJson, traceJson, content);
    }

    TraceRecord record() {
        return record;
    }

    /** @return the answer JSON as UTF-8, as stored in {@code response_json_utf8}; not to be modified */
    byte[] responseJson() {
        return responseJson;
    }

    /** @return the trace JSON as UTF-8, as stored in {@code trace_json_utf8}; not to be modified */
    byte[] traceJson() {
        return traceJson;
    }

    /** @return the record's content hash at position {@code chainSeq} after {@code prevHash} */
    String contentHash(long chainSeq, String prevHash) {
        MessageDigest digest = copy(content);
        TraceChain.writePosition(digest::update, chainSeq, prevHash);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The JDK's SHA-256 digest can be cloned", e);
        }
    }
}
