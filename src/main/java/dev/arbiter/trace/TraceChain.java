package dev.arbiter.trace;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

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
        return new String(canonicalBytes(record, chainSeq, prevHash), StandardCharsets.UTF_8);
    }

    /** @return the content hash of {@code record} at position {@code chainSeq} after {@code prevHash} */
    static String contentHash(TraceRecord record, long chainSeq, String prevHash) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonicalBytes(record, chainSeq, prevHash)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] canonicalBytes(TraceRecord record, long chainSeq, String prevHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(record.responseJson().length() + record.traceJson().length() + 1024);
        out.writeBytes((FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
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
        line(out, "response_json", record.responseJson());
        line(out, "trace_json", record.traceJson());
        line(out, "chain_seq", Long.toString(chainSeq));
        line(out, "prev_hash", prevHash);
        return out.toByteArray();
    }

    private static void line(ByteArrayOutputStream out, String name, String value) {
        if (value == null) {
            out.writeBytes((name + "=-\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((name + "=" + bytes.length + ":").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.write('\n');
    }
}
