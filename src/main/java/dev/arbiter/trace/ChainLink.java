package dev.arbiter.trace;

/**
 * A position in the tamper-evident chain.
 *
 * @param chainSeq    the record's position (1 for the first record ever written)
 * @param decisionId  the record's decision id, or null where the position is only known from a purge anchor
 * @param contentHash the record's content hash, which the next record carries as its prev_hash
 */
public record ChainLink(long chainSeq, String decisionId, String contentHash) {

    /** Before the first record: position 0, followed by a record whose prev_hash is the genesis hash. */
    static final ChainLink START = new ChainLink(0, null, TraceChain.GENESIS);
}
