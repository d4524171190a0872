package dev.arbiter.policy;

import java.util.List;

/**
 * One DMN decision table evaluated for a decision: which rows matched and which were selected by the hit policy.
 *
 * @param file         the DMN file, e.g. {@code dmn-models/routing.dmn}
 * @param decision     the decision name
 * @param matchedRows  1-based row numbers that matched
 * @param selectedRows 1-based row numbers the hit policy selected
 * @param selectedIds  ids of the selected rows (the DMN {@code rule} ids)
 */
public record TableEvaluation(String file, String decision, List<Integer> matchedRows, List<Integer> selectedRows,
                              List<String> matchedIds, List<String> selectedIds) {
}
