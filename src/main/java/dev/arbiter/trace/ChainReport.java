package dev.arbiter.trace;

/**
 * The result of walking the tamper-evident chain.
 *
 * @param status      OK when every record checked matches its hash and links to the one before, else BROKEN
 * @param checked     how many records matched before the walk ended (all of them when OK)
 * @param firstBroken the first record that does not match, or null when OK
 * @param anchor      the purge anchor the walk started from, or null when nothing was ever purged
 * @param head        the last record that matched, or null when none did: note its hash outside the service to
 *                    detect later removal of records from the chain's end
 * @param unchained   rows that are not part of the chain (written before it existed); they are not verified
 */
public record ChainReport(Status status, long checked, Broken firstBroken, ChainAnchor anchor, ChainLink head,
                          long unchained) {

    public enum Status { OK, BROKEN }

    /**
     * What broke the chain.
     * <ul>
     *   <li>{@code CONTENT_CHANGED}: the record's stored columns no longer hash to its content hash</li>
     *   <li>{@code LINK_BROKEN}: its prev_hash is not the content hash of the record (or anchor) before it</li>
     *   <li>{@code MISSING_RECORD}: positions before it (or, with no decision id, after the last record) are gone</li>
     *   <li>{@code UNCHAINED_RECORD}: a row outside the chain that cannot be a record from before the chain existed</li>
     * </ul>
     */
    public enum Problem { CONTENT_CHANGED, LINK_BROKEN, MISSING_RECORD, UNCHAINED_RECORD }

    /**
     * @param decisionId the record's decision id; null when the record itself is gone
     * @param chainSeq   its position in the chain, or null for a row without one
     * @param detail     what did not match, in words
     */
    public record Broken(String decisionId, Long chainSeq, Problem problem, String detail) {
    }

    /** @return the position the walk reached: its head, else the anchor's, else 0 */
    long lastPosition() {
        return head != null ? head.chainSeq() : anchor != null ? anchor.purgedThroughSeq() : 0;
    }

    boolean ok() {
        return status == Status.OK;
    }
}
