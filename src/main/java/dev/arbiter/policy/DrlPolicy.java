package dev.arbiter.policy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.command.ExecutableCommand;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.Context;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.builder.InternalMessage;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.command.RegistryContext;
import org.kie.internal.io.ResourceFactory;

/**
 * The compiled DRL rules of a bundle (classic build, so every error has a line). One stateless session serves all
 * evaluations; it is thread-safe and holds no per-request state. Its working memories come from a pool (reset after
 * each evaluation, not rebuilt), which grows to as many as evaluate at once. An evaluation fires at most
 * {@code maxRuleFirings} rules, so a rule that keeps re-activating itself fails that evaluation instead of running on.
 */
final class DrlPolicy {

    /** A reason code a rule consequence emits, found in the DRL text. */
    record EmittedCode(String file, int line, String code) {
    }

    private static final Pattern EMITTED = Pattern.compile(
            "(?:Finding\\s*\\.\\s*(?:escalate|routeToAgent|humanReview|automate)|Suppression\\s*\\.\\s*of)"
                    + "\\s*\\(\\s*kcontext\\s*,\\s*(?:[$\\w.()]+\\s*,\\s*)?\"([^\"]*)\"");

    /** Working memories kept for reuse at first; the pool grows when more evaluations run at once. */
    private static final int SESSIONS = 4;

    /** The most rules an evaluation that reached the firing limit names: the one that fired most, and its peers. */
    private static final int NAMED_LOOPING_RULES = 3;

    private static final String NULL_PACKAGE = "Parser returned a null Package";
    private static final Pattern DUPLICATE_RULE = Pattern.compile("Duplicate rule name: (.+)");

    private final Map<String, String> files;
    private final StatelessKieSession session;
    private final Map<String, String> ruleFiles;
    /** Per {@code package/rule name}: where the rule is, so that a firing is located without parsing. */
    private final Map<String, RuleFiring> firings;
    /** Per {@code package/rule name}: the rule as {@code file#rule name}. */
    private final Map<String, String> sources;
    private final DrlRecorder recorder = new DrlRecorder();
    private final int maxRuleFirings;

    private DrlPolicy(Map<String, String> files, KieBase base, int maxRuleFirings) {
        this.files = files;
        this.maxRuleFirings = maxRuleFirings;
        this.ruleFiles = ruleFiles(base);
        this.firings = new HashMap<>();
        this.sources = new HashMap<>();
        ruleFiles.keySet().forEach(key -> {
            RuleFiring firing = located(key);
            firings.put(key, firing);
            sources.put(key, source(firing));
        });
        this.session = base.newKieSessionsPool(SESSIONS).newStatelessKieSession();
        session.addEventListener(recorder.agenda);
        session.addEventListener(recorder.facts);
    }

    /**
     * Compiles every DRL file; problems found are added to {@code problems}. Returns null when it does not compile.
     *
     * @param maxRuleFirings the most rules one evaluation may fire (positive); reaching it fails the evaluation
     */
    static DrlPolicy compile(Map<String, String> files, List<PolicyProblem> problems, int maxRuleFirings) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        files.forEach((path, content) -> {
            Resource resource = ResourceFactory.newByteArrayResource(content.getBytes(StandardCharsets.UTF_8));
            resource.setSourcePath(path);
            builder.add(resource, ResourceType.DRL);
        });
        List<PolicyProblem> found = new ArrayList<>();
        for (KnowledgeBuilderResult result : builder.getResults(ResultSeverity.ERROR, ResultSeverity.WARNING)) {
            found.add(toProblem(result));
        }
        problems.addAll(withBothDuplicates(withoutEchoes(found), files));
        if (builder.hasErrors()) {
            return null;
        }
        return new DrlPolicy(files, builder.newKieBase(), maxRuleFirings);
    }

    /** The parser adds a line-less "null Package" error after each real syntax error in the same file: drop it. */
    private static List<PolicyProblem> withoutEchoes(List<PolicyProblem> found) {
        return found.stream()
                .filter(problem -> !(problem.message().startsWith(NULL_PACKAGE) && found.stream()
                        .anyMatch(other -> other != problem && other.file().equals(problem.file()) && other.line() > 0)))
                .toList();
    }

    /** Where a rule is declared. */
    private record Declaration(String file, int line) {

        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    /**
     * The engine reports a rule name used twice only where it met the second one, which may be the file that was
     * there first. Names every declaration instead: one error per declaration, each saying where the others are.
     */
    private static List<PolicyProblem> withBothDuplicates(List<PolicyProblem> found, Map<String, String> files) {
        List<PolicyProblem> result = new ArrayList<>();
        java.util.Set<String> named = new java.util.HashSet<>();
        for (PolicyProblem problem : found) {
            Matcher duplicate = DUPLICATE_RULE.matcher(problem.message());
            List<Declaration> declared = problem.isError() && duplicate.matches() ? declarations(duplicate.group(1), files) : List.of();
            if (declared.size() < 2) {
                result.add(problem);
            } else if (named.add(duplicate.group(1))) {
                for (Declaration declaration : declared) {
                    List<String> others = declared.stream().filter(other -> !other.equals(declaration)).map(Declaration::toString).toList();
                    result.add(PolicyProblem.error(declaration.file(), declaration.line(), 0, null,
                            problem.message() + " (also declared in " + String.join(", ", others) + ")"));
                }
            }
        }
        return result;
    }

    /** @return every {@code rule "name"} declaration of that name, in path order */
    private static List<Declaration> declarations(String name, Map<String, String> files) {
        Pattern declaration = Pattern.compile("(?m)^\\s*rule\\s+([\"'])" + Pattern.quote(name) + "\\1");
        List<Declaration> found = new ArrayList<>();
        new java.util.TreeMap<>(files).forEach((file, content) -> {
            Matcher matcher = declaration.matcher(content);
            while (matcher.find()) {
                found.add(new Declaration(file, PolicyFiles.lineOf(content, matcher.end())));
            }
        });
        return found;
    }

    private static PolicyProblem toProblem(KnowledgeBuilderResult result) {
        String file = result.getResource() == null ? "rules" : result.getResource().getSourcePath();
        InternalMessage message = result.asMessage(0);
        int line = message.getLine() > 0 ? message.getLine() : firstLine(result.getLines());
        String text = result.getMessage().strip();
        if (result.getSeverity() == ResultSeverity.ERROR) {
            return PolicyProblem.error(file, line, Math.max(0, message.getColumn()), null, text);
        }
        return new PolicyProblem(file, line, Math.max(0, message.getColumn()), null, PolicyProblem.Severity.WARNING, text);
    }

    private static int firstLine(int[] lines) {
        return lines == null || lines.length == 0 ? 0 : Math.max(0, lines[0]);
    }

    private static Map<String, String> ruleFiles(KieBase base) {
        Map<String, String> byRule = new HashMap<>();
        for (KiePackage kiePackage : base.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                String file = rule instanceof RuleImpl impl && impl.getResource() != null
                        ? impl.getResource().getSourcePath() : "rules/" + kiePackage.getName();
                byRule.put(rule.getPackageName() + "/" + rule.getName(), file);
            }
        }
        return byRule;
    }

    /** @return the rules of the bundle with their files, for coverage and documentation */
    List<RuleFiring> rules() {
        return List.copyOf(firings.values());
    }

    /** @return the file and rule name of a {@code package/rule name} key */
    RuleFiring locate(String packageAndRule) {
        RuleFiring known = firings.get(packageAndRule);
        return known != null ? known : located(packageAndRule);
    }

    /** @return the rule of a {@code package/rule name} key as {@code file#rule name} */
    String sourceOf(String packageAndRule) {
        String known = sources.get(packageAndRule);
        return known != null ? known : source(located(packageAndRule));
    }

    private static String source(RuleFiring firing) {
        return firing.file() + "#" + firing.rule();
    }

    private RuleFiring located(String packageAndRule) {
        String file = ruleFiles.getOrDefault(packageAndRule, "rules");
        return new RuleFiring(file, packageAndRule.substring(packageAndRule.indexOf('/') + 1));
    }

    /** @return every reason code written in a rule consequence, with its file and line */
    List<EmittedCode> emittedCodes() {
        List<EmittedCode> codes = new ArrayList<>();
        files.forEach((file, content) -> {
            Matcher matcher = EMITTED.matcher(content);
            while (matcher.find()) {
                int line = PolicyFiles.lineOf(content, matcher.start(1));
                codes.add(new EmittedCode(file, line, matcher.group(1)));
            }
        });
        return codes;
    }

    /**
     * Fires the rules over {@code facts}, at most {@code maxRuleFirings} of them.
     *
     * @return the rules that fired and the objects their consequences inserted, in firing order
     * @throws PolicyEvaluationException when a rule fails, or when the evaluation reaches {@code maxRuleFirings}
     *                                   (naming the rule that fired most)
     */
    DrlRecorder.Recording fire(List<Object> facts) {
        recorder.start();
        int fired;
        try {
            fired = session.execute(new BoundedFiring(facts, maxRuleFirings));
        } catch (RuntimeException e) {
            recorder.stop();
            throw new PolicyEvaluationException("Rule evaluation failed: " + e.getMessage(), e);
        }
        DrlRecorder.Recording recording = recorder.stop();
        if (fired >= maxRuleFirings) {
            throw new PolicyEvaluationException(endless(recording));
        }
        return recording;
    }

    /**
     * @return why an evaluation that reached the cap was stopped, naming the rule that fired most, and the rules that
     *         fired at least half as often (a rule re-activated by another's update fires as often as that one), most
     *         first (ties in the order they first fired), at most {@value #NAMED_LOOPING_RULES}
     */
    private String endless(DrlRecorder.Recording recording) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        recording.fired.forEach(rule -> counts.merge(rule, 1, Integer::sum));
        int most = Collections.max(counts.values());
        List<Map.Entry<String, Integer>> looping = counts.entrySet().stream().filter(count -> count.getValue() * 2 >= most)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(NAMED_LOOPING_RULES).toList();
        StringBuilder why = new StringBuilder(looping.size() == 1 ? "rule " : "rules ");
        for (int i = 0; i < looping.size(); i++) {
            RuleFiring rule = locate(looping.get(i).getKey());
            why.append(i == 0 ? "" : " and ").append('\'').append(rule.rule()).append("' (").append(rule.file()).append(')')
                    .append(i == 0 ? " fired " : " ").append(String.format(Locale.ROOT, "%,d times", looping.get(i).getValue()));
        }
        why.append(String.format(Locale.ROOT, " in one evaluation, which reached the limit of %,d rule firings"
                + " (arbiter.policy.max-rule-firings): ", maxRuleFirings));
        return why.append(looping.size() == 1 ? "a rule that keeps re-activating itself"
                : "rules that keep re-activating themselves or each other")
                .append(" (update/modify without a guard or no-loop)").toString();
    }

    /**
     * Inserts the facts and fires at most {@code max} rules, with Drools' own bound ({@code fireAllRules(max)}):
     * the stateless session then does not fire all rules again on its own.
     */
    private record BoundedFiring(List<Object> facts, int max) implements ExecutableCommand<Integer> {

        @Override
        public Integer execute(Context context) {
            KieSession session = ((RegistryContext) context).lookup(KieSession.class);
            for (Object fact : facts) {
                session.insert(fact);
            }
            return session.fireAllRules(max);
        }

        @Override
        public boolean autoFireAllRules() {
            return false;
        }
    }
}
