package dev.arbiter.trace;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of trace search and export.
 *
 * @param exportMaxRows   an export matching more decisions than this is refused (400) before anything is sent
 * @param exportBatchSize how many decisions an export reads per database query while it streams
 * @param rareReasonRows  a reason code on at most this many stored decisions is rare: a search for it starts from
 *                        the code's index rather than walking decisions newest-first (see {@link TraceSearch})
 */
@ConfigurationProperties("arbiter.search")
public record SearchLimits(Integer exportMaxRows, Integer exportBatchSize, Integer rareReasonRows) {

    public SearchLimits {
        exportMaxRows = exportMaxRows == null ? 100_000 : exportMaxRows;
        exportBatchSize = exportBatchSize == null ? TraceSearch.MAX_SIZE : exportBatchSize;
        rareReasonRows = rareReasonRows == null ? 10_000 : rareReasonRows;
        if (exportMaxRows < 1 || exportBatchSize < 1 || exportBatchSize > TraceSearch.MAX_SIZE || rareReasonRows < 0) {
            throw new IllegalArgumentException("arbiter.search.export-max-rows must be positive, "
                    + "arbiter.search.export-batch-size within 1.." + TraceSearch.MAX_SIZE
                    + " and arbiter.search.rare-reason-rows zero or more");
        }
    }

    /** The defaults. */
    public static SearchLimits defaults() {
        return new SearchLimits(null, null, null);
    }
}
