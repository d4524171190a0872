package dev.arbiter.trace;

/** A purge was refused: the records it would remove do not verify, and removing them would hide that. */
public class ChainBrokenException extends RuntimeException {

    private final transient ChainReport report;

    public ChainBrokenException(ChainReport report) {
        super("The trace chain does not verify up to the purge point: " + report.firstBroken().problem() + " at chain position "
                + report.firstBroken().chainSeq() + "; nothing was purged");
        this.report = report;
    }

    public ChainReport report() {
        return report;
    }
}
