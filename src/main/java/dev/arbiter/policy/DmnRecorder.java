package dev.arbiter.policy;

import java.util.ArrayList;
import java.util.List;

import org.kie.dmn.api.core.event.AfterEvaluateDecisionTableEvent;
import org.kie.dmn.api.core.event.DMNRuntimeEventListener;

/**
 * Collects the decision tables evaluated on the current thread. DMN listeners are runtime-wide, so each
 * evaluation opens its own recording with {@link #start} and takes it back with {@link #stop}.
 */
final class DmnRecorder implements DMNRuntimeEventListener {

    private final ThreadLocal<List<TableEvaluation>> current = new ThreadLocal<>();
    private final ThreadLocal<String> currentFile = new ThreadLocal<>();

    void start(String file) {
        current.set(new ArrayList<>());
        currentFile.set(file);
    }

    List<TableEvaluation> stop() {
        List<TableEvaluation> tables = current.get();
        current.remove();
        currentFile.remove();
        return tables == null ? List.of() : tables;
    }

    @Override
    public void afterEvaluateDecisionTable(AfterEvaluateDecisionTableEvent event) {
        List<TableEvaluation> tables = current.get();
        if (tables != null) {
            tables.add(new TableEvaluation(currentFile.get(), event.getDecisionName(),
                    List.copyOf(event.getMatches()), List.copyOf(event.getSelected()),
                    List.copyOf(event.getMatchesIds()), List.copyOf(event.getSelectedIds())));
        }
    }

}
