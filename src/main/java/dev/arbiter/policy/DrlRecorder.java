package dev.arbiter.policy;

import java.util.ArrayList;
import java.util.List;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;

/**
 * Collects, for the evaluation running on the current thread, the rules that fired and the objects they inserted.
 * The stateless session is shared by all requests, so each evaluation opens its own recording. A recording holds
 * one entry per firing, so it stays as small as the firing limit of {@link DrlPolicy} keeps the evaluation.
 */
final class DrlRecorder {

    /** What one evaluation recorded. */
    static final class Recording {
        final List<String> fired = new ArrayList<>();
        final List<Object> inserted = new ArrayList<>();
    }

    private final ThreadLocal<Recording> current = new ThreadLocal<>();

    final DefaultAgendaEventListener agenda = new DefaultAgendaEventListener() {
        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            Recording recording = current.get();
            if (recording != null) {
                recording.fired.add(event.getMatch().getRule().getPackageName() + "/" + event.getMatch().getRule().getName());
            }
        }
    };

    final DefaultRuleRuntimeEventListener facts = new DefaultRuleRuntimeEventListener() {
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            Recording recording = current.get();
            if (recording != null && event.getRule() != null) {
                recording.inserted.add(event.getObject());
            }
        }
    };

    void start() {
        current.set(new Recording());
    }

    Recording stop() {
        Recording recording = current.get();
        current.remove();
        return recording;
    }
}
