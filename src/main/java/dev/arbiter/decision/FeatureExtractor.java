package dev.arbiter.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.arbiter.policy.PhraseLists;
import dev.arbiter.policy.PolicyFacts;
import dev.arbiter.policy.facts.Contact;
import dev.arbiter.policy.facts.Customer;
import dev.arbiter.policy.facts.Interaction;
import dev.arbiter.policy.facts.PhraseMatch;
import dev.arbiter.policy.facts.ProductReturn;
import dev.arbiter.policy.facts.ProposedAction;
import dev.arbiter.policy.facts.Ticket;
import dev.arbiter.scoring.ChurnScore;
import dev.arbiter.scoring.IntentScore;
import dev.arbiter.scoring.SentimentScore;

/**
 * Derives the facts policy tests from a request: phrase occurrences, sentiment, and ages of tickets, returns and
 * contacts in calendar days of the customer's own time zone. Stateless and thread-safe.
 */
@Component
class FeatureExtractor {

    static final String POSITIVE_LIST = "positive";
    static final String NEGATIVE_LIST = "negative";
    private static final int HANDOFF_MESSAGES = 3;
    /** Named "UTC" rather than ZoneOffset.UTC, whose id "Z" would show up in reason messages. */
    private static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

    Features extract(DecisionRequest request, IntentScore intent, ChurnScore churn, PhraseLists phrases, Instant at,
                     String pauseScope) {
        DecisionRequest.Customer customer = request.customer();
        DecisionRequest.Interaction said = request.interaction();
        boolean zoneDefaulted = customer.timeZone() == null;
        ZoneId zone = zoneDefaulted ? DEFAULT_ZONE : ZoneId.of(customer.timeZone());
        ZonedDateTime local = at.atZone(zone);

        List<String> messages = new ArrayList<>(said.history());
        messages.add(said.message());
        List<List<PhraseMatch>> matchesPerMessage = new ArrayList<>();
        List<PhraseMatch> matches = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            String source = i == messages.size() - 1 ? "message" : "history[" + i + "]";
            List<PhraseMatch> found = phrases.find(messages.get(i), source);
            matchesPerMessage.add(found);
            matches.addAll(found);
        }
        SentimentScore sentiment = said.sentiment() != null ? SentimentScore.fromCaller(said.sentiment())
                : lexicon(matchesPerMessage.get(matchesPerMessage.size() - 1));

        Interaction interaction = Interaction.builder()
                .channel(said.channel().name())
                .lineOfBusiness(request.lineOfBusiness())
                .intent(intent.label(), intent.confidence(), intent.source().name(), intent.problem())
                .answerConfidence(said.aiAnswer() == null ? null : said.aiAnswer().confidence())
                .sentiment(sentiment.value(), sentiment.source())
                .localTime(local.getHour(), local.getMinute(), zone.getId())
                .automationPaused(pauseScope)
                .build();
        PolicyFacts facts = new PolicyFacts(interaction, customer(customer, churn), tickets(customer, local), returns(customer, local),
                contacts(customer, local), actions(request), matches);

        int first = Math.max(0, messages.size() - HANDOFF_MESSAGES);
        List<Double> trend = new ArrayList<>();
        for (int i = first; i < messages.size(); i++) {
            trend.add(i == messages.size() - 1 ? sentiment.value() : lexicon(matchesPerMessage.get(i)).value());
        }
        return new Features(facts, intent, churn, sentiment, local, zoneDefaulted,
                List.copyOf(messages.subList(first, messages.size())), trend);
    }

    private static SentimentScore lexicon(List<PhraseMatch> matches) {
        int positive = 0;
        int negative = 0;
        for (PhraseMatch match : matches) {
            boolean saidPositive = match.getList().equals(POSITIVE_LIST);
            boolean saidNegative = match.getList().equals(NEGATIVE_LIST);
            // A negated phrase counts the other way: "not happy" is negative, "not disappointed" positive.
            positive += (match.isNegated() ? saidNegative : saidPositive) ? 1 : 0;
            negative += (match.isNegated() ? saidPositive : saidNegative) ? 1 : 0;
        }
        return SentimentScore.fromPhrases(positive, negative);
    }

    private static Customer customer(DecisionRequest.Customer customer, ChurnScore churn) {
        boolean consent = customer.consents() != null && Boolean.TRUE.equals(customer.consents().marketing());
        String tier = customer.tier() == null ? Tier.STANDARD.name() : customer.tier().name();
        return new Customer(customer.id(), tier, customer.lifetimeValue(), consent, churn.risk());
    }

    private static List<Ticket> tickets(DecisionRequest.Customer customer, ZonedDateTime local) {
        return customer.openTickets().stream()
                .map(t -> new Ticket(t.id(), t.priority().name(), t.openedAt() == null ? 0 : daysBetween(t.openedAt(), local)))
                .toList();
    }

    private static List<ProductReturn> returns(DecisionRequest.Customer customer, ZonedDateTime local) {
        return customer.recentReturns().stream()
                .map(r -> new ProductReturn(r.productId(), r.reason().name(), daysBetween(r.returnedAt(), local)))
                .toList();
    }

    private static List<Contact> contacts(DecisionRequest.Customer customer, ZonedDateTime local) {
        return customer.recentContacts().stream()
                .map(c -> new Contact(c.kind().name(), daysBetween(c.at(), local)))
                .toList();
    }

    private static List<ProposedAction> actions(DecisionRequest request) {
        return request.proposedActions().stream()
                .map(a -> new ProposedAction(a.id(), a.type().name(), a.productId()))
                .toList();
    }

    /** Calendar days from {@code then} to {@code now}, both as dates in {@code now}'s time zone. */
    static long daysBetween(Instant then, ZonedDateTime now) {
        LocalDate thenDate = then.atZone(now.getZone()).toLocalDate();
        return ChronoUnit.DAYS.between(thenDate, now.toLocalDate());
    }
}
