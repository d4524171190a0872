package dev.arbiter.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.arbiter.policy.facts.Contact;
import dev.arbiter.policy.facts.Customer;
import dev.arbiter.policy.facts.Interaction;
import dev.arbiter.policy.facts.PhraseMatch;
import dev.arbiter.policy.facts.ProductReturn;
import dev.arbiter.policy.facts.ProposedAction;
import dev.arbiter.policy.facts.Ticket;

/** Everything the policy sees about one decision. Lists are never null. */
public record PolicyFacts(Interaction interaction, Customer customer, List<Ticket> tickets,
                          List<ProductReturn> returns, List<Contact> contacts, List<ProposedAction> actions,
                          List<PhraseMatch> phrases) {

    public PolicyFacts {
        tickets = List.copyOf(tickets);
        returns = List.copyOf(returns);
        contacts = List.copyOf(contacts);
        actions = List.copyOf(actions);
        phrases = List.copyOf(phrases);
    }

    /** The inputs the service gives every decision table; tables run after arbitration also get outcome and escalated. */
    static final java.util.Set<String> TABLE_INPUTS = java.util.Set.of("lineOfBusiness", "channel", "intent",
            "intentConfidence", "answerConfidence", "sentiment", "tier", "lifetimeValue", "churnRisk",
            "openTicketPriorities", "highestOpenTicketPriority", "outcome", "escalated");

    /** @return the values decision tables may use as inputs, by input name (values may be null) */
    Map<String, Object> tableInputs() {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("lineOfBusiness", interaction.getLineOfBusiness());
        inputs.put("channel", interaction.getChannel());
        inputs.put("intent", interaction.getIntent());
        inputs.put("intentConfidence", interaction.getIntentConfidence());
        inputs.put("answerConfidence", interaction.getAnswerConfidence());
        inputs.put("sentiment", interaction.getSentiment());
        inputs.put("tier", customer.getTier());
        inputs.put("lifetimeValue", customer.getLifetimeValue());
        inputs.put("churnRisk", customer.getChurnRisk());
        List<String> priorities = new ArrayList<>(tickets.size());
        String highest = null;
        for (Ticket ticket : tickets) {
            String priority = ticket.getPriority();
            priorities.add(priority);
            highest = highest == null || priority.compareTo(highest) < 0 ? priority : highest;
        }
        inputs.put("openTicketPriorities", Collections.unmodifiableList(priorities));
        inputs.put("highestOpenTicketPriority", highest);
        return inputs;
    }

    /** @return the facts the rules are fired over */
    List<Object> ruleFacts(Interaction assessed) {
        List<Object> facts = new ArrayList<>();
        facts.add(assessed);
        facts.add(customer);
        facts.addAll(tickets);
        facts.addAll(returns);
        facts.addAll(contacts);
        facts.addAll(actions);
        facts.addAll(phrases);
        return facts;
    }
}
