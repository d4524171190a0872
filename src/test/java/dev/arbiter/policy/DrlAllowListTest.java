package dev.arbiter.policy;

import static dev.arbiter.policy.PolicyFixtures.errors;
import static dev.arbiter.policy.PolicyFixtures.lineOf;
import static dev.arbiter.policy.PolicyFixtures.loadFailure;
import static dev.arbiter.policy.PolicyFixtures.shippedFiles;
import static dev.arbiter.policy.PolicyFixtures.withFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Rule files are code: validation refuses a bundle whose DRL uses anything outside the allow-list, wherever it is
 * written, with the file, line and column of what was used and a message naming it and why it is refused. Each test
 * adds one rule file to the shipped policy. The shipped rules and ordinary rule code pass.
 */
class DrlAllowListTest {

    private static final String FILE = "rules/sneaky.drl";
    private static final String BACKSLASH = "\\";

    @Test
    void systemExitIsRefused() {
        assertRefused(consequence("System.exit(1);"), "System.exit",
                "System (java.lang.System): process and JVM control is not allowed in policy rules");
    }

    @Test
    void runtimeExecIsRefused() {
        String drl = consequence("Runtime.getRuntime().exec(\"rm -rf /tmp/x\");");
        List<PolicyProblem> errors = refusals(drl);

        assertRefusedAt(errors, drl, "Runtime.", "Runtime (java.lang.Runtime): process and JVM control");
        assertRefusedAt(errors, drl, "getRuntime", "getRuntime: process and JVM control");
        assertRefusedAt(errors, drl, "exec", "exec: process and JVM control");
    }

    @Test
    void processBuilderIsRefused() {
        assertRefused(consequence("new ProcessBuilder(\"sh\", \"-c\", \"id\").start();"), "ProcessBuilder",
                "ProcessBuilder (java.lang.ProcessBuilder): process and JVM control");
    }

    @Test
    void classForNameIsRefused() {
        String drl = consequence("Class.forName(\"java.lang.Runtime\");");
        List<PolicyProblem> errors = refusals(drl);

        assertRefusedAt(errors, drl, "Class.", "Class (java.lang.Class): reflection is not allowed in policy rules");
        assertRefusedAt(errors, drl, "forName", "forName: reflection");
    }

    @Test
    void getClassLoaderOfAFactIsRefused() {
        String drl = ruleFile("", "$interaction : Interaction()", "$interaction.getClass().getClassLoader();");
        List<PolicyProblem> errors = refusals(drl);

        assertRefusedAt(errors, drl, "getClass", "getClass: reflection");
        assertRefusedAt(errors, drl, "getClassLoader", "getClassLoader: class loading");
    }

    @Test
    void reflectionImportIsRefused() {
        assertRefused(ruleFile("import java.lang.reflect.Method;", "Interaction()", "insert( \"x\" );"),
                "java.lang.reflect.Method", "java.lang.reflect.Method: reflection is not allowed in policy rules");
    }

    @Test
    void methodHandlesAreRefused() {
        assertRefused(consequence("java.lang.invoke.MethodHandles.lookup();"), "java.lang.invoke",
                "java.lang.invoke.MethodHandles: reflection");
    }

    @Test
    void newThreadIsRefused() {
        assertRefused(consequence("new Thread(() -> {}).start();"), "Thread",
                "Thread (java.lang.Thread): concurrency (threads, executors, locks) is not allowed in policy rules");
    }

    @Test
    void executorsAreRefused() {
        String drl = ruleFile("import java.util.concurrent.Executors;", "Interaction()",
                "Executors.newSingleThreadExecutor().submit(() -> {});");
        List<PolicyProblem> errors = refusals(drl);

        assertRefusedAt(errors, drl, "java.util.concurrent.Executors", "java.util.concurrent.Executors: concurrency");
        assertRefusedAt(errors, drl, "Executors.new", "Executors (java.util.concurrent.Executors): concurrency");
    }

    @Test
    void javaIoFileIsRefused() {
        String drl = ruleFile("import java.io.File;", "Interaction()", "new File(\"/etc/passwd\").delete();");
        List<PolicyProblem> errors = refusals(drl);

        assertRefusedAt(errors, drl, "java.io.File", "java.io.File: file access is not allowed in policy rules");
        assertRefusedAt(errors, drl, "File(", "File (java.io.File): file access");
    }

    @Test
    void nioFilesAreRefused() {
        assertRefused(consequence("java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\"));"),
                "java.nio.file.Files", "java.nio.file.Files: file access");
    }

    @Test
    void urlIsRefused() {
        assertRefused(consequence("new java.net.URL(\"http://example.com/\").openStream();"), "java.net.URL",
                "java.net.URL: network access is not allowed in policy rules");
    }

    @Test
    void socketIsRefused() {
        String drl = ruleFile("import java.net.Socket;", "Interaction()", "new Socket(\"example.com\", 80);");
        List<PolicyProblem> errors = refusals(drl);

        assertRefusedAt(errors, drl, "java.net.Socket", "java.net.Socket: network access");
        assertRefusedAt(errors, drl, "Socket(", "Socket (java.net.Socket): network access");
    }

    @Test
    void fullyQualifiedNameWithoutImportIsRefused() {
        assertRefused(consequence("java.lang.System.exit(1);"), "java.lang.System",
                "java.lang.System: process and JVM control");
    }

    @Test
    void useInAFunctionBodyIsRefused() {
        assertRefused(withFunction("""
                function void quit() {
                    System.exit(1);
                }
                """), "System.exit", "System (java.lang.System)");
    }

    @Test
    void useInEvalIsRefused() {
        assertRefused(condition("eval( System.currentTimeMillis() > 0 )"), "System.current", "System (java.lang.System)");
    }

    @Test
    void useInAFromClauseIsRefused() {
        assertRefused(condition("$line : String() from java.nio.file.Files.readAllLines(java.nio.file.Path.of(\"/etc/passwd\"))"),
                "java.nio.file.Files", "java.nio.file.Files: file access");
    }

    @Test
    void useInAnMvelConsequenceIsRefused() {
        assertRefused(mvelConsequence("System.exit(1)"), "System.exit", "System (java.lang.System)");
    }

    @Test
    void mvelPropertyAccessToTheEngineIsRefused() {
        assertRefused(mvelConsequence("kcontext.kieRuntime.halt()"), "kieRuntime",
                "kieRuntime: access to engine internals is not allowed in policy rules");
    }

    @Test
    void theMvelDialectIsRefusedEvenForHarmlessConsequences() {
        assertRefused(mvelConsequence("insert( \"x\" );"), "dialect \"mvel\"", "mvel dialect", "java dialect");
    }

    @Test
    void globalOfAForbiddenTypeIsRefused() {
        assertRefused(ruleFile("global java.util.concurrent.ExecutorService pool;", "Interaction()", "insert( \"x\" );"),
                "java.util.concurrent.ExecutorService", "java.util.concurrent.ExecutorService: concurrency");
    }

    @Test
    void unicodeEscapeIsDecodedBeforeChecking() {
        String escaped = BACKSLASH + "u0053ystem";

        assertRefused(consequence(escaped + ".exit(1);"), escaped, "System (java.lang.System)");
    }

    @Test
    void unicodeLineBreakEndsACommentAsItDoesForJava() {
        assertRefused(consequence("// only a note " + BACKSLASH + "u000a System.exit(1);"), "System.exit",
                "System (java.lang.System)");
    }

    @Test
    void invisibleCharacterInsideANameIsIgnoredAsJavaIgnoresIt() {
        assertRefused(consequence("Sys\u200Btem.exit(1);"), "Sys", "System (java.lang.System)");
    }

    @Test
    void engineAccessThroughKcontextIsRefused() {
        String drl = consequence("kcontext.getKieRuntime().halt();");
        List<PolicyProblem> errors = refusals(drl);

        assertRefusedAt(errors, drl, "getKieRuntime", "getKieRuntime: access to engine internals");
        assertRefusedAt(errors, drl, "kcontext.getKieRuntime", "kcontext.getKieRuntime: access to engine internals");
    }

    @Test
    void engineAccessThroughDroolsIsRefused() {
        assertRefused(consequence("drools.getWorkingMemory().halt();"), "getWorkingMemory",
                "getWorkingMemory: access to engine internals");
    }

    @Test
    void kcontextKeptInAVariableIsRefused() {
        assertRefused(consequence("Object engine = kcontext;"), "kcontext;", "kcontext: access to engine internals");
    }

    @Test
    void importStaticIsRefused() {
        assertRefused(ruleFile("import static java.lang.System.exit;", "Interaction()", "exit(1);"),
                "java.lang.System.exit", "java.lang.System: process and JVM control");
    }

    @Test
    void importFunctionIsRefused() {
        assertRefused(ruleFile("import function java.lang.Runtime.getRuntime;", "Interaction()", "getRuntime();"),
                "java.lang.Runtime.getRuntime", "java.lang.Runtime: process and JVM control");
    }

    @Test
    void importAccumulateIsRefused() {
        assertRefused(ruleFile("import accumulate org.drools.core.EngineLeak leak;", "Interaction()", "insert( \"x\" );"),
                "org.drools", "org.drools.core.EngineLeak: access to engine internals");
    }

    @Test
    void wildcardImportOfAForbiddenPackageIsRefused() {
        assertRefused(ruleFile("import java.util.concurrent.*;", "Interaction()", "insert( \"x\" );"),
                "java.util.concurrent", "java.util.concurrent.*: concurrency");
    }

    @Test
    void wildcardImportOfJavaUtilIsRefusedBecauseItHoldsTimerAndScanner() {
        assertRefused(ruleFile("import java.util.*;", "Interaction()", "insert( \"x\" );"), "java.util.*",
                "java.util.*: only", "import the classes you need one by one");
    }

    @Test
    void aFactClassUsedWithoutImportIsReportedAsNotImportedNotAsRefused() {
        String drl = ruleFile("", "Interaction()", "insert( \"x\" );").replace("package arbiter.policy;\n", "")
                .replace("import dev.arbiter.policy.facts.*;\n", "");

        List<PolicyProblem> errors = refusals(drl);

        assertRefusedAt(errors, drl, "Interaction()", "Unable to resolve 'Interaction': it is not imported",
                "import dev.arbiter.policy.facts.*;");
        assertThat(errors).noneMatch(problem -> problem.message().contains("is not on the list"));
    }

    @Test
    void aJavaTimeClassUsedWithoutImportNamesTheImport() {
        assertRefused(consequence("LocalDate day = null;"), "LocalDate", "Unable to resolve 'LocalDate': it is not imported",
                "import java.time.*;");
    }

    @Test
    void classOfALibraryNamedInFullIsRefusedWhateverItsPackage() {
        assertRefused(consequence("liquibase.Scope.getCurrentScope();"), "liquibase",
                "liquibase.Scope is not on the list of what policy rules may use");
    }

    @Test
    void declaringATypeInAJdkPackageDoesNotUnlockItsClasses() {
        assertRefused("""
                package java.io;

                declare File
                end

                rule "Deletes a file"
                when
                then
                    new File("/tmp/x").delete();
                end
                """, "File(", "File (java.io.File): file access");
    }

    @Test
    void declaredTypeNamedLikeAJavaLangClassIsRefused() {
        String drl = withFunction("""
                declare ProcessHandle
                end
                """).replace("insert( \"x\" );", "ProcessHandle.current().destroy();");

        assertRefused(drl, "ProcessHandle.current", "ProcessHandle (java.lang.ProcessHandle): process and JVM control");
    }

    @Test
    void textBlockIsRefusedBecauseDrlAndJavaReadItDifferently() {
        assertRefused(consequence("String text = \"\"\"\n        System\n        \"\"\";"), "\"\"\"",
                "cannot be read the way the rule compilers read it");
    }

    @Test
    void refusedBundleIsNeverHandedToTheRuleCompiler() {
        String drl = ruleFile("", "Interaction( noSuchProperty == 1 )", "System.currentTimeMillis();");

        PolicyLoader.Validated validated = new PolicyLoader().validate(withFile(shippedFiles(), FILE, drl));

        assertThat(validated.bundle()).isNull();
        assertThat(validated.report().valid()).isFalse();
        assertThat(validated.report().errors()).as("Drools would report noSuchProperty had it compiled the file")
                .singleElement().satisfies(problem -> assertThat(problem.message()).startsWith("System (java.lang.System)"));
    }

    @Test
    void shippedRulesKeepToTheAllowList() {
        assertThat(DrlCallCheck.check(shippedFiles().withExtension(".drl"))).isEmpty();
        assertThat(new PolicyLoader().validate(shippedFiles()).report().errors()).isEmpty();
    }

    @Test
    void namesInCommentsStringsAndRuleNamesAreNotChecked() {
        String drl = """
                package arbiter.policy;

                import dev.arbiter.policy.facts.*;

                // System.exit(1) is only a comment here, like Runtime.getRuntime() and java.io.File
                /* new Thread(() -> {}).start(); Class.forName("x"); */
                rule "System check: Runtime and java.io.File are only words here"
                when
                    Interaction( channel == "System.exit(1)" || channel != 'Runtime' )
                then
                    insert( Finding.humanReview(kcontext, "MODEL_UNAVAILABLE").with("note", "java.io.File, getClass()") ); // kcontext.getKieRuntime()
                end
                """;

        assertAccepted(drl);
    }

    @Test
    void timeMoneyCollectionsMathDeclaredTypesAndFunctionsAreAllowed() {
        String drl = """
                package arbiter.policy;

                import dev.arbiter.policy.facts.*;
                import java.math.BigDecimal;
                import java.math.RoundingMode;
                import java.time.Duration;
                import java.time.LocalDate;
                import java.util.ArrayList;
                import java.util.Collections;
                import java.util.HashMap;
                import java.util.List;
                import java.util.Map;

                declare CareWindow
                    days : int
                end

                function BigDecimal rounded(Double value) {
                    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
                }

                rule "Valuable and very frustrated"
                when
                    Customer( $value : lifetimeValue != null, lifetimeValue > 5000 )
                    Interaction( $frustration : frustration != null, frustration > 0.9 )
                then
                    List<String> notes = new ArrayList<>(Collections.singletonList(kcontext.getRule().getName()));
                    Map<String, Object> values = new HashMap<>();
                    values.put("until", LocalDate.of(2024, 1, 1).plusDays(Duration.ofDays(30).toDays()));
                    values.put("unit", java.time.temporal.ChronoUnit.DAYS);
                    insert( new CareWindow(Math.max(30, notes.size())) );
                    insert( Finding.escalate(kcontext, "HIGH_VALUE_FRUSTRATED").with("value", rounded($value)).with("values", values) );
                end
                """;

        assertAccepted(drl);
    }

    /** Loads the shipped files plus {@code drl}; expects an error at {@code construct} whose message has every part. */
    private static void assertRefused(String drl, String construct, String... messageParts) {
        assertRefusedAt(refusals(drl), drl, construct, messageParts);
    }

    /** @return the errors of loading the shipped files plus {@code drl}, which must fail */
    private static List<PolicyProblem> refusals(String drl) {
        return errors(loadFailure(withFile(shippedFiles(), FILE, drl)));
    }

    private static void assertRefusedAt(List<PolicyProblem> errors, String drl, String construct, String... messageParts) {
        int line = lineOf(drl, construct);
        int column = columnOf(drl, construct);

        assertThat(errors).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(FILE);
            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.column()).isEqualTo(column);
            assertThat(problem.message()).contains(messageParts);
        });
    }

    private static void assertAccepted(String drl) {
        assertThat(DrlCallCheck.check(Map.of(FILE, drl))).isEmpty();
        assertThatCode(() -> new PolicyLoader().load(withFile(shippedFiles(), FILE, drl))).doesNotThrowAnyException();
    }

    private static int columnOf(String content, String snippet) {
        int at = content.indexOf(snippet);
        return at - content.lastIndexOf('\n', at - 1);
    }

    /** A rule file in the shipped package with one rule. */
    private static String ruleFile(String declarations, String when, String then) {
        return """
                package arbiter.policy;

                import dev.arbiter.policy.facts.*;
                %s

                rule "Sneaky rule"
                when
                    %s
                then
                    %s
                end
                """.formatted(declarations, when, then);
    }

    private static String consequence(String then) {
        return ruleFile("", "Interaction()", then);
    }

    private static String condition(String when) {
        return ruleFile("", when, "insert( \"x\" );");
    }

    private static String withFunction(String function) {
        return ruleFile(function, "Interaction()", "insert( \"x\" );");
    }

    private static String mvelConsequence(String then) {
        return consequence(then).replace("rule \"Sneaky rule\"", "rule \"Sneaky rule\" dialect \"mvel\"");
    }
}
