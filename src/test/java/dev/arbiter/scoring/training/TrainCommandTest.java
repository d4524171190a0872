package dev.arbiter.scoring.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TrainCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int train(String... args) {
        return TrainCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutWhatToTrainItExplainsTheUsage() {
        assertThat(train()).isEqualTo(2);
        assertThat(errors()).contains("say what to train: intent or churn").contains("Usage:");
    }

    @Test
    void anUnknownModelIsRejected() {
        assertThat(train("sentiment", "--data", "x.csv")).isEqualTo(2);
        assertThat(errors()).contains("unknown model 'sentiment'");
    }

    @Test
    void theDataFileIsRequiredAndMustExist() {
        assertThat(train("churn")).isEqualTo(2);
        assertThat(errors()).contains("--data is required");

        assertThat(train("churn", "--data", "no/such/file.csv")).isEqualTo(2);
        assertThat(errors()).contains("no/such/file.csv: no such file");
    }

    @Test
    void anOptionOfTheOtherModelIsRejected() {
        assertThat(train("churn", "--data", "pom.xml", "--out-of-scope", "pom.xml")).isEqualTo(2);
        assertThat(errors()).contains("unknown option '--out-of-scope'");
    }

    @Test
    void aSeedMustBeAWholeNumber() {
        assertThat(train("churn", "--data", "pom.xml", "--seed", "forty-two")).isEqualTo(2);
        assertThat(errors()).contains("--seed must be a whole number");
    }

    @Test
    void aFileThatIsNotTheExpectedCsvFailsWithTheReason() {
        assertThat(train("churn", "--data", "pom.xml", "--out", "target/train-command-test")).isEqualTo(1);
        assertThat(errors()).contains("train churn failed").contains("pom.xml");
    }
}
