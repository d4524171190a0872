package dev.arbiter.web;

import static dev.arbiter.web.HostilePayload.Expected.DECIDED;
import static dev.arbiter.web.HostilePayload.Expected.EITHER;
import static dev.arbiter.web.HostilePayload.Expected.REJECTED;
import static dev.arbiter.web.HostilePayload.Expected.TOO_LARGE;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import dev.arbiter.decision.ActionType;
import dev.arbiter.decision.Channel;
import dev.arbiter.decision.ContactKind;
import dev.arbiter.decision.DecisionRequest;
import dev.arbiter.decision.ReturnReason;
import dev.arbiter.decision.TicketPriority;
import dev.arbiter.decision.Tier;
import dev.arbiter.support.DecisionRequests;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * The payloads of the fuzz storm against {@code POST /api/v1/decisions}: valid requests of the contract mutated
 * in every way a hostile or broken client could, plus random bytes. Payload {@code i} depends only on the seed and
 * {@code i}, so any one of them can be rebuilt alone ({@link #payload(int)}). The kinds take turns
 * ({@link #ROUND}); type swaps come {@value #TYPE_SWAPS_PER_ROUND} times a round and walk every
 * (field path, JSON type) pair of the valid requests in order. Thread-safe.
 */
final class HostilePayloads {

    /** The families of hostile input. */
    enum Kind {
        VALID_VARIANT, TYPE_SWAP, DROPPED_FIELD, UNKNOWN_FIELD, RENAMED_FIELD, OUT_OF_RANGE, BAD_ENUM, BAD_DATE,
        BAD_TIME_ZONE, BAD_ID, UNICODE_TEXT, INVALID_UTF8, BOM_AND_ENCODING, BODY_SIZE, LONG_ARRAY, DEEP_NESTING,
        HUGE_NUMBER, NAN_LIKE, DUPLICATE_KEY, TRUNCATED, RANDOM_BYTES, CONTENT_TYPE, TRAILING_GARBAGE, MIXED_MUTATIONS,
        IDEMPOTENCY
    }

    /** The JSON types a value is swapped to. */
    enum JsonType { STRING, NUMBER, BOOLEAN, NULL, ARRAY, OBJECT }

    private static final int TYPE_SWAPS_PER_ROUND = 3;
    static final List<Kind> ROUND = round();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MARK = "@@FUZZ@@";
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Set<String> KNOWN_FIELDS = knownFields(DecisionRequest.class, new LinkedHashSet<>());
    private static final int MAX_OVERSIZED_BYTES = 1_000_000;
    private static final Map<String, Set<String>> ENUM_NAMES = Map.of("channel", names(Channel.values()),
            "tier", names(Tier.values()), "priority", names(TicketPriority.values()), "reason", names(ReturnReason.values()),
            "kind", names(ContactKind.values()), "type", names(ActionType.values()));

    private final long seed;
    private final int maxBodyBytes;
    private final List<ObjectNode> bases;
    private final ObjectNode everyField;
    private final List<TypeSwap> typeSwaps;

    /** A field path of a valid request and the type its value is swapped to. */
    private record TypeSwap(int base, TreePath path, JsonType type) {
    }

    /**
     * @param seed         decides every payload
     * @param maxBodyBytes the service's body limit ({@code arbiter.api.max-body-bytes}); sizes are sent around it
     */
    HostilePayloads(long seed, int maxBodyBytes) {
        this.seed = seed;
        this.maxBodyBytes = maxBodyBytes;
        this.everyField = everyFieldRequest();
        this.bases = List.of(DecisionRequests.designExampleRequest(), DecisionRequests.automatableChatRequest(),
                everyField, callerScoredRequest());
        this.typeSwaps = typeSwaps(bases);
    }

    /** @return how many (field path, type) pairs the type swaps walk through */
    int typeSwapPairs() {
        return typeSwaps.size();
    }

    /** @return how many of the first {@code count} payloads are of {@code kind} */
    static int countOf(Kind kind, int count) {
        int perRound = (int) ROUND.stream().filter(kind::equals).count();
        int inLastRound = (int) ROUND.subList(0, count % ROUND.size()).stream().filter(kind::equals).count();
        return count / ROUND.size() * perRound + inLastRound;
    }

    /** @return payload number {@code index}; the same for the same seed, whatever else was generated */
    HostilePayload payload(int index) {
        Kind kind = ROUND.get(index % ROUND.size());
        int ordinal = countOf(kind, index);
        SplittableRandom random = new SplittableRandom(mix(seed, index));
        return new Generation(index, random).of(kind, ordinal);
    }

    private static long mix(long seed, int index) {
        long x = seed + 0x9E3779B97F4A7C15L * (index + 1L);
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    private static List<Kind> round() {
        List<Kind> round = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            round.add(kind);
            if (kind == Kind.TYPE_SWAP) {
                for (int i = 1; i < TYPE_SWAPS_PER_ROUND; i++) {
                    round.add(kind);
                }
            }
        }
        return List.copyOf(round);
    }

    /** Every field path of the valid requests (first request having it), crossed with every JSON type. */
    private static List<TypeSwap> typeSwaps(List<ObjectNode> bases) {
        Map<String, TypeSwap> byPath = new LinkedHashMap<>();
        List<TypeSwap> swaps = new ArrayList<>();
        for (int b = 0; b < bases.size(); b++) {
            for (TreePath path : TreePath.everyNode(bases.get(b))) {
                if (byPath.putIfAbsent(path.toString(), new TypeSwap(b, path, JsonType.STRING)) == null) {
                    for (JsonType type : JsonType.values()) {
                        swaps.add(new TypeSwap(b, path, type));
                    }
                }
            }
        }
        return List.copyOf(swaps);
    }

    private static Set<String> names(Enum<?>[] values) {
        Set<String> names = new LinkedHashSet<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return names;
    }

    private static Set<String> knownFields(Class<?> type, Set<String> names) {
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                names.add(component.getName());
            }
            for (Class<?> nested : type.getDeclaredClasses()) {
                knownFields(nested, names);
            }
        }
        return names;
    }

    /** A valid request with every field of the contract that a scoring model reads, and no caller intent. */
    static ObjectNode everyFieldRequest() {
        return (ObjectNode) JSON.readTree("""
                {
                  "requestId": "every-field",
                  "lineOfBusiness": "FINANCE",
                  "at": "2026-11-21T22:30:00+01:00",
                  "customer": {
                    "id": "c-every", "tier": "GOLD", "lifetimeValue": 20000.5, "timeZone": "America/New_York",
                    "consents": { "marketing": false },
                    "openTickets": [ { "id": "T-1", "priority": "P2", "openedAt": "2026-11-01T09:00:00Z" } ],
                    "recentReturns": [ { "productId": "SKU-2", "reason": "DAMAGED", "returnedAt": "2026-11-15T12:00:00Z" } ],
                    "recentContacts": [ { "kind": "SERVICE", "at": "2026-11-20T12:00:00Z" } ],
                    "profile": {
                      "tenureMonths": 3, "contract": "Month-to-month", "monthlyCharges": 99.5, "totalCharges": 298.5,
                      "partner": false, "dependents": true, "phoneService": true, "multipleLines": "No",
                      "internetService": "Fiber optic", "onlineSecurity": "No", "onlineBackup": "Yes",
                      "deviceProtection": "No", "techSupport": "No", "streamingTV": "Yes", "streamingMovies": "No",
                      "paperlessBilling": true, "paymentMethod": "Electronic check"
                    }
                  },
                  "interaction": {
                    "channel": "EMAIL", "message": "This is the third time I write. Cancel my account!",
                    "history": [ "I was charged twice", "Any update?" ],
                    "sentiment": -0.8,
                    "aiAnswer": { "confidence": 0.4 }
                  },
                  "proposedActions": [
                    { "id": "retain-1", "type": "RETENTION_OFFER" },
                    { "id": "upsell-1", "type": "UPSELL", "productId": "SKU-9" }
                  ]
                }
                """);
    }

    /** A valid request whose caller sends every score: intent, sentiment, churn risk and the AI answer's confidence. */
    static ObjectNode callerScoredRequest() {
        return (ObjectNode) JSON.readTree("""
                {
                  "lineOfBusiness": "INSURANCE",
                  "at": "2026-11-21T03:15:00Z",
                  "customer": { "id": "c-scored", "tier": "SILVER", "churnRisk": 0.85, "timeZone": "Asia/Tokyo",
                                "recentContacts": [ { "kind": "MARKETING", "at": "2026-11-18T12:00:00Z" } ] },
                  "interaction": {
                    "channel": "SMS", "message": "why did my premium go up",
                    "intent": { "label": "check_invoice", "confidence": 0.88 },
                    "sentiment": -0.3, "aiAnswer": { "confidence": 0.99 }
                  },
                  "proposedActions": [ { "id": "survey-7", "type": "SURVEY" } ]
                }
                """);
    }

    /** One payload's construction: its number, its random source and the helpers every kind shares. */
    private final class Generation {

        private final int index;
        private final SplittableRandom random;

        Generation(int index, SplittableRandom random) {
            this.index = index;
            this.random = random;
        }

        HostilePayload of(Kind kind, int ordinal) {
            return switch (kind) {
                case VALID_VARIANT -> validVariant();
                case TYPE_SWAP -> typeSwap(typeSwaps.get(ordinal % typeSwaps.size()));
                case DROPPED_FIELD -> droppedField();
                case UNKNOWN_FIELD -> unknownField();
                case RENAMED_FIELD -> renamedField();
                case OUT_OF_RANGE -> outOfRange();
                case BAD_ENUM -> badEnum();
                case BAD_DATE -> badDate();
                case BAD_TIME_ZONE -> badTimeZone();
                case BAD_ID -> badId();
                case UNICODE_TEXT -> unicodeText();
                case INVALID_UTF8 -> invalidUtf8();
                case BOM_AND_ENCODING -> bomAndEncoding(ordinal);
                case BODY_SIZE -> bodySize(ordinal);
                case LONG_ARRAY -> longArray();
                case DEEP_NESTING -> deepNesting();
                case HUGE_NUMBER -> hugeNumber();
                case NAN_LIKE -> nanLike();
                case DUPLICATE_KEY -> duplicateKey();
                case TRUNCATED -> truncated();
                case RANDOM_BYTES -> randomBytes(ordinal);
                case CONTENT_TYPE -> contentType();
                case TRAILING_GARBAGE -> trailingGarbage();
                case MIXED_MUTATIONS -> mixedMutations();
                case IDEMPOTENCY -> idempotency(ordinal);
            };
        }

        // --- kinds

        private HostilePayload validVariant() {
            ObjectNode request = fresh(pick(bases));
            int tweaks = random.nextInt(7);
            StringBuilder description = new StringBuilder("valid request");
            for (int i = 0; i < tweaks; i++) {
                description.append("; ").append(validTweak(request));
            }
            return json(Kind.VALID_VARIANT, description.toString(), write(request), DECIDED);
        }

        /** Changes one thing of a valid request such that it stays valid, and says what. */
        private String validTweak(ObjectNode request) {
            return switch (random.nextInt(12)) {
                case 0 -> tweak(request, "interaction.message", NODES.stringNode(pick(HostileValues.VALID_MESSAGES)));
                case 1 -> tweak(request, "interaction.channel", NODES.stringNode(pick(List.of(Channel.values())).name()));
                case 2 -> tweak(request, "customer.tier", NODES.stringNode(pick(List.of(Tier.values())).name()));
                case 3 -> tweak(request, "customer.timeZone", NODES.stringNode(pick(HostileValues.VALID_ZONES)));
                case 4 -> tweak(request, "interaction.sentiment", NODES.numberNode(pick(List.of(-1.0, 1.0, 0.0, -0.0, round3()))));
                case 5 -> tweak(request, "interaction.intent", NODES.objectNode()
                        .put("label", pick(List.of("track_order", "payment_issue", "complaint", "x", "l".repeat(64))))
                        .put("confidence", pick(List.of(0.0, 1.0, round3()))));
                case 6 -> {
                    TreePath.parse("interaction.intent").remove(request);
                    yield "no caller intent";
                }
                case 7 -> tweak(request, "interaction.history", strings(random.nextInt(51), "earlier message"));
                case 8 -> tweak(request, "proposedActions", actions(random.nextInt(21)));
                case 9 -> tweak(request, "at", NODES.stringNode(pick(List.of("2000-01-01T00:00:00Z", "2099-12-31T23:59:59Z",
                        "2026-11-21T23:59:59.999999999+14:00", "2026-03-29T02:30:00+02:00", "2026-11-21T10:00:00Z"))));
                case 10 -> tweak(request, "customer.lifetimeValue", NODES.numberNode(pick(List.of(0.0, 1.0e12, 0.01, 9999.99))));
                default -> tweak(request, "lineOfBusiness", NODES.stringNode(pick(List.of("RETAIL", "FINANCE", "HEALTHCARE",
                        "INSURANCE", "TELECOM", "A", "Z" + "9".repeat(31), "NEW_LINE_2"))));
            };
        }

        private String tweak(ObjectNode request, String path, JsonNode value) {
            set(request, path, value);
            return path + " = " + abbreviate(write(value));
        }

        private HostilePayload typeSwap(TypeSwap swap) {
            ObjectNode request = fresh(bases.get(swap.base()));
            JsonNode value = valueOf(swap.type());
            String body = swap.path().isRoot() ? write(value) : write(setAt(request, swap.path(), value));
            return json(Kind.TYPE_SWAP, swap.path() + " -> " + swap.type() + " " + write(value), body, EITHER);
        }

        private HostilePayload droppedField() {
            ObjectNode request = fresh(pick(bases));
            List<String> dropped = new ArrayList<>();
            for (int i = 0, drops = 1 + random.nextInt(3); i < drops; i++) {
                List<TreePath> paths = TreePath.everyNode(request);
                if (paths.size() > 1) {
                    TreePath path = paths.get(1 + random.nextInt(paths.size() - 1));
                    path.remove(request);
                    dropped.add(path.toString());
                }
            }
            return json(Kind.DROPPED_FIELD, "dropped " + dropped, write(request), EITHER);
        }

        private HostilePayload unknownField() {
            ObjectNode request = fresh(pick(bases));
            List<TreePath> objects = TreePath.everyNode(request).stream().filter(p -> p.find(request).isObject()).toList();
            TreePath where = pick(objects);
            String name = unknownName();
            JsonNode value = valueOf(pick(List.of(JsonType.values())));
            ((ObjectNode) where.find(request)).set(name, value);
            return json(Kind.UNKNOWN_FIELD, "unknown field '" + name + "' in " + where, write(request), REJECTED);
        }

        private String unknownName() {
            String name = pick(List.of("x_" + letters(1 + random.nextInt(12)), "", " ", "customerId", "Customer",
                    "CUSTOMER_ID", "__proto__", "constructor", "@type", "$ref", "@class", "class", "\u0000", "😀",
                    "\u202Etier", "a".repeat(200), "tier ", " tier", "TIER", "ｔｉｅｒ", "sentimnet", "requestID",
                    "proposed_actions", "interaction.message", "customer[id]"));
            return KNOWN_FIELDS.contains(name) ? name + "_x" : name;
        }

        private HostilePayload renamedField() {
            ObjectNode request = fresh(pick(bases));
            List<TreePath> fields = TreePath.everyNode(request).stream().filter(p -> !p.isRoot() && p.last() instanceof String).toList();
            TreePath field = pick(fields);
            String name = (String) field.last();
            String renamed = rename(name);
            ObjectNode parent = (ObjectNode) field.parent().find(request);
            ObjectNode replaced = NODES.objectNode();
            parent.properties().forEach(e -> replaced.set(e.getKey().equals(name) ? renamed : e.getKey(), e.getValue()));
            JsonNode body = field.parent().isRoot() ? replaced : setAt(request, field.parent(), replaced);
            return json(Kind.RENAMED_FIELD, field + " renamed to '" + renamed + "'", write(body), REJECTED);
        }

        private String rename(String name) {
            String renamed = switch (random.nextInt(10)) {
                case 0 -> name.toUpperCase(java.util.Locale.ROOT);
                case 1 -> Character.toUpperCase(name.charAt(0)) + name.substring(1);
                case 2 -> name + "s";
                case 3 -> name.substring(0, name.length() - 1);
                case 4 -> " " + name;
                case 5 -> name + " ";
                case 6 -> name.charAt(0) + "\u200B" + name.substring(1);
                case 7 -> name.indexOf('e') >= 0 ? name.replaceFirst("e", "\u0435") : name + "\u0435";
                case 8 -> name.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT) + "_";
                default -> name + "\u0000";
            };
            return renamed.equals(name) || KNOWN_FIELDS.contains(renamed) ? renamed + "_x" : renamed;
        }

        private HostilePayload outOfRange() {
            String[] bad = pick(HostileValues.OUT_OF_RANGE);
            ObjectNode request = fresh(everyField);
            set(request, bad[0], raw(bad[1]));
            return json(Kind.OUT_OF_RANGE, bad[0] + " = " + abbreviate(bad[1]), write(request), REJECTED);
        }

        private HostilePayload badEnum() {
            String path = pick(HostileValues.ENUM_PATHS);
            String value = pick(HostileValues.BAD_ENUMS);
            return json(Kind.BAD_ENUM, path + " = " + value, write(set(fresh(everyField), path, raw(value))),
                    enumExpectation(path, value));
        }

        /** Jackson trims enum names before it looks them up: {@code " CHAT"} may be read as CHAT. */
        private HostilePayload.Expected enumExpectation(String path, String value) {
            JsonNode parsed = JSON.readTree(value);
            if (path.equals("lineOfBusiness")) {
                return parsed.isString() && parsed.asString().matches("[A-Z][A-Z0-9_]{0,31}") ? EITHER : REJECTED;
            }
            Set<String> names = ENUM_NAMES.getOrDefault(path.substring(path.lastIndexOf('.') + 1), Set.of());
            return parsed.isString() && names.contains(parsed.asString().trim()) ? EITHER : REJECTED;
        }

        private HostilePayload badDate() {
            String path = pick(HostileValues.DATE_PATHS);
            ObjectNode request = fresh(everyField);
            int draw = random.nextInt(10);
            if (draw < 2) {
                String epoch = pick(HostileValues.EPOCH_NUMBERS);
                return json(Kind.BAD_DATE, path + " = " + epoch, write(set(request, path, raw(epoch))), REJECTED);
            }
            if (draw < 6) {
                String value = pick(HostileValues.BAD_DATES);
                return json(Kind.BAD_DATE, path + " = '" + value + "'", write(set(request, path, raw(
                        HostileValues.jsonString(value, random.nextBoolean())))), REJECTED);
            }
            String value = pick(HostileValues.EDGE_DATES);
            String zone = random.nextBoolean() ? pick(HostileValues.ODD_ZONES) : pick(HostileValues.VALID_ZONES);
            set(request, "customer.timeZone", NODES.stringNode(zone));
            if (random.nextBoolean()) {
                set(request, "at", raw(value));
            }
            return json(Kind.BAD_DATE, path + " = " + value + " in " + zone, write(set(request, path, raw(value))), EITHER);
        }

        private HostilePayload badTimeZone() {
            ObjectNode request = fresh(pick(bases));
            boolean bad = random.nextInt(10) < 6;
            String zone = pick(bad ? HostileValues.BAD_ZONES : HostileValues.ODD_ZONES);
            set(request, "customer.timeZone", raw(HostileValues.jsonString(zone, random.nextBoolean())));
            if (random.nextInt(4) == 0) {
                set(request, "at", raw(pick(HostileValues.EDGE_DATES)));
            }
            return json(Kind.BAD_TIME_ZONE, "customer.timeZone = '" + zone + "'", write(request), bad ? REJECTED : EITHER);
        }

        private HostilePayload badId() {
            ObjectNode request = fresh(everyField);
            if (random.nextInt(8) == 0) {
                String list = random.nextBoolean() ? "proposedActions" : "customer.openTickets";
                ArrayNode items = (ArrayNode) TreePath.parse(list).find(request);
                JsonNode first = items.get(0);
                for (int i = 0, copies = 1 + random.nextInt(19); i < copies; i++) {
                    items.add(first.deepCopy());
                }
                return json(Kind.BAD_ID, "the same id repeated in " + list, write(request),
                        list.equals("proposedActions") ? REJECTED : EITHER);
            }
            String path = pick(HostileValues.ID_PATHS);
            String id = pick(HostileValues.IDS);
            set(request, path, raw(HostileValues.jsonString(id, random.nextBoolean())));
            return json(Kind.BAD_ID, path + " = " + abbreviate(HostileValues.jsonString(id, true)), write(request),
                    idExpectation(path, id));
        }

        /**
         * Blank (white space only) or overlong identifiers, request ids not in printable ASCII, and ids (not intent
         * labels) with a control character are surely rejected.
         */
        private HostilePayload.Expected idExpectation(String path, String id) {
            int max = path.endsWith("label") ? 64 : 128;
            boolean blank = id.isBlank() && !path.equals("requestId") && !path.endsWith("productId");
            boolean unprintable = path.equals("requestId") && !id.matches("[\\x21-\\x7E]+");
            boolean control = !path.endsWith("label") && id.chars().anyMatch(Character::isISOControl);
            boolean tooLong = id.codePointCount(0, id.length()) > max;
            return blank || tooLong || unprintable || control ? REJECTED : EITHER;
        }

        private HostilePayload unicodeText() {
            ObjectNode request = fresh(pick(bases));
            StringBuilder text = new StringBuilder();
            for (int i = 0, pieces = 1 + random.nextInt(4); i < pieces; i++) {
                text.append(random.nextBoolean() ? " " + letters(3) + " " : "").append(pick(HostileValues.UNICODE));
            }
            String literal = HostileValues.jsonString(text.toString(), random.nextBoolean());
            if (random.nextInt(8) == 0) {
                ((ObjectNode) request.get("customer")).set(MARK, NODES.stringNode("x"));
                String body = write(request).replace("\"" + MARK + "\"", literal);
                return json(Kind.UNICODE_TEXT, "a field named " + literal, body, REJECTED);
            }
            String path = pick(HostileValues.TEXT_PATHS);
            return json(Kind.UNICODE_TEXT, path + " = " + literal, write(set(request, path, raw(literal))), EITHER);
        }

        private HostilePayload invalidUtf8() {
            ObjectNode request = fresh(pick(bases));
            byte[] invalid = pick(HostileValues.INVALID_UTF8);
            int where = random.nextInt(5);
            if (where < 2) {
                String path = pick(HostileValues.TEXT_PATHS);
                byte[] body = utf8(write(set(request, path, NODES.stringNode("ab" + MARK + "cd"))));
                return bytes(Kind.INVALID_UTF8, hex(invalid) + " inside " + path, splice(body, MARK, invalid), EITHER);
            }
            byte[] body = utf8(write(request));
            int at = switch (where) {
                case 2 -> 0;
                case 3 -> body.length;
                default -> 1;
            };
            byte[] spliced = new byte[body.length + invalid.length];
            System.arraycopy(body, 0, spliced, 0, at);
            System.arraycopy(invalid, 0, spliced, at, invalid.length);
            System.arraycopy(body, at, spliced, at + invalid.length, body.length - at);
            return bytes(Kind.INVALID_UTF8, hex(invalid) + " outside any string at byte " + at, spliced, REJECTED);
        }

        private HostilePayload bomAndEncoding(int ordinal) {
            ObjectNode request = fresh(pick(bases));
            set(request, "interaction.message", NODES.stringNode(pick(List.of("Café crème, où est mon colis?",
                    "Where is my parcel? 😀", "Where is my parcel?"))));
            String text = write(request);
            return switch (ordinal % 12) {
                case 0 -> bytes(Kind.BOM_AND_ENCODING, "UTF-8 BOM first", concat(UTF8_BOM, utf8(text)), EITHER);
                case 1 -> bytes(Kind.BOM_AND_ENCODING, "two UTF-8 BOMs", concat(UTF8_BOM, UTF8_BOM, utf8(text)), REJECTED);
                case 2 -> json(Kind.BOM_AND_ENCODING, "BOM after '{'", "{\uFEFF" + text.substring(1), REJECTED);
                case 3 -> bytes(Kind.BOM_AND_ENCODING, "UTF-16BE with BOM", text.getBytes(StandardCharsets.UTF_16), EITHER);
                case 4 -> bytes(Kind.BOM_AND_ENCODING, "UTF-16LE with BOM",
                        concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)), EITHER);
                case 5 -> bytes(Kind.BOM_AND_ENCODING, "UTF-16LE without BOM", text.getBytes(StandardCharsets.UTF_16LE), EITHER);
                case 6 -> bytes(Kind.BOM_AND_ENCODING, "UTF-32BE", text.getBytes(Charset.forName("UTF-32BE")), EITHER);
                case 7 -> new HostilePayload(index, Kind.BOM_AND_ENCODING, "UTF-16 body declared as UTF-16",
                        text.getBytes(StandardCharsets.UTF_16), List.of("application/json; charset=UTF-16"), false, EITHER);
                case 8 -> new HostilePayload(index, Kind.BOM_AND_ENCODING, "UTF-8 body declared as UTF-16", utf8(text),
                        List.of("application/json; charset=UTF-16"), false, EITHER);
                case 9 -> bytes(Kind.BOM_AND_ENCODING, "Latin-1 body", text.getBytes(StandardCharsets.ISO_8859_1),
                        text.chars().anyMatch(c -> c > 0x7F && c < 0x100) ? REJECTED : EITHER);
                case 10 -> bytes(Kind.BOM_AND_ENCODING, "UTF-8 BOM last", concat(utf8(text), UTF8_BOM), REJECTED);
                default -> new HostilePayload(index, Kind.BOM_AND_ENCODING, "BOM with a Latin-1 charset",
                        concat(UTF8_BOM, utf8(text)), List.of("application/json; charset=ISO-8859-1"), false, EITHER);
            };
        }

        private HostilePayload bodySize(int ordinal) {
            ObjectNode request = fresh(pick(bases));
            String text = write(request);
            return switch (ordinal % 10) {
                case 0 -> json(Kind.BODY_SIZE, "empty body", "", REJECTED);
                case 1 -> json(Kind.BODY_SIZE, "only whitespace", " \n\t\r".repeat(1 + random.nextInt(15_000)), REJECTED);
                case 2 -> {
                    String scalar = pick(List.of("{}", "[]", "null", "0", "\"\"", "true", "[{}]", "{\"\":\"\"}", "\"{}\""));
                    yield json(Kind.BODY_SIZE, "the document " + scalar, scalar, REJECTED);
                }
                case 3 -> padded(text, maxBodyBytes - random.nextInt(65), false, DECIDED);
                case 4 -> padded(text, maxBodyBytes + 1 + random.nextInt(64), false, TOO_LARGE);
                case 5 -> padded(text, maxBodyBytes + 1 + random.nextInt(64), true, TOO_LARGE);
                case 6 -> {
                    int length = pick(List.of(4001, 10_000, 30_000, maxBodyBytes - 1_000));
                    set(request, "interaction.message", NODES.stringNode("m".repeat(length)));
                    yield json(Kind.BODY_SIZE, "a message of " + length + " characters", write(request), REJECTED);
                }
                case 7 -> {
                    int size = maxBodyBytes + 1 + random.nextInt(MAX_OVERSIZED_BYTES - maxBodyBytes);
                    set(request, "interaction.message", NODES.stringNode("m".repeat(size)));
                    boolean chunked = random.nextBoolean();
                    yield new HostilePayload(index, Kind.BODY_SIZE, "a message of " + size + " characters"
                            + (chunked ? ", chunked" : ""), utf8(write(request)), List.of(HostilePayload.JSON), chunked, TOO_LARGE);
                }
                case 8 -> {
                    byte[] unterminated = utf8("{\"interaction\":{\"message\":\"" + "u".repeat(maxBodyBytes + random.nextInt(1_000)));
                    boolean chunked = random.nextBoolean();
                    yield new HostilePayload(index, Kind.BODY_SIZE, "an unterminated string over the limit"
                            + (chunked ? ", chunked" : ""), unterminated, List.of(HostilePayload.JSON), chunked, TOO_LARGE);
                }
                default -> {
                    int keys = 1 + random.nextInt(4_000);
                    ObjectNode customer = (ObjectNode) request.get("customer");
                    for (int i = 0; i < keys; i++) {
                        customer.put("k" + i, i);
                    }
                    yield json(Kind.BODY_SIZE, keys + " unknown keys", write(request), REJECTED);
                }
            };
        }

        /** A valid request padded with whitespace to exactly {@code size} bytes. */
        private HostilePayload padded(String text, int size, boolean chunked, HostilePayload.Expected expected) {
            int inside = random.nextInt(size - utf8(text).length);
            String body = "{" + " ".repeat(inside) + text.substring(1) + "\n".repeat(size - utf8(text).length - inside);
            return new HostilePayload(index, Kind.BODY_SIZE, "valid request padded to " + size + " bytes"
                    + (chunked ? ", chunked" : ""), utf8(body), List.of(HostilePayload.JSON), chunked, expected);
        }

        private HostilePayload longArray() {
            String[] list = pick(HostileValues.LISTS);
            String path = list[0];
            int max = Integer.parseInt(list[2]);
            int count = pick(List.of(max, max + 1, max * 2, max * 10, 1 + random.nextInt(max * 20)));
            boolean nulls = random.nextInt(6) == 0;
            StringBuilder array = new StringBuilder("[");
            for (int i = 0; i < count; i++) {
                array.append(i == 0 ? "" : ",").append(nulls ? "null" : list[1].replace("#", Integer.toString(i)));
            }
            byte[] body = utf8(write(set(fresh(everyField), path, raw(array.append(']').toString()))));
            HostilePayload.Expected expected = body.length > maxBodyBytes ? TOO_LARGE
                    : nulls || count > max ? REJECTED : DECIDED;
            return bytes(Kind.LONG_ARRAY, path + " with " + count + (nulls ? " nulls" : " entries"), body, expected);
        }

        private HostilePayload deepNesting() {
            int depth = pick(List.of(11, 12, 13, 14, 20, 64, 500, 5_000, 20_000, 60_000));
            String style = pick(List.of("[", "{\"a\":", "[{\"a\":", "{\"a\":["));
            boolean closed = random.nextInt(4) > 0;
            StringBuilder nested = new StringBuilder(style.repeat(depth)).append("\"x\"");
            if (closed) {
                String closing = switch (style) {
                    case "[" -> "]";
                    case "{\"a\":" -> "}";
                    case "[{\"a\":" -> "}]";
                    default -> "]}";
                };
                nested.append(closing.repeat(depth));
            }
            String where = pick(List.of("(root)", "interaction.history", "customer.consents.marketing", "x",
                    "proposedActions", "customer.profile"));
            String body = where.equals("(root)") ? nested.toString()
                    : write(set(fresh(pick(bases)), where, raw(nested.toString())));
            return json(Kind.DEEP_NESTING, "depth " + depth + " of " + style + (closed ? "" : " unclosed") + " at " + where,
                    body, REJECTED);
        }

        private HostilePayload hugeNumber() {
            ObjectNode request = fresh(everyField);
            String path = random.nextInt(5) > 0 ? pick(HostileValues.NUMERIC_PATHS) : anyLeaf(request).toString();
            String number = pick(HostileValues.HUGE_NUMBERS);
            return json(Kind.HUGE_NUMBER, path + " = " + abbreviate(number), write(set(request, path, raw(number))), EITHER);
        }

        private HostilePayload nanLike() {
            String path = pick(HostileValues.NUMERIC_PATHS);
            String value = random.nextBoolean() ? pick(HostileValues.NAN_TOKENS) : pick(HostileValues.NAN_STRINGS);
            return json(Kind.NAN_LIKE, path + " = " + value, write(set(fresh(everyField), path, raw(value))), REJECTED);
        }

        private HostilePayload duplicateKey() {
            ObjectNode request = fresh(pick(bases));
            List<TreePath> fields = TreePath.everyNode(request).stream().filter(p -> !p.isRoot() && p.last() instanceof String).toList();
            TreePath field = pick(fields);
            String name = (String) field.last();
            JsonNode existing = field.find(request);
            String duplicate = switch (random.nextInt(4)) {
                case 0 -> write(existing);
                case 1 -> "null";
                case 2 -> write(valueOf(pick(List.of(JsonType.values()))));
                default -> write(existing) + ",\"" + name + "\":" + write(existing);
            };
            String key = random.nextInt(4) == 0 ? escapedFirstLetter(name) : HostileValues.jsonString(name, false);
            ObjectNode parent = (ObjectNode) field.parent().find(request);
            ObjectNode withMark = NODES.objectNode();
            boolean first = random.nextBoolean();
            if (first) {
                withMark.set(MARK, NODES.nullNode());
            }
            parent.properties().forEach(e -> withMark.set(e.getKey(), e.getValue()));
            if (!first) {
                withMark.set(MARK, NODES.nullNode());
            }
            JsonNode tree = field.parent().isRoot() ? withMark : setAt(request, field.parent(), withMark);
            String body = write(tree).replace("\"" + MARK + "\":null", key + ":" + duplicate);
            return json(Kind.DUPLICATE_KEY, field + " twice (" + key + ":" + abbreviate(duplicate) + ")", body, REJECTED);
        }

        private String escapedFirstLetter(String name) {
            return "\"" + String.format("\\u%04x", (int) name.charAt(0)) + name.substring(1) + "\"";
        }

        private HostilePayload truncated() {
            ObjectNode request = fresh(pick(bases));
            set(request, "interaction.message", NODES.stringNode(pick(List.of("Where is my parcel? 😀", "Ünïcödé ñ",
                    "a\\\"b", "plain"))));
            String text = random.nextBoolean() ? write(request) : request.toPrettyString();
            byte[] full = utf8(text);
            int cut = random.nextInt(full.length);
            return bytes(Kind.TRUNCATED, "cut after " + cut + " of " + full.length + " bytes", Arrays.copyOf(full, cut), REJECTED);
        }

        private HostilePayload randomBytes(int ordinal) {
            int length = 1 + random.nextInt(4_096);
            byte[] body = new byte[length];
            switch (ordinal % 4) {
                case 0 -> random.nextBytes(body);
                case 1 -> {
                    for (int i = 0; i < length; i++) {
                        body[i] = (byte) (0x20 + random.nextInt(0x5F));
                    }
                }
                case 2 -> body = utf8(tokenSoup(1 + random.nextInt(400)));
                default -> {
                    byte[] prefix = utf8(write(fresh(pick(bases))));
                    random.nextBytes(body);
                    body = concat(Arrays.copyOf(prefix, random.nextInt(prefix.length)), body);
                }
            }
            return bytes(Kind.RANDOM_BYTES, List.of("random bytes", "random ASCII", "token soup", "valid prefix, random rest")
                    .get(ordinal % 4), body, REJECTED);
        }

        private String tokenSoup(int tokens) {
            List<String> vocabulary = List.of("{", "}", "[", "]", ":", ",", "\"a\"", "1", "-0.5e3", "true", "false", "null",
                    "\"customer\"", "\"interaction\"", "\"message\"", "\"lineOfBusiness\"", "\"RETAIL\"", "\"CHAT\"",
                    "\"id\"", "\"channel\"", " ", "\n", "\"\\u0000\"", "\"\\ud800\"", "NaN", "\"");
            StringBuilder soup = new StringBuilder();
            for (int i = 0; i < tokens; i++) {
                soup.append(pick(vocabulary));
            }
            return soup.toString();
        }

        private HostilePayload contentType() {
            byte[] body = utf8(write(fresh(pick(bases))));
            boolean wrong = random.nextBoolean();
            List<String> types = pick(wrong ? HostileValues.WRONG_CONTENT_TYPES : HostileValues.ODD_CONTENT_TYPES);
            return new HostilePayload(index, Kind.CONTENT_TYPE, "Content-Type " + types, body, types, false,
                    wrong ? REJECTED : EITHER);
        }

        private HostilePayload trailingGarbage() {
            String text = write(fresh(pick(bases)));
            return switch (random.nextInt(10)) {
                case 0 -> {
                    String whitespace = pick(List.of("\n", "\r\n", "\t ", " ".repeat(100)));
                    yield json(Kind.TRAILING_GARBAGE, "trailing whitespace", whitespace + text + whitespace, DECIDED);
                }
                case 1, 2 -> {
                    String garbage = pick(HostileValues.LEADING_GARBAGE);
                    yield json(Kind.TRAILING_GARBAGE, "leading " + HostileValues.jsonString(garbage, true), garbage + text, REJECTED);
                }
                default -> {
                    String garbage = pick(HostileValues.TRAILING_GARBAGE);
                    yield json(Kind.TRAILING_GARBAGE, "trailing " + HostileValues.jsonString(garbage, true), text + garbage, REJECTED);
                }
            };
        }

        private HostilePayload mixedMutations() {
            ObjectNode request = fresh(pick(bases));
            List<String> done = new ArrayList<>();
            for (int i = 0, mutations = 2 + random.nextInt(4); i < mutations; i++) {
                TreePath path = anyLeaf(request);
                if (path == null) {
                    break;
                }
                switch (random.nextInt(5)) {
                    case 0 -> {
                        JsonType type = pick(List.of(JsonType.values()));
                        path.set(request, valueOf(type));
                        done.add(path + " -> " + type);
                    }
                    case 1 -> {
                        path.remove(request);
                        done.add("dropped " + path);
                    }
                    case 2 -> {
                        path.set(request, raw(pick(HostileValues.HUGE_NUMBERS)));
                        done.add(path + " -> huge number");
                    }
                    case 3 -> {
                        path.set(request, raw(HostileValues.jsonString(pick(HostileValues.UNICODE), random.nextBoolean())));
                        done.add(path + " -> unicode");
                    }
                    default -> {
                        path.set(request, raw(pick(HostileValues.BAD_ENUMS)));
                        done.add(path + " -> bad enum");
                    }
                }
            }
            return json(Kind.MIXED_MUTATIONS, String.join("; ", done), write(request), EITHER);
        }

        private HostilePayload idempotency(int ordinal) {
            String requestId = "fuzz-" + Long.toHexString(seed) + "-shared-" + ordinal % 5;
            int variant = random.nextInt(3);
            ObjectNode request = (variant == 1 ? DecisionRequests.automatableChatRequest() : DecisionRequests.designExampleRequest())
                    .put("requestId", requestId);
            if (variant == 2) {
                request.set("customer", ((ObjectNode) request.get("customer")).put("tier", "DIAMOND"));
            }
            return json(Kind.IDEMPOTENCY, "request id " + requestId + ", body " + variant, write(request), EITHER);
        }

        // --- values

        /** A copy of {@code base} under a request id no other payload of this seed uses, or without one. */
        private ObjectNode fresh(ObjectNode base) {
            ObjectNode copy = base.deepCopy();
            if (random.nextBoolean()) {
                copy.put("requestId", "fuzz-" + Long.toHexString(seed) + "-" + index);
            } else {
                copy.remove("requestId");
            }
            return copy;
        }

        private JsonNode valueOf(JsonType type) {
            return switch (type) {
                case STRING -> NODES.stringNode(pick(List.of("", "x", " ", "0", "0.5", "true", "null", "RETAIL", "P1",
                        "2026-11-21T10:00:00Z", "[]", "{}")));
                case NUMBER -> pick(List.of(NODES.numberNode(0), NODES.numberNode(1), NODES.numberNode(-1),
                        NODES.numberNode(0.5), NODES.numberNode(42), NODES.numberNode(-0.0), NODES.numberNode(1e3)));
                case BOOLEAN -> NODES.booleanNode(random.nextBoolean());
                case NULL -> NODES.nullNode();
                case ARRAY -> pick(List.of(NODES.arrayNode(), NODES.arrayNode().add("x"), NODES.arrayNode().addNull(),
                        NODES.arrayNode().add(1).add(2), NODES.arrayNode().add(NODES.objectNode())));
                case OBJECT -> pick(List.of(NODES.objectNode(), NODES.objectNode().put("x", 1), NODES.objectNode().put("id", "x")));
            };
        }

        private TreePath anyLeaf(JsonNode tree) {
            List<TreePath> leaves = TreePath.everyNode(tree).stream().filter(p -> !p.find(tree).isContainer()).toList();
            return leaves.isEmpty() ? null : pick(leaves);
        }

        private ArrayNode strings(int count, String prefix) {
            ArrayNode array = NODES.arrayNode();
            for (int i = 0; i < count; i++) {
                array.add(prefix + " " + i);
            }
            return array;
        }

        private ArrayNode actions(int count) {
            ArrayNode array = NODES.arrayNode();
            for (int i = 0; i < count; i++) {
                array.add(NODES.objectNode().put("id", "offer-" + i)
                        .put("type", pick(List.of("MARKETING_OFFER", "UPSELL", "SURVEY", "RETENTION_OFFER"))));
            }
            return array;
        }

        private double round3() {
            return Math.round(random.nextDouble() * 1000) / 1000.0;
        }

        private String letters(int count) {
            StringBuilder letters = new StringBuilder();
            for (int i = 0; i < count; i++) {
                letters.append((char) ('a' + random.nextInt(26)));
            }
            return letters.toString();
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        private <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }

        // --- payloads

        private HostilePayload json(Kind kind, String description, String body, HostilePayload.Expected expected) {
            return bytes(kind, description, utf8(body), expected);
        }

        private HostilePayload bytes(Kind kind, String description, byte[] body, HostilePayload.Expected expected) {
            return new HostilePayload(index, kind, description, body, List.of(HostilePayload.JSON), false, expected);
        }
    }

    private static ObjectNode set(ObjectNode request, String path, JsonNode value) {
        TreePath.parse(path).set(request, value);
        return request;
    }

    private static ObjectNode setAt(ObjectNode request, TreePath path, JsonNode value) {
        path.set(request, value);
        return request;
    }

    private static JsonNode raw(String json) {
        return NODES.rawValueNode(new RawValue(json));
    }

    private static String write(JsonNode tree) {
        return JSON.writeValueAsString(tree);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            joined.writeBytes(part);
        }
        return joined.toByteArray();
    }

    /** @return {@code body} with the first occurrence of {@code mark} replaced by {@code bytes} */
    private static byte[] splice(byte[] body, String mark, byte[] bytes) {
        byte[] needle = utf8(mark);
        for (int i = 0; i + needle.length <= body.length; i++) {
            if (Arrays.equals(body, i, i + needle.length, needle, 0, needle.length)) {
                return concat(Arrays.copyOf(body, i), bytes, Arrays.copyOfRange(body, i + needle.length, body.length));
            }
        }
        throw new IllegalStateException("no " + mark + " in the body");
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02X ", b & 0xFF));
        }
        return hex.toString().trim();
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 60) + "... (" + text.length() + " characters)";
    }
}
