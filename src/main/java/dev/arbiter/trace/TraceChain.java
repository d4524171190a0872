package dev.arbiter.trace;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * The tamper-evident chain's arithmetic: the canonical form of a stored trace record and its hash.
 * <p>
 * Canonical form ({@code docs/compliance.md}, "The chain"): the line {@code arbiter-trace-chain/1}, then one line
 * per column, in this order: {@code decision_id, request_id, request_hash, customer_id, channel, line_of_business,
 * outcome, policy_version, decided_at, reason_codes, response_json, trace_json, chain_seq, prev_hash}. Each line is
 * {@code name=LENGTH:VALUE} where LENGTH is the number of UTF-8 bytes of VALUE, or {@code name=-} for a null value;
 * every line ends with a line feed. {@code decided_at} is written in UTC with exactly six fraction digits
 * ({@code 2026-11-21T10:00:00.123456Z}); {@code reason_codes} are the codes in order, joined by commas. The content
 * hash is the lower-case hex SHA-256 of the canonical form's UTF-8 bytes. The first record's {@code prev_hash} is
 * {@link #GENESIS}. Stateless and thread-safe.
 */
final class TraceChain {

    /** The previous hash of the first record ever written: 64 zeros. */
    static final String GENESIS = "0".repeat(64);

    /**
     * First line of the canonical form; names the format so that it can change without ambiguity. A
     * {@code client_name} line follows {@code request_id} when the record names its client (every record written
     * since API keys exist); older records hash as before.
     */
    static final String FORMAT = "arbiter-trace-chain/1";

    private static final byte[] NEW_LINE = {'\n'};

    private static final DateTimeFormatter DECIDED_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private TraceChain() {
    }

    /**
     * @return the instant as the database keeps it: decision_trace.decided_at holds microseconds, so the record
     * is stored, and hashed, truncated to them
     */
    static Instant storedInstant(Instant decidedAt) {
        return decidedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** @return the canonical form of {@code record} at position {@code chainSeq} after {@code prevHash} */
    static String canonical(TraceRecord record, long chainSeq, String prevHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(record.responseJson().length() + record.traceJson().length() + 1024);
        writeContent(out::writeBytes, record, utf8(record.responseJson()), utf8(record.traceJson()));
        writePosition(out::writeBytes, chainSeq, prevHash);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** @return the content hash of {@code record} at position {@code chainSeq} after {@code prevHash} */
    static String contentHash(TraceRecord record, long chainSeq, String prevHash) {
        return EncodedTrace.of(record).contentHash(chainSeq, prevHash);
    }

    /**
     * Writes the canonical form's lines up to and including {@code trace_json}: everything but the chain position.
     *
     * @param responseJson {@code record.responseJson()} as UTF-8
     * @param traceJson    {@code record.traceJson()} as UTF-8
     */
    static void writeContent(Consumer<byte[]> out, TraceRecord record, byte[] responseJson, byte[] traceJson) {
        out.accept((FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
        line(out, "decision_id", record.decisionId());
        line(out, "request_id", record.requestId());
        if (record.clientName() != null) {
            line(out, "client_name", record.clientName());
        }
        line(out, "request_hash", record.requestHash());
        line(out, "customer_id", record.customerId());
        line(out, "channel", record.channel());
        line(out, "line_of_business", record.lineOfBusiness());
        line(out, "outcome", record.outcome());
        line(out, "policy_version", record.policyVersion());
        line(out, "decided_at", DECIDED_AT.format(storedInstant(record.decidedAt())));
        line(out, "reason_codes", String.join(",", record.reasonCodes()));
        line(out, "response_json", responseJson);
        line(out, "trace_json", traceJson);
    }

    /** Writes the canonical form's last lines: the record's position in the chain. */
    static void writePosition(Consumer<byte[]> out, long chainSeq, String prevHash) {
        line(out, "chain_seq", Long.toString(chainSeq));
        line(out, "prev_hash", prevHash);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void line(Consumer<byte[]> out, String name, String value) {
        if (value == null) {
            out.accept((name + "=-\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        line(out, name, utf8(value));
    }

    private static void line(Consumer<byte[]> out, String name, byte[] value) {
        out.accept((name + "=" + value.length + ":").getBytes(StandardCharsets.UTF_8));
        out.accept(value);
        out.accept(NEW_LINE);
    }
}
