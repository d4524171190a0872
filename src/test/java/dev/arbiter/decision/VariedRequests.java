package dev.arbiter.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import dev.arbiter.decision.DecisionRequest.AiAnswer;
import dev.arbiter.decision.DecisionRequest.Consents;
import dev.arbiter.decision.DecisionRequest.Contact;
import dev.arbiter.decision.DecisionRequest.Customer;
import dev.arbiter.decision.DecisionRequest.IntentInput;
import dev.arbiter.decision.DecisionRequest.Interaction;
import dev.arbiter.decision.DecisionRequest.ProductReturn;
import dev.arbiter.decision.DecisionRequest.Profile;
import dev.arbiter.decision.DecisionRequest.ProposedAction;
import dev.arbiter.decision.DecisionRequest.Ticket;
import dev.arbiter.scenario.Scenario;
import tools.jackson.databind.json.JsonMapper;

/**
 * Any number of valid decision requests, built deterministically from the policy scenarios: request {@code i} is
 * scenario {@code i % n}, as written for the first {@code n}, then varied from a random source seeded with the seed
 * and {@code i} (message text, history, intent or none, sentiment or none, AI answer, channel, line of business,
 * tier, lifetime value, churn risk or a profile for the churn model, time zone, consent, tickets, returns, contacts,
 * proposed actions, time of day). Each request keeps its scenario's kill-switch state and model choice. Immutable
 * and thread-safe: {@link #get} depends only on its argument.
 */
final class VariedRequests {

    /** A request to decide, with the kill-switch scope and model choice of its scenario. */
    record Case(int index, Scenario scenario, DecisionRequest request, String pauseScope, boolean withoutModels) {
    }

    private static final String GLOBAL = "GLOBAL";
    private static final Instant DEFAULT_AT = Instant.parse("2026-11-21T10:00:00Z");
    private static final List<String> LINES = List.of("RETAIL", "FINANCE", "HEALTHCARE", "INSURANCE", "TELECOM", "TRAVEL");
    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC",
            "Australia/Sydney", "America/Los_Angeles", "Asia/Kolkata");
    private static final List<Double> LIFETIME_VALUES = List.of(0.0, 150.0, 1200.0, 5000.0, 9999.99, 10000.0, 20000.0, 250000.0);
    private static final List<String> CONTRACTS = List.of("Month-to-month", "One year", "Two year");
    private static final List<String> PAYMENT_METHODS = List.of("Electronic check", "Mailed check",
            "Bank transfer (automatic)", "Credit card (automatic)");

    private final List<Scenario> scenarios;
    private final List<DecisionRequest> requests;
    private final List<String> messages;
    private final List<String> labels;
    private final long seed;

    /**
     * @param scenarios the policy scenarios; every one must hold a request the strict reader accepts
     * @param seed      decides every variation
     */
    VariedRequests(List<Scenario> scenarios, long seed) {
        JsonMapper json = StrictJson.mapper();
        this.scenarios = List.copyOf(scenarios);
        this.requests = scenarios.stream().map(s -> json.convertValue(s.request(), DecisionRequest.class)).toList();
        this.messages = messages(requests);
        this.labels = requests.stream().map(r -> r.interaction().intent()).filter(i -> i != null)
                .map(IntentInput::label).distinct().sorted().toList();
        this.seed = seed;
    }

    /** @return how many scenarios the requests come from */
    int scenarioCount() {
        return scenarios.size();
    }

    /** @return request number {@code index}: the same for the same seed, on any thread, in any order */
    Case get(int index) {
        Scenario scenario = scenarios.get(index % scenarios.size());
        DecisionRequest request = requests.get(index % scenarios.size());
        if (index >= scenarios.size()) {
            request = new Variation(new SplittableRandom(mix(seed, index))).of(request);
        }
        return new Case(index, scenario, request, pauseScope(scenario, request), scenario.withoutModels());
    }

    private static String pauseScope(Scenario scenario, DecisionRequest request) {
        if (scenario.pausedScopes().contains(GLOBAL)) {
            return GLOBAL;
        }
        String channel = request.interaction().channel().name();
        return scenario.pausedScopes().contains(channel) ? channel : null;
    }

    private static List<String> messages(List<DecisionRequest> requests) {
        Set<String> messages = new LinkedHashSet<>();
        for (DecisionRequest request : requests) {
            messages.add(request.interaction().message());
            messages.addAll(request.interaction().history());
        }
        messages.addAll(List.of("hi", "Thanks, that solved it!", "Where is my parcel? It is late again",
                "I want to speak to a human now", "Wo ist mein Paket?", "😡😡😡 worst service ever",
                "can you tell me the status of order 12345", "I was charged twice this month, fix it or I cancel"));
        return List.copyOf(messages);
    }

    private static long mix(long seed, int index) {
        long x = seed + 0x9E3779B97F4A7C15L * (index + 1L);
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    /** One request's variation: every change keeps the request valid. */
    private final class Variation {

        private final SplittableRandom random;

        Variation(SplittableRandom random) {
            this.random = random;
        }

        DecisionRequest of(DecisionRequest base) {
            Instant at = chance(20) ? shifted(base.at() == null ? DEFAULT_AT : base.at()) : base.at();
            Instant reference = at == null ? DEFAULT_AT : at;
            return new DecisionRequest(base.requestId(),
                    chance(15) ? pick(LINES) : base.lineOfBusiness(),
                    at,
                    customer(base.customer(), reference),
                    interaction(base.interaction()),
                    chance(20) ? actions() : base.proposedActions());
        }

        private Customer customer(Customer base, Instant at) {
            boolean scoredByModel = chance(20);
            return new Customer(base.id(),
                    chance(25) ? (chance(20) ? null : pick(List.of(Tier.values()))) : base.tier(),
                    chance(20) ? pick(LIFETIME_VALUES) : base.lifetimeValue(),
                    chance(15) ? pick(ZONES) : base.timeZone(),
                    chance(15) ? new Consents(random.nextBoolean()) : base.consents(),
                    chance(25) ? tickets(at) : base.openTickets(),
                    chance(15) ? returns(at) : base.recentReturns(),
                    chance(15) ? contacts(at) : base.recentContacts(),
                    scoredByModel || chance(10) ? profile() : base.profile(),
                    scoredByModel ? null : chance(10) ? Double.valueOf(probability()) : base.churnRisk());
        }

        private Interaction interaction(Interaction base) {
            String message = chance(30) ? pick(messages) : base.message();
            if (chance(10)) {
                message = message + " " + pick(messages);
            }
            IntentInput intent = base.intent();
            if (chance(25)) {
                intent = null;
            } else if (chance(20)) {
                intent = new IntentInput(chance(50) || intent == null ? pick(labels) : intent.label(), probability());
            }
            return new Interaction(
                    chance(25) ? pick(List.of(Channel.values())) : base.channel(),
                    message.length() > 4000 ? message.substring(0, 4000) : message,
                    chance(20) ? history() : base.history(),
                    intent,
                    chance(20) ? null : chance(25) ? Double.valueOf(Math.round((random.nextDouble() * 2 - 1) * 100) / 100.0) : base.sentiment(),
                    chance(15) ? (chance(30) ? null : new AiAnswer(probability())) : base.aiAnswer());
        }

        private List<String> history() {
            List<String> history = new ArrayList<>();
            for (int i = 0, count = random.nextInt(4); i < count; i++) {
                history.add(pick(messages));
            }
            return history;
        }

        private List<Ticket> tickets(Instant at) {
            List<Ticket> tickets = new ArrayList<>();
            for (int i = 0, count = random.nextInt(4); i < count; i++) {
                tickets.add(new Ticket("T-" + i, pick(List.of(TicketPriority.values())), chance(10) ? null : daysBefore(at, 60)));
            }
            return tickets;
        }

        private List<ProductReturn> returns(Instant at) {
            List<ProductReturn> returns = new ArrayList<>();
            for (int i = 0, count = random.nextInt(3); i < count; i++) {
                returns.add(new ProductReturn("SKU-" + random.nextInt(5), pick(List.of(ReturnReason.values())), daysBefore(at, 45)));
            }
            return returns;
        }

        private List<Contact> contacts(Instant at) {
            List<Contact> contacts = new ArrayList<>();
            for (int i = 0, count = random.nextInt(5); i < count; i++) {
                contacts.add(new Contact(pick(List.of(ContactKind.values())), daysBefore(at, 40)));
            }
            return contacts;
        }

        private List<ProposedAction> actions() {
            List<ProposedAction> actions = new ArrayList<>();
            for (int i = 0, count = random.nextInt(4); i < count; i++) {
                actions.add(new ProposedAction("action-" + i, pick(List.of(ActionType.values())),
                        chance(50) ? "SKU-" + random.nextInt(5) : null));
            }
            return actions;
        }

        private Profile profile() {
            int tenure = random.nextInt(73);
            double monthly = Math.round((18 + random.nextDouble() * 100) * 100) / 100.0;
            return new Profile(tenure, pick(CONTRACTS), monthly, chance(70) ? Math.round(monthly * tenure * 100) / 100.0 : null,
                    random.nextBoolean(), random.nextBoolean(), true, pick(List.of("Yes", "No")),
                    pick(List.of("DSL", "Fiber optic", "No")), pick(List.of("Yes", "No")), pick(List.of("Yes", "No")),
                    pick(List.of("Yes", "No")), pick(List.of("Yes", "No")), pick(List.of("Yes", "No")),
                    pick(List.of("Yes", "No")), random.nextBoolean(), pick(PAYMENT_METHODS));
        }

        private Instant shifted(Instant at) {
            return at.plus(Duration.ofMinutes(random.nextInt(-10 * 24 * 60, 10 * 24 * 60)));
        }

        private Instant daysBefore(Instant at, int days) {
            return at.minus(Duration.ofMinutes(random.nextInt(days * 24 * 60)));
        }

        private double probability() {
            return Math.round(random.nextDouble() * 100) / 100.0;
        }

        private boolean chance(int percent) {
            return random.nextInt(100) < percent;
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }
}
