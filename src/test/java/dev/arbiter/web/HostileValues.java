package dev.arbiter.web;

import java.util.List;

/**
 * The raw material of the fuzz storm: JSON tokens, strings and bytes that parsers, validators and the decision
 * path are known to trip over. Values written as JSON text are sent verbatim.
 */
final class HostileValues {

    private HostileValues() {
    }

    /** Field paths that hold numbers. */
    static final List<String> NUMERIC_PATHS = List.of("interaction.intent.confidence", "interaction.aiAnswer.confidence",
            "interaction.sentiment", "customer.lifetimeValue", "customer.churnRisk", "customer.profile.tenureMonths",
            "customer.profile.monthlyCharges", "customer.profile.totalCharges");

    /** Field paths that hold an enum value (lineOfBusiness is a pattern, but fails the same way). */
    static final List<String> ENUM_PATHS = List.of("interaction.channel", "customer.tier",
            "customer.openTickets[0].priority", "customer.recentReturns[0].reason", "customer.recentContacts[0].kind",
            "proposedActions[0].type", "proposedActions[1].type", "lineOfBusiness");

    /** Field paths that hold an ISO-8601 instant. */
    static final List<String> DATE_PATHS = List.of("at", "customer.openTickets[0].openedAt",
            "customer.recentReturns[0].returnedAt", "customer.recentContacts[0].at");

    /** Field paths that hold an identifier, with the longest value each may have. */
    static final List<String> ID_PATHS = List.of("requestId", "customer.id", "customer.openTickets[0].id",
            "customer.recentReturns[0].productId", "proposedActions[0].id", "proposedActions[0].productId",
            "interaction.intent.label");

    /** Field paths that hold free text or codes, for unicode. */
    static final List<String> TEXT_PATHS = List.of("interaction.message", "interaction.message", "interaction.message",
            "interaction.history[0]", "interaction.history[1]", "customer.id", "interaction.intent.label",
            "customer.profile.contract", "customer.profile.paymentMethod", "proposedActions[0].id",
            "customer.openTickets[0].id", "lineOfBusiness", "requestId", "customer.timeZone", "customer.tier",
            "interaction.channel");

    /** Pieces of text that are hard on text handling: every one is sent as a JSON string's content. */
    static final List<String> UNICODE = List.of(
            "😀", "👍🏽", "👨‍👩‍👧‍👦", "🏳️‍🌈", "\uD83D\uDCA9\uD83D\uDCA9",             // emoji, skin tones, ZWJ sequences
            "مرحبا، أين طلبي؟", "שלום עולם", "\u202Eevil\u202C", "\u200F\u200E",           // RTL text and marks
            "\u200B", "\u200C\u200D", "\u2060\uFEFF", "a\u200Bb",                           // zero-width
            "e\u0301", "Z\u0351\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030A\u030B", // combining
            "\u0000", "x\u0000y", "\u0001\u0002\u001F\u007F",                               // NUL and controls
            "\uD800", "\uDFFF", "\uDC00\uD800", "a\uD800b", "\uDBFF", "\uD83D",             // lone surrogates
            "\uFFFE", "\uFFFF", "\uFDD0\uFDEF", "\uDBFF\uDFFF", "\uD83F\uDFFE",             // non-characters
            "\uFEFF", "\u2028\u2029", "\u00A0\u3000", "ＲＥＴＡＩＬ", "ℂℍ𝔸𝕋", "İıſK",     // BOM, separators, lookalikes
            "我的包裹在哪里", "पार्सल कहाँ है", "Ünïcödé ñ", "\\", "\"", "</script>", "%00", "\\u0000");

    /** Messages a real customer could write: each makes a valid request that must be decided. */
    static final List<String> VALID_MESSAGES = List.of(
            "Where is my parcel?", "I can't pay my bill", "Cancel my contract now, this is ridiculous",
            "I will sue you, my lawyer is waiting", "Ich möchte mein Geld zurück 💶", "مرحبا، أين طلبي؟",
            "שלום, איפה ההזמנה שלי?", "我的包裹在哪里？", "Re\u0301sume\u0301 of my compla\u0301int",
            "zero\u200Bwidth\u200Djoiner\u2060here", "👨‍👩‍👧‍👦 family plan upgrade 👍🏽", "nul\u0000inside the text",
            "non-characters \uFFFE\uFFFF\uFDD0 inside", "a BOM \uFEFF inside", "Call me at +49 170 1234567 or a@b.de",
            "My card is 4111 1111 1111 1111", "tab\tand\nnewline\r\n", "quote \" backslash \\ slash /",
            "\u202Eright-to-left override\u202C", "x", "?".repeat(4000), "a".repeat(4000),
            "😀".repeat(2000));

    /** IANA ids the JDK knows, including the edges of the offset range. */
    static final List<String> VALID_ZONES = List.of("Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC",
            "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu", "Australia/Lord_Howe", "Antarctica/Troll");

    /** Time zones that are no IANA id: unknown names, offsets, offsets after a prefix, the JDK's SystemV ids. */
    static final List<String> BAD_ZONES = List.of("Mars/Olympus", "Europe/Berlin ", " Europe/Berlin", "",
            "   ", "../../etc/passwd", "Europe/../Berlin", "UTC+25", "+25:00", "-19:00", "z".repeat(65),
            "Europe/Berlin\u0000", "Europe/Berlin\u200B", "Europe/", "/", "Europe//Berlin", "Z/Z", "\uD800",
            "Europe/Berlín", "Europe/Berlin;DROP TABLE decision_trace", "GMT+99", "${jndi:ldap://x/a}",
            "+14:00", "-18:00", "+18:00", "+02:00", "Z", "+14", "-00:00", "+00:00:01", "GMT+14", "GMT+5", "UTC-12:00",
            "SystemV/AST4", "SystemV/EST5");

    /** Time zones that may or may not be accepted: odd but real spellings, old aliases, wrong case. */
    static final List<String> ODD_ZONES = List.of("UTC", "GMT", "UT", "Etc/GMT-14", "Etc/GMT+12", "EST",
            "europe/berlin", "EUROPE/BERLIN", "America/Argentina/ComodRivadavia", "Asia/Calcutta", "ROK");

    /** Instants that are not ISO-8601 with an offset. */
    static final List<String> BAD_DATES = List.of("2026-11-21", "2026-11-21T10:00:00", "2026-11-21 10:00:00Z",
            "2026-13-01T00:00:00Z", "2026-02-30T10:00:00Z", "2026-11-21T25:00:00Z", "2026-11-21T10:60:00Z",
            "21/11/2026", "yesterday", "now", "T", "Z", "2026-11-21T10:00:00+25:00", "2026-11-21T10:00:00.1234567891Z",
            "2026-11-21T10:00:00ZZ", "２０２６-11-21T10:00:00Z", "2026-11-21T10:00:00\u0000Z",
            "+1000000001-01-01T00:00:00Z", "-1000000001-01-01T00:00:00Z", "9999999999999999999-01-01T00:00:00Z",
            "0000-00-00T00:00:00Z", "2026-W47-6T10:00:00Z", "P1D", "1763719200", "-1", "1.5e9");

    /** Instants at or near the edges, and spellings a lenient parser may take: raw JSON values. */
    static final List<String> EDGE_DATES = List.of("\"+1000000000-12-31T23:59:59.999999999Z\"",
            "\"-1000000000-01-01T00:00:00Z\"", "\"0000-01-01T00:00:00Z\"", "\"1970-01-01T00:00:00Z\"",
            "\"9999-12-31T23:59:59Z\"", "\"+10000-01-01T00:00:00Z\"", "\"2026-11-21T10:00:00+18:00\"",
            "\"2026-11-21T10:00:00-18:00\"", "\"2026-11-21T10:00:00.000000001Z\"", "\"2026-11-21T10:00Z\"",
            "\"2026-11-21T10:00:00z\"", "\"2026-11-21T10:00:00Z[Europe/Berlin]\"", "\"2026-11-21T10:00:00+01\"",
            "\"\"", "\" \"", "\"2026-11-21T10:00:00Z \"", "\" 2026-11-21T10:00:00Z\"");

    /** Epoch seconds, which a lenient parser takes for instants: raw JSON numbers. */
    static final List<String> EPOCH_NUMBERS = List.of("0", "-1", "1763719200", "1763719200.123456789", "1e20", "-1e20",
            "9223372036854775807", "-9223372036854775808", "31556889864403199", "31556889864403200", "1e400", "-0",
            "1.5e-7", "1.5e9");

    /** Numbers at and past every edge, and number spellings JSON forbids: raw JSON tokens. */
    static final List<String> HUGE_NUMBERS = List.of("1e400", "-1e400", "1e-400", "-1e-400", "18446744073709551616",
            "-18446744073709551617", "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890",
            "-123456789012345678901234567890", "-0", "-0.0", "0e0", "0E-0", "1E+2147483648", "1e-2147483649",
            "4.9e-324", "2.2250738585072014E-308", "1.7976931348623157e308", "1.7976931348623159e308",
            "2147483647", "2147483648", "-2147483649", "1201", "1e3", "1.0", "0.99999999999999999999999999999999",
            "1.00000000000000000000000000000001", "9".repeat(64), "9".repeat(65), "1." + "0".repeat(62),
            "0." + "0".repeat(400) + "1", "007", "00", "01.5", "1.", ".5", "+1", "1e", "1e+", "--1", "0x1F", "1_000",
            "1,5", "１", "1e1e1", "0.5.5");

    /** Bare tokens JSON does not have. */
    static final List<String> NAN_TOKENS = List.of("NaN", "-NaN", "+NaN", "Infinity", "-Infinity", "+Infinity", "inf",
            "-inf", "nan", "undefined", "None", "True", "False", "NULL", "Null", "nul", "tru", "truee", "nulll", "∞");

    /** Strings that look like numbers to a lenient reader: raw JSON values. */
    static final List<String> NAN_STRINGS = List.of("\"NaN\"", "\"nan\"", "\"Infinity\"", "\"-Infinity\"",
            "\"+Infinity\"", "\"INF\"", "\"1e400\"", "\"0x10\"", "\"1/0\"", "\"0.5\"", "\"\"", "\" \"", "\"null\"",
            "\"-0\"", "\" 0.5\"");

    /** Values no enum of the contract has: raw JSON values. */
    static final List<String> BAD_ENUMS = List.of("\"chat\"", "\"Chat\"", "\" CHAT\"", "\"CHAT \"", "\"\"", "\" \"",
            "\"UNKNOWN\"", "\"0\"", "\"1\"", "\"-1\"", "\"P0\"", "\"P5\"", "\"p1\"", "\"ⅭHAT\"", "\"ＣＨＡＴ\"",
            "\"CH\\u0000AT\"", "\"CHAT\\u200b\"", "\"PLATINUM,GOLD\"", "\"null\"", "\"retail\"", "\"RETAIL \"",
            "\"1RETAIL\"", "\"RE-TAIL\"", "\"" + "A".repeat(33) + "\"", "\"\\ud800\"", "0", "3", "-1", "1.5", "true",
            "[\"CHAT\"]", "{\"name\":\"CHAT\"}", "\"İ\"", "\"DEFECT;\"", "\"MARKETING_OFFER\\n\"");

    /** Identifiers at and past their edges and identifiers that are attacks elsewhere. */
    static final List<String> IDS = List.of("", " ", "\t\n", "\u0000", "x".repeat(64), "x".repeat(65), "x".repeat(128),
            "x".repeat(129), "id with spaces", "../../etc/passwd", "' OR 1=1 --", "<script>alert(1)</script>",
            "${jndi:ldap://x/a}", "%s%n%x", "id\nnewline", "😀".repeat(64), "😀".repeat(65), "\u202Eevil", "NULL",
            "null", "0", "-1", "ü", "\uD800", "design-example", "a\u0000b", "\\", "\"");

    /** Byte sequences that are not UTF-8. */
    static final List<byte[]> INVALID_UTF8 = List.of(bytes(0xFF), bytes(0xFE), bytes(0xC0, 0x80), bytes(0xC3, 0x28),
            bytes(0xE2, 0x82), bytes(0xED, 0xA0, 0x80), bytes(0xED, 0xBF, 0xBF), bytes(0xF4, 0x90, 0x80, 0x80),
            bytes(0xF8, 0x88, 0x80, 0x80, 0x80), bytes(0x80), bytes(0xBF), bytes(0xC2), bytes(0xF0, 0x9F, 0x98),
            bytes(0xE0, 0x80, 0xAF), bytes(0xC1, 0xBF), bytes(0xFC, 0x80, 0x80, 0x80, 0x80, 0x80));

    /** What may follow a JSON document and is not whitespace. */
    static final List<String> TRAILING_GARBAGE = List.of(" {}", "{}", "]", "}", ",", ", {}", "x", "garbage", "\u0000",
            "null", " 1", "\"s\"", "//c", "/* c */", "#c", "\u00A0", "\uFEFF", "\u2028", "\\", "\u001A", " ,", "}}}}",
            "\n{\"lineOfBusiness\":\"RETAIL\"}", "<xml/>");

    /** What may come before a JSON document and is not whitespace. */
    static final List<String> LEADING_GARBAGE = List.of("x", ")]}'\n", "\u0000", "//c\n", "/*c*/", ",", "[", "\u00A0",
            "\u001A", "\"", "\\");

    /** Content types with which a JSON body must not be decided. */
    static final List<List<String>> WRONG_CONTENT_TYPES = List.of(List.of(), List.of("text/plain"),
            List.of("text/plain; charset=utf-8"), List.of("application/xml"), List.of("text/xml"), List.of("text/json"),
            List.of("application/x-www-form-urlencoded"), List.of("multipart/form-data; boundary=fuzz"),
            List.of("application/octet-stream"), List.of("application/javascript"), List.of("image/png"),
            List.of("application/jsonx"), List.of("json"), List.of("application"), List.of("/"),
            List.of("application/x-ndjson"), List.of("application/json-seq"), List.of("text/html; charset=utf-8"));

    /** Content types a lenient server may take for JSON, or may refuse. */
    static final List<List<String>> ODD_CONTENT_TYPES = List.of(List.of("application/json; charset=utf-8"),
            List.of("application/json;charset=UTF-8"), List.of("APPLICATION/JSON"), List.of("Application/Json"),
            List.of("application/json; charset=utf-16"), List.of("application/json; charset=bogus"),
            List.of("application/json; charset=\"utf-8\""), List.of("application/json; foo=bar"),
            List.of("application/json;"), List.of("application/json ;charset=utf-8"),
            List.of("application/json, text/plain"), List.of("*/*"), List.of("application/*"), List.of(""),
            List.of("application/problem+json"), List.of("application/vnd.api+json"),
            List.of("application/merge-patch+json"), List.of("application/json", "text/plain"),
            List.of("text/plain", "application/json"), List.of("application/json; charset=iso-8859-1"),
            List.of("application/json; charset=utf-32"), List.of("application/json; charset=x-unknown-charset-name"));

    /** Values past a limit of the contract: field path and raw JSON. */
    static final String[][] OUT_OF_RANGE = {
        {"interaction.intent", "{\"label\":\"track_order\",\"confidence\":-0.0001}"},
        {"interaction.intent", "{\"label\":\"track_order\",\"confidence\":1.0000001}"},
        {"interaction.intent", "{\"label\":\"track_order\",\"confidence\":2}"},
        {"interaction.intent", "{\"label\":\"track_order\",\"confidence\":1e12}"},
        {"interaction.intent", "{\"label\":\"track_order\"}"},
        {"interaction.intent", "{\"confidence\":0.5}"},
        {"interaction.intent", "{\"label\":\"" + "l".repeat(65) + "\",\"confidence\":0.5}"},
        {"interaction.intent", "{\"label\":\" \",\"confidence\":0.5}"},
        {"interaction.aiAnswer.confidence", "-0.5"}, {"interaction.aiAnswer.confidence", "1.01"},
        {"interaction.aiAnswer", "{}"},
        {"interaction.sentiment", "-1.0000001"}, {"interaction.sentiment", "1.5"}, {"interaction.sentiment", "-100"},
        {"customer.lifetimeValue", "-0.01"}, {"customer.lifetimeValue", "1000000000001"}, {"customer.lifetimeValue", "1e300"},
        {"customer.churnRisk", "-0.1"}, {"customer.churnRisk", "1.1"},
        {"customer.profile.tenureMonths", "-1"}, {"customer.profile.tenureMonths", "1201"},
        {"customer.profile.tenureMonths", "2147483647"}, {"customer.profile.monthlyCharges", "-1"},
        {"customer.profile.monthlyCharges", "1000000.01"}, {"customer.profile.totalCharges", "100000001"},
        {"customer.profile.contract", "\"" + "c".repeat(65) + "\""},
        {"customer.profile.paymentMethod", "\"" + "p".repeat(65) + "\""},
        {"interaction.message", "\"" + "m".repeat(4001) + "\""}, {"interaction.message", "\"\""},
        {"interaction.message", "\"   \""}, {"interaction.message", "\"\\t\\n\\r\""},
        {"interaction.message", "null"},
        {"interaction.history", "[\"" + "h".repeat(4001) + "\"]"}, {"interaction.history", "[null]"},
        {"interaction.history", "[" + "\"h\",".repeat(50) + "\"h\"]"},
        {"customer.id", "\"" + "i".repeat(129) + "\""}, {"customer.id", "\"\""}, {"customer.id", "null"},
        {"requestId", "\"" + "r".repeat(129) + "\""}, {"requestId", "\"has space\""}, {"requestId", "\"\""},
        {"lineOfBusiness", "\"" + "L".repeat(33) + "\""}, {"lineOfBusiness", "null"}, {"lineOfBusiness", "\"\""},
        {"interaction.channel", "null"}, {"customer", "null"}, {"interaction", "null"},
        {"customer.openTickets[0].id", "\"\""}, {"customer.openTickets[0].id", "\"" + "t".repeat(129) + "\""},
        {"customer.openTickets[0].priority", "null"}, {"customer.openTickets[0]", "null"},
        {"customer.openTickets[0]", "{}"},
        {"customer.recentReturns[0].reason", "null"}, {"customer.recentReturns[0].returnedAt", "null"},
        {"customer.recentReturns[0].productId", "\" \""},
        {"customer.recentContacts[0].kind", "null"}, {"customer.recentContacts[0].at", "null"},
        {"customer.recentContacts[0]", "{}"},
        {"proposedActions[0].id", "\"" + "a".repeat(129) + "\""}, {"proposedActions[0].id", "null"},
        {"proposedActions[0].type", "null"}, {"proposedActions[0].productId", "\"" + "p".repeat(129) + "\""},
        {"proposedActions[0]", "null"}, {"proposedActions[1]", "{}"},
    };

    /** Lists with a size limit: path, element template (# is the element's number), limit. */
    static final String[][] LISTS = {
        {"interaction.history", "\"earlier message #\"", "50"},
        {"proposedActions", "{\"id\":\"offer-#\",\"type\":\"SURVEY\"}", "20"},
        {"customer.openTickets", "{\"id\":\"T-#\",\"priority\":\"P3\",\"openedAt\":\"2026-11-01T09:00:00Z\"}", "100"},
        {"customer.recentReturns", "{\"productId\":\"SKU-#\",\"reason\":\"OTHER\",\"returnedAt\":\"2026-11-01T00:00:00Z\"}", "100"},
        {"customer.recentContacts", "{\"kind\":\"MARKETING\",\"at\":\"2026-11-20T00:00:00Z\"}", "200"},
    };

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /**
     * @param text          any Java string, lone surrogates included
     * @param escapeUnicode true to write every non-ASCII character as a backslash-u escape
     * @return {@code text} as a JSON string literal, quotes included; lone surrogates are always escapes
     */
    static String jsonString(String text, boolean escapeUnicode) {
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E && (escapeUnicode || Character.isSurrogate(c) && !pair)) {
                json.append(String.format("\\u%04x", (int) c));
            } else if (pair) {
                json.append(c).append(text.charAt(++i));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
