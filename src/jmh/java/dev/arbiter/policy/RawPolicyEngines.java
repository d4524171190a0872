package dev.arbiter.policy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.ast.InputDataNode;
import org.kie.dmn.core.compiler.RuntimeTypeCheckOption;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import dev.arbiter.policy.facts.Outcome;

/**
 * The shipped policy's two engines called directly, as a KIE user without the service would: a {@link DMNRuntime}
 * built from the {@code dmn-models/} files with the options the service uses (DMN-standard runtime type checks on),
 * and a stateless session of the {@link KieBase} compiled from the {@code rules/} files (classic build, as the
 * service). No event listeners, no recording, no conversion, no reading of results: what is left is engine work.
 * The inputs are those the pipeline gave the engines for one request, captured once by {@link #inputsOf}, which
 * also checks that the raw engines reach the same results as the pipeline did. Benchmark support; thread-safe.
 */
public final class RawPolicyEngines {

    private static final String RULE_ORIGIN = "rule:";
    private static final Set<String> ROUTE_INPUTS = Set.of("outcome", "escalated");

    /** One DMN model with the FEEL values of its input data, as the pipeline set them. */
    public record DmnCall(DMNModel model, List<String> names, List<Object> values) {
    }

    /** What the engines get for one decision: every DMN model evaluated, and the facts the rules fire over. */
    public record Inputs(List<DmnCall> tables, List<Object> ruleFacts) {
    }

    private final DMNRuntime dmn;
    private final KieBase rules;
    private final StatelessKieSession session;

    private RawPolicyEngines(DMNRuntime dmn, KieBase rules) {
        this.dmn = dmn;
        this.rules = rules;
        this.session = rules.newKieSessionsPool(1).newStatelessKieSession();
    }

    /**
     * Compiles the DMN and DRL files of {@code files}, independently of the service's loader.
     *
     * @throws IllegalStateException when they do not compile
     */
    public static RawPolicyEngines compile(PolicyFiles files) {
        List<Resource> models = new ArrayList<>();
        files.withExtension(".dmn").forEach((path, content) -> models.add(resource(path, content, ResourceType.DMN)));
        DMNRuntime runtime = DMNRuntimeBuilder.fromDefaults().setOption(new RuntimeTypeCheckOption(true))
                .buildConfiguration().fromResources(models)
                .getOrElseThrow(e -> new IllegalStateException("DMN models do not compile", e));
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        files.withExtension(".drl").forEach((path, content) -> builder.add(resource(path, content, ResourceType.DRL), ResourceType.DRL));
        if (builder.hasErrors()) {
            throw new IllegalStateException("Rules do not compile: " + builder.getErrors());
        }
        return new RawPolicyEngines(runtime, builder.newKieBase());
    }

    private static Resource resource(String path, String content, ResourceType type) {
        Resource resource = ResourceFactory.newByteArrayResource(content.getBytes(StandardCharsets.UTF_8));
        resource.setSourcePath(path);
        resource.setResourceType(type);
        return resource;
    }

    /**
     * The inputs the pipeline gave the engines for one decision: every model with the table inputs (the routing
     * models also with the arbitrated outcome), and the facts plus the table findings the rules fired over.
     *
     * @param outcome the outcome the pipeline arbitrated for these facts
     * @throws IllegalStateException when the raw engines disagree with the pipeline's bundle
     */
    public Inputs inputsOf(PolicyBundle bundle, PolicyFacts facts, Outcome outcome) {
        Assessment assessment = bundle.assess(facts);
        List<Object> ruleFacts = facts.ruleFacts(facts.interaction().withAutomationThreshold(assessment.automationThreshold()));
        assessment.findings().stream().filter(finding -> !finding.getOrigin().startsWith(RULE_ORIGIN)).forEach(ruleFacts::add);

        Map<String, Object> assessInputs = facts.tableInputs();
        Map<String, Object> routeInputs = facts.tableInputs();
        routeInputs.put("outcome", outcome.name());
        routeInputs.put("escalated", outcome == Outcome.ESCALATE);
        List<DmnCall> calls = new ArrayList<>();
        for (DMNModel model : dmn.getModels()) {
            boolean route = model.getInputs().stream().anyMatch(input -> ROUTE_INPUTS.contains(input.getName()));
            Map<String, Object> inputs = route ? routeInputs : assessInputs;
            List<String> names = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (InputDataNode input : model.getInputs()) {
                names.add(input.getName());
                values.add(FeelValues.toFeel(inputs.get(input.getName()), input.getType()));
            }
            calls.add(new DmnCall(model, List.copyOf(names), java.util.Collections.unmodifiableList(values)));
        }
        Inputs captured = new Inputs(List.copyOf(calls), List.copyOf(ruleFacts));
        checkTables(bundle, captured, assessInputs, routeInputs);
        checkRules(captured, assessment);
        return captured;
    }

    /** The raw models must give exactly the decision results the bundle's tables gave the pipeline. */
    private void checkTables(PolicyBundle bundle, Inputs inputs, Map<String, Object> assessInputs, Map<String, Object> routeInputs) {
        Map<String, Object> expected = new LinkedHashMap<>();
        for (DmnPolicy.Phase phase : DmnPolicy.Phase.values()) {
            Map<String, Object> phaseInputs = phase == DmnPolicy.Phase.ROUTE ? routeInputs : assessInputs;
            bundle.dmn().evaluate(phase, phaseInputs, new ArrayList<>())
                    .forEach(output -> expected.put(output.decision(), output.value()));
        }
        Map<String, Object> actual = new LinkedHashMap<>();
        for (DmnCall call : inputs.tables()) {
            evaluate(call).getDecisionResults().forEach(result -> actual.put(result.getDecisionName(), result.getResult()));
        }
        if (!expected.equals(actual)) {
            throw new IllegalStateException("Raw DMN results " + actual + " differ from the pipeline's " + expected);
        }
    }

    /** The raw rules must fire exactly the rules the bundle fired for the pipeline, in the same order. */
    private void checkRules(Inputs inputs, Assessment assessment) {
        List<String> fired = new ArrayList<>();
        StatelessKieSession checking = rules.newStatelessKieSession();
        checking.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        });
        checking.execute(inputs.ruleFacts());
        List<String> expected = assessment.rulesFired().stream().map(RuleFiring::rule).toList();
        if (!expected.equals(fired)) {
            throw new IllegalStateException("Raw rules fired " + fired + ", the pipeline " + expected);
        }
    }

    /**
     * Evaluates every decision of one model: a fresh context, the input values, {@code evaluateAll}.
     *
     * @throws IllegalStateException when the evaluation reports an error
     */
    public DMNResult evaluate(DmnCall call) {
        DMNContext context = dmn.newContext();
        for (int i = 0; i < call.names().size(); i++) {
            context.set(call.names().get(i), call.values().get(i));
        }
        DMNResult result = dmn.evaluateAll(call.model(), context);
        if (result.hasErrors()) {
            throw new IllegalStateException(call.model().getName() + ": " + result.getMessages());
        }
        return result;
    }

    /**
     * Inserts the facts into a stateless session of the rules and fires them all. Its working memory comes from a
     * session pool, as the service's does ({@code DrlPolicy}): the engine configured the same way, without the
     * service's listeners.
     */
    public void fire(List<Object> facts) {
        session.execute(facts);
    }
}
