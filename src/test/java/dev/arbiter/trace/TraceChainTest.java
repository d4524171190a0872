package dev.arbiter.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/** The canonical form and content hash are exactly what docs/compliance.md says, so anyone can recompute them. */
class TraceChainTest {

    /** Computed outside Java (Python's hashlib over the documented form) for {@link #record()} at position 7. */
    private static final String DOCUMENTED_HASH = "326eb11681d61974926da1f7072a5a3a7e9f639fee8d4efb90fe80e5dec0e3f0";

    @Test
    void canonicalFormHasOneLengthPrefixedLinePerColumnInTheDocumentedOrder() {
        assertThat(TraceChain.canonical(record(), 7, TraceChain.GENESIS)).isEqualTo("""
                arbiter-trace-chain/1
                decision_id=36:0195e5a0-0000-7000-8000-000000000001
                request_id=-
                request_hash=64:%s
                customer_id=7:Jörg-7
                channel=4:CHAT
                line_of_business=6:RETAIL
                outcome=12:HUMAN_REVIEW
                policy_version=64:%s
                decided_at=27:2026-11-21T10:00:00.123456Z
                reason_codes=37:SENSITIVE_INTENT,OPEN_PRIORITY_TICKET
                response_json=26:{"outcome":"HUMAN_REVIEW"}
                trace_json=22:{"note":"line\\nbreak"}
                chain_seq=1:7
                prev_hash=64:%s
                """.formatted("ab".repeat(32), "cd".repeat(32), "0".repeat(64)));
    }

    @Test
    void contentHashIsTheSha256OfTheCanonicalFormAsComputedIndependently() {
        assertThat(TraceChain.contentHash(record(), 7, TraceChain.GENESIS)).isEqualTo(DOCUMENTED_HASH);
    }

    @Test
    void recordEncodedBeforeItsPositionIsKnownHashesAsItsCanonicalFormAtEveryPositionItIsGiven() throws Exception {
        EncodedTrace encoded = EncodedTrace.of(record());
        String otherPrevious = "1".repeat(64);

        assertThat(encoded.contentHash(7, TraceChain.GENESIS)).isEqualTo(DOCUMENTED_HASH);
        assertThat(encoded.contentHash(8, otherPrevious)).as("a batch retried at a new position")
                .isEqualTo(sha256(TraceChain.canonical(record(), 8, otherPrevious)));
        assertThat(encoded.contentHash(7, TraceChain.GENESIS)).as("asked again").isEqualTo(DOCUMENTED_HASH);
        assertThat(new String(encoded.traceJson(), StandardCharsets.UTF_8)).isEqualTo(record().traceJson());
    }

    @Test
    void decidedAtIsHashedAsStoredTruncatedToMicroseconds() {
        TraceRecord withNanos = with(record(), r -> copy(r, r.outcome(), Instant.parse("2026-11-21T10:00:00.123456789Z"), r.reasonCodes()));

        assertThat(TraceChain.contentHash(withNanos, 7, TraceChain.GENESIS)).isEqualTo(DOCUMENTED_HASH);
    }

    @Test
    void changingAnyHashedValueChangesTheHash() {
        TraceRecord original = record();
        List<TraceRecord> altered = List.of(
                with(original, r -> copy(r, "AUTOMATE", r.decidedAt(), r.reasonCodes())),
                with(original, r -> copy(r, r.outcome(), r.decidedAt().plusNanos(1_000), r.reasonCodes())),
                with(original, r -> copy(r, r.outcome(), r.decidedAt(), List.of("SENSITIVE_INTENT"))),
                with(original, r -> copy(r, r.outcome(), r.decidedAt(), List.of("OPEN_PRIORITY_TICKET", "SENSITIVE_INTENT"))));

        assertThat(altered).allSatisfy(record -> assertThat(TraceChain.contentHash(record, 7, TraceChain.GENESIS))
                .isNotEqualTo(DOCUMENTED_HASH));
        assertThat(TraceChain.contentHash(original, 8, TraceChain.GENESIS)).isNotEqualTo(DOCUMENTED_HASH);
        assertThat(TraceChain.contentHash(original, 7, "1".repeat(64))).isNotEqualTo(DOCUMENTED_HASH);
    }

    @Test
    void theClientThatAskedIsPartOfTheHash() {
        TraceRecord asked = withClient(record(), "web-chat");
        TraceRecord otherClient = withClient(record(), "web-chaT");

        assertThat(TraceChain.contentHash(asked, 7, TraceChain.GENESIS))
                .isNotEqualTo(DOCUMENTED_HASH)
                .isNotEqualTo(TraceChain.contentHash(otherClient, 7, TraceChain.GENESIS));
        assertThat(TraceChain.canonical(asked, 7, TraceChain.GENESIS)).contains("\nclient_name=8:web-chat\n");
    }

    @Test
    void movingTextBetweenColumnsChangesTheHash() {
        TraceRecord original = record();
        TraceRecord shifted = new TraceRecord(original.decisionId(), original.requestId(), original.clientName(), original.requestHash(),
                original.customerId() + "C", "HAT", original.lineOfBusiness(), original.outcome(), original.policyVersion(),
                original.decidedAt(), original.reasonCodes(), original.responseJson(), original.traceJson());

        assertThat(TraceChain.contentHash(shifted, 7, TraceChain.GENESIS)).isNotEqualTo(DOCUMENTED_HASH);
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static TraceRecord record() {
        return new TraceRecord("0195e5a0-0000-7000-8000-000000000001", null, null, "ab".repeat(32), "Jörg-7", "CHAT", "RETAIL",
                "HUMAN_REVIEW", "cd".repeat(32), Instant.parse("2026-11-21T10:00:00.123456Z"),
                List.of("SENSITIVE_INTENT", "OPEN_PRIORITY_TICKET"), "{\"outcome\":\"HUMAN_REVIEW\"}",
                "{\"note\":\"line\\nbreak\"}");
    }

    private static TraceRecord with(TraceRecord record, UnaryOperator<TraceRecord> change) {
        return change.apply(record);
    }

    private static TraceRecord copy(TraceRecord r, String outcome, Instant decidedAt, List<String> reasonCodes) {
        return new TraceRecord(r.decisionId(), r.requestId(), r.clientName(), r.requestHash(), r.customerId(), r.channel(), r.lineOfBusiness(),
                outcome, r.policyVersion(), decidedAt, reasonCodes, r.responseJson(), r.traceJson());
    }

    private static TraceRecord withClient(TraceRecord r, String clientName) {
        return new TraceRecord(r.decisionId(), r.requestId(), clientName, r.requestHash(), r.customerId(), r.channel(),
                r.lineOfBusiness(), r.outcome(), r.policyVersion(), r.decidedAt(), r.reasonCodes(), r.responseJson(),
                r.traceJson());
    }
}
