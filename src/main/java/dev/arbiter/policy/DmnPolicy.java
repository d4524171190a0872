package dev.arbiter.policy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.api.core.ast.InputDataNode;
import org.kie.dmn.core.compiler.RuntimeTypeCheckOption;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.dmn.feel.util.Either;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.LiteralExpression;
import org.kie.dmn.model.api.OutputClause;
import org.kie.internal.io.ResourceFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The compiled DMN models of a bundle. Models that need the arbitrated outcome (an input named {@code outcome}
 * or {@code escalated}) are evaluated in the {@link Phase#ROUTE} phase, all others in {@link Phase#ASSESS}.
 * Thread-safe: evaluations share nothing but the immutable runtime.
 */
public final class DmnPolicy {

    /** When a model is evaluated: before the rules, or after arbitration. */
    enum Phase { ASSESS, ROUTE }

    /**
     * A table row's output of a column, as written in the file.
     *
     * @param column  the output's name, or null when it has none (as the only output of a table usually has not)
     * @param heading how a person names the column: its name, else its label, else the decision's name
     * @param only    true when the column is the table's only output: the cell is then the decision's value
     */
    record OutputCell(String file, String decision, String rowId, String column, String heading, boolean only, String text) {
    }

    /** A compiled model with its input data, listed once: KIE copies them into a new set on every request. */
    private record CompiledModel(String file, DMNModel model, Phase phase, List<InputDataNode> inputs) {
    }

    private static final Set<String> ROUTE_INPUTS = Set.of("outcome", "escalated");

    /**
     * DMN requires a value that does not conform to its declared type (input data, decision, BKM or decision service
     * parameter and result) to become null, with an error: KIE only checks when asked to (the DMN TCK's coercion cases).
     */
    private static final RuntimeTypeCheckOption STANDARD_TYPE_CHECKS = new RuntimeTypeCheckOption(true);

    private final DMNRuntime runtime;
    private final List<CompiledModel> models;
    private final DmnRecorder recorder;

    private DmnPolicy(DMNRuntime runtime, List<CompiledModel> models, DmnRecorder recorder) {
        this.runtime = runtime;
        this.models = models;
        this.recorder = recorder;
    }

    /**
     * Compiles every DMN file together, so models may import each other; problems found are added to {@code problems}.
     * Returns null if nothing compiled.
     *
     * @param files DMN file path (as reported in problems and used to name a model) to content
     */
    public static DmnPolicy compile(Map<String, String> files, List<PolicyProblem> problems) {
        List<Resource> resources = new ArrayList<>();
        Map<String, String> readable = new TreeMap<>();
        files.forEach((path, content) -> {
            if (!isDmnXml(path, content, problems)) {
                return;
            }
            readable.put(path, content);
            Resource resource = ResourceFactory.newByteArrayResource(content.getBytes(StandardCharsets.UTF_8));
            resource.setSourcePath(path);
            resource.setResourceType(ResourceType.DMN);
            resources.add(resource);
        });
        Either<Exception, DMNRuntime> built;
        try {
            built = DMNRuntimeBuilder.fromDefaults().setOption(STANDARD_TYPE_CHECKS).buildConfiguration().fromResources(resources);
        } catch (RuntimeException e) {
            problems.add(PolicyProblem.error("dmn-models", "DMN models cannot be read: " + e));
            return null;
        }
        if (built.isLeft()) {
            String why = built.cata(Exception::getMessage, runtime -> "");
            problems.add(PolicyProblem.error("dmn-models", "DMN models cannot be compiled: " + why));
            return null;
        }
        DMNRuntime runtime = built.getOrElse(null);
        List<CompiledModel> models = new ArrayList<>();
        for (DMNModel model : runtime.getModels()) {
            String file = model.getResource() == null ? model.getName() : model.getResource().getSourcePath();
            collectMessages(file, model, problems);
            models.add(new CompiledModel(file, model, phaseOf(model), List.copyOf(model.getInputs())));
        }
        reportUnloaded(readable, models, problems);
        DmnRecorder recorder = new DmnRecorder();
        runtime.addListener(recorder);
        return new DmnPolicy(runtime, models, recorder);
    }

    /** The KIE builder fails with a NullPointerException on a file it cannot unmarshal: report such files first. */
    private static boolean isDmnXml(String file, String content, List<PolicyProblem> problems) {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            // No DTD at all: the KIE reader that runs next must never meet an entity declaration (XXE, entity bombs).
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            String[] root = new String[1];
            factory.newSAXParser().parse(new InputSource(new StringReader(content)), new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if (root[0] == null) {
                        root[0] = localName;
                    }
                }
            });
            if (!"definitions".equals(root[0])) {
                problems.add(PolicyProblem.error(file, 0, 0, root[0], "Not a DMN model: the root element must be <definitions>"));
                return false;
            }
            return true;
        } catch (SAXParseException e) {
            problems.add(PolicyProblem.error(file, Math.max(0, e.getLineNumber()), Math.max(0, e.getColumnNumber()), null,
                    "Not well-formed XML: " + e.getMessage()));
            return false;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            problems.add(PolicyProblem.error(file, "Not a readable DMN model: " + e.getMessage()));
            return false;
        }
    }

    private static void reportUnloaded(Map<String, String> files, List<CompiledModel> models, List<PolicyProblem> problems) {
        Set<String> loaded = models.stream().map(CompiledModel::file).collect(Collectors.toSet());
        files.keySet().stream().filter(file -> !loaded.contains(file))
                .forEach(file -> problems.add(PolicyProblem.error(file, "Not a readable DMN model")));
    }

    private static void collectMessages(String file, DMNModel model, List<PolicyProblem> problems) {
        collectMessages(file, model.getMessages(), problems);
    }

    /** Adds the errors and warnings among {@code messages}; information messages are left out. */
    private static void collectMessages(String file, List<DMNMessage> messages, List<PolicyProblem> problems) {
        for (DMNMessage message : messages) {
            if (message.getSeverity() == DMNMessage.Severity.ERROR) {
                problems.add(PolicyProblem.error(file, message.getLine(), message.getColumn(), message.getSourceId(), message.getText()));
            } else if (message.getSeverity() == DMNMessage.Severity.WARN) {
                problems.add(PolicyProblem.warning(file, message.getSourceId(), message.getText()));
            }
        }
    }

    private static Phase phaseOf(DMNModel model) {
        for (InputDataNode input : model.getInputs()) {
            if (ROUTE_INPUTS.contains(input.getName())) {
                return Phase.ROUTE;
            }
        }
        return Phase.ASSESS;
    }

    /** @return each model's file with the names of its input data */
    Map<String, java.util.Set<String>> inputNames() {
        Map<String, java.util.Set<String>> names = new java.util.TreeMap<>();
        for (CompiledModel compiled : models) {
            names.put(compiled.file(), compiled.model().getInputs().stream().map(InputDataNode::getName)
                    .collect(Collectors.toCollection(java.util.TreeSet::new)));
        }
        return names;
    }

    /** @return true when the model in {@code file} runs after arbitration */
    boolean runsAfterArbitration(String file) {
        return models.stream().anyMatch(compiled -> compiled.file().equals(file) && compiled.phase() == Phase.ROUTE);
    }

    /** @return the file of the model that defines {@code decision} in {@code phase}, or null */
    String fileDefining(Phase phase, String decision) {
        for (CompiledModel compiled : models) {
            if (compiled.phase() == phase && compiled.model().getDecisionByName(decision) != null) {
                return compiled.file();
            }
        }
        return null;
    }

    /** @return every output cell of every decision-table row, for static checks */
    List<OutputCell> outputCells() {
        List<OutputCell> cells = new ArrayList<>();
        for (CompiledModel compiled : models) {
            for (DecisionNode node : compiled.model().getDecisions()) {
                if (node.getDecision().getExpression() instanceof DecisionTable table) {
                    addCells(compiled.file(), node.getName(), table, cells);
                }
            }
        }
        return cells;
    }

    private static void addCells(String file, String decision, DecisionTable table, List<OutputCell> cells) {
        for (DecisionRule row : table.getRule()) {
            List<LiteralExpression> entries = row.getOutputEntry();
            for (int i = 0; i < entries.size() && i < table.getOutput().size(); i++) {
                OutputClause output = table.getOutput().get(i);
                String heading = output.getName() != null ? output.getName() : output.getLabel() != null ? output.getLabel() : decision;
                cells.add(new OutputCell(file, decision, row.getId(), output.getName(), heading, table.getOutput().size() == 1,
                        entries.get(i).getText().trim()));
            }
        }
    }

    /**
     * Evaluates every model of the phase with {@code inputs}; the tables evaluated are appended to {@code tables}.
     *
     * @throws PolicyEvaluationException when a decision fails to evaluate
     */
    List<DecisionOutput> evaluate(Phase phase, Map<String, Object> inputs, List<TableEvaluation> tables) {
        List<DecisionOutput> outputs = new ArrayList<>();
        Map<String, Object> numbers = new HashMap<>();
        for (CompiledModel compiled : models) {
            if (compiled.phase() == phase) {
                evaluateModel(compiled, inputs, numbers, tables, outputs);
            }
        }
        return outputs;
    }

    /**
     * @param numbers the FEEL values of the number inputs converted so far in this evaluation, by name: a number
     *                converts the same whatever type a model declares, so each is converted once for all models
     */
    private void evaluateModel(CompiledModel compiled, Map<String, Object> inputs, Map<String, Object> numbers,
                               List<TableEvaluation> tables, List<DecisionOutput> outputs) {
        DMNContext context = runtime.newContext();
        for (InputDataNode input : compiled.inputs()) {
            context.set(input.getName(), feelValue(input, inputs.get(input.getName()), numbers));
        }
        recorder.start(compiled.file());
        DMNResult result;
        try {
            result = runtime.evaluateAll(compiled.model(), context);
        } finally {
            tables.addAll(recorder.stop());
        }
        if (!result.getMessages().isEmpty() && result.hasErrors()) {
            throw new PolicyEvaluationException(compiled.file() + ": " + result.getMessages(DMNMessage.Severity.ERROR).stream()
                    .map(DMNMessage::getText).collect(Collectors.joining("; ")));
        }
        for (DMNDecisionResult decision : result.getDecisionResults()) {
            outputs.add(new DecisionOutput(compiled.file(), decision.getDecisionName(), decision.getResult()));
        }
    }

    /**
     * Evaluates one decision of the phase on its own: the decisions it requires, not the rest of its model, and not
     * recorded as a table evaluation.
     *
     * @return the decision's value; null when no model of the phase defines it
     * @throws PolicyEvaluationException when it fails to evaluate
     */
    Object evaluateAlone(Phase phase, String decision, Map<String, Object> inputs) {
        for (CompiledModel compiled : models) {
            if (compiled.phase() == phase && compiled.model().getDecisionByName(decision) != null) {
                DMNContext context = runtime.newContext();
                Map<String, Object> numbers = new HashMap<>();
                for (InputDataNode input : compiled.inputs()) {
                    context.set(input.getName(), feelValue(input, inputs.get(input.getName()), numbers));
                }
                DMNResult result = runtime.evaluateByName(compiled.model(), context, decision);
                if (result.hasErrors()) {
                    throw new PolicyEvaluationException(compiled.file() + ": " + result.getMessages(DMNMessage.Severity.ERROR)
                            .stream().map(DMNMessage::getText).collect(Collectors.joining("; ")));
                }
                DMNDecisionResult value = result.getDecisionResultByName(decision);
                return value == null ? null : value.getResult();
            }
        }
        return null;
    }

    /** @return the FEEL value of an input; a number is converted once per evaluation and kept in {@code numbers} */
    private static Object feelValue(InputDataNode input, Object value, Map<String, Object> numbers) {
        if (!(value instanceof Number)) {
            return FeelValues.toFeel(value, input.getType());
        }
        Object converted = numbers.get(input.getName());
        if (converted == null) {
            converted = FeelValues.toFeel(value, input.getType());
            numbers.put(input.getName(), converted);
        }
        return converted;
    }

    /** @return the files of the compiled models, in compilation order (imported models first) */
    public List<String> modelFiles() {
        return models.stream().map(CompiledModel::file).toList();
    }

    /**
     * Evaluates one decision of one model, and the decisions it requires.
     *
     * @param model    the model's file (as given to {@link #compile}) or its name
     * @param decision the decision's name
     * @param inputs   input data (and, to override them, decisions) by name; converted with {@link FeelValues}
     * @throws IllegalArgumentException when there is no such model (an unknown decision is reported in the messages)
     */
    public DmnEvaluation evaluateDecision(String model, String decision, Map<String, ?> inputs) {
        CompiledModel compiled = model(model);
        DMNContext context = context(compiled.model(), inputs);
        return evaluation(compiled.file(), runtime.evaluateByName(compiled.model(), context, decision));
    }

    /**
     * Evaluates one decision service of one model.
     *
     * @param model   the model's file (as given to {@link #compile}) or its name
     * @param service the decision service's name
     * @param inputs  the service's inputs by name; converted with {@link FeelValues}
     * @throws IllegalArgumentException when there is no such model (an unknown service is reported in the messages)
     */
    public DmnEvaluation evaluateDecisionService(String model, String service, Map<String, ?> inputs) {
        CompiledModel compiled = model(model);
        DMNContext context = context(compiled.model(), inputs);
        return evaluation(compiled.file(), runtime.evaluateDecisionService(compiled.model(), context, service));
    }

    private CompiledModel model(String model) {
        for (CompiledModel compiled : models) {
            if (compiled.file().equals(model) || compiled.model().getName().equals(model)) {
                return compiled;
            }
        }
        throw new IllegalArgumentException("No DMN model named '" + model + "'; models: " + modelFiles());
    }

    /** Inputs are converted for the type their input data (or the decision they override) declares. */
    private DMNContext context(DMNModel model, Map<String, ?> inputs) {
        DMNContext context = runtime.newContext();
        inputs.forEach((name, value) -> context.set(name, FeelValues.toFeel(value, declaredType(model, name))));
        return context;
    }

    private static DMNType declaredType(DMNModel model, String name) {
        InputDataNode input = model.getInputByName(name);
        if (input != null) {
            return input.getType();
        }
        DecisionNode decision = model.getDecisionByName(name);
        return decision == null ? null : decision.getResultType();
    }

    private static DmnEvaluation evaluation(String file, DMNResult result) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (DMNDecisionResult decision : result.getDecisionResults()) {
            values.put(decision.getDecisionName(), decision.getResult());
        }
        List<PolicyProblem> messages = new ArrayList<>();
        collectMessages(file, result.getMessages(), messages);
        return new DmnEvaluation(values, messages);
    }
}
