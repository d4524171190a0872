package dev.arbiter.policy;

import static dev.arbiter.policy.PolicyFixtures.content;
import static dev.arbiter.policy.PolicyFixtures.shippedBundle;
import static dev.arbiter.policy.PolicyFixtures.shippedFiles;
import static dev.arbiter.policy.PolicyFixtures.withFile;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The loader on the files the product ships with, and the bundle version that names them. */
class PolicyLoaderTest {

    @Test
    void shippedFilesLoadWithoutErrors() {
        PolicyBundle bundle = new PolicyLoader().load(shippedFiles());

        assertThat(bundle.warnings()).noneMatch(PolicyProblem::isError);
        assertThat(bundle.catalog().codes()).containsAll(PolicyLoader.SERVICE_CODES);
        assertThat(bundle.files().contents()).containsKeys("rules/escalation.drl", "rules/reason-codes.yaml",
                "rules/phrases.yaml", "dmn-models/routing.dmn", "dmn-models/confidence-thresholds.dmn");
    }

    @Test
    void shippedCatalogHasNoUnusedCodes() {
        assertThat(shippedBundle().warnings())
                .filteredOn(problem -> problem.file().equals(PolicyFixtures.CATALOG))
                .isEmpty();
    }

    @Test
    void versionIsTheHexSha256OfTheFiles() {
        assertThat(shippedBundle().version()).matches("[0-9a-f]{64}");
    }

    @Test
    void versionIsStableAcrossTwoReadsOfTheSameFiles() {
        assertThat(shippedFiles().version()).isEqualTo(shippedFiles().version());
    }

    @Test
    void changingOneByteOfOneFileChangesTheVersion() {
        PolicyFiles files = shippedFiles();
        String path = "rules/phrases.yaml";
        String original = content(files, path);
        int last = original.length() - 1;
        String changed = original.substring(0, last) + (char) (original.charAt(last) ^ 1);

        PolicyFiles edited = withFile(files, path, changed);

        assertThat(edited.version()).matches("[0-9a-f]{64}").isNotEqualTo(files.version());
        assertThat(withFile(edited, path, original).version()).isEqualTo(files.version());
    }

    @Test
    void movingContentBetweenFilesChangesTheVersion() {
        PolicyFiles one = new PolicyFiles(java.util.Map.of("rules/a.drl", "ab", "rules/b.drl", ""));
        PolicyFiles other = new PolicyFiles(java.util.Map.of("rules/a.drl", "a", "rules/b.drl", "b"));

        assertThat(one.version()).isNotEqualTo(other.version());
    }
}
