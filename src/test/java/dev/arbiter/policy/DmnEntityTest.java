package dev.arbiter.policy;

import static dev.arbiter.policy.PolicyFixtures.content;
import static dev.arbiter.policy.PolicyFixtures.errors;
import static dev.arbiter.policy.PolicyFixtures.loadFailure;
import static dev.arbiter.policy.PolicyFixtures.shippedFiles;
import static dev.arbiter.policy.PolicyFixtures.withFile;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A DMN file is XML from a policy author: a document type declaration (the door to external entities and entity
 * expansion bombs) is refused before the DMN engine reads the file.
 */
class DmnEntityTest {

    private static final String ROUTING = "dmn-models/routing.dmn";

    @Test
    void aDmnFileWithAnExternalEntityIsRefusedBeforeItIsRead() {
        String withEntity = withDoctype(content(shippedFiles(), ROUTING),
                "<!DOCTYPE definitions [ <!ENTITY secret SYSTEM \"file:///etc/passwd\"> ]>");

        PolicyLoadException failure = loadFailure(withFile(shippedFiles(), ROUTING, withEntity));

        assertThat(errors(failure)).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(ROUTING);
            assertThat(problem.message()).contains("DOCTYPE");
        });
    }

    @Test
    void aDmnFileWithAnEntityExpansionBombIsRefused() {
        String bomb = withDoctype(content(shippedFiles(), ROUTING), """
                <!DOCTYPE definitions [ <!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"> ]>""");

        assertThat(errors(loadFailure(withFile(shippedFiles(), ROUTING, bomb))))
                .anySatisfy(problem -> assertThat(problem.message()).contains("DOCTYPE"));
    }

    @Test
    void aFeelExternalJavaFunctionIsRefusedBeforeTheModelIsCompiled() {
        String dmn = content(shippedFiles(), ROUTING);
        String external = "function(code) external { java: { class: \"java.lang.System\", method signature: \"exit(int)\" } }";
        String withExternal = dmn.replaceFirst("<text>\"UNKNOWN_INTENT\"</text>", "<text>" + external + "</text>");

        assertThat(withExternal).as("fixture edits the routing table").isNotEqualTo(dmn);
        assertThat(errors(loadFailure(withFile(shippedFiles(), ROUTING, withExternal)))).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(ROUTING);
            assertThat(problem.line()).isPositive();
            assertThat(problem.message()).contains("external function calls Java");
        });
    }

    @Test
    void aJavaFunctionDefinitionIsRefused() {
        String dmn = content(shippedFiles(), ROUTING);
        String definition = "<functionDefinition kind=\"Java\"><formalParameter name=\"x\"/>"
                + "<context><contextEntry><variable name=\"class\"/><literalExpression><text>\"java.lang.Runtime\"</text>"
                + "</literalExpression></contextEntry></context></functionDefinition>";
        String withDefinition = dmn.replaceFirst("</definitions>", "<businessKnowledgeModel name=\"sneaky\">" + definition
                + "</businessKnowledgeModel></definitions>");

        assertThat(errors(loadFailure(withFile(shippedFiles(), ROUTING, withDefinition))))
                .anySatisfy(problem -> assertThat(problem.message()).contains("kind Java"));
    }

    private static String withDoctype(String dmn, String doctype) {
        int afterDeclaration = dmn.startsWith("<?xml") ? dmn.indexOf("?>") + 2 : 0;
        return dmn.substring(0, afterDeclaration) + "\n" + doctype + "\n" + dmn.substring(afterDeclaration);
    }
}
