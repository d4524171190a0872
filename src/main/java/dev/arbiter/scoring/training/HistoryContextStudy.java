package dev.arbiter.scoring.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.arbiter.scoring.TextFeatures;
import dev.arbiter.scoring.TribuoIntentClassifier;

/**
 * Measures whether reading a short message together with the last history message helps, by scoring each message as
 * the service does with and without one history message. The data has no conversations, so they are simulated from
 * the held-out test part: a short message (fewer words than the model's limit) after an earlier message of the same
 * intent (the customer stays on topic) or of another intent (the customer changed topic); a vague follow-up
 * ("any update?") after a real request, whose right label is that request's; and a short CLINC out-of-scope query
 * after a customer-service request (the risk: history must not make it automatable).
 */
final class HistoryContextStudy {

    /** Follow-ups that carry no intent of their own, each shorter than four words (written for this study). */
    static final List<String> FOLLOW_UPS = List.of("any update?", "still waiting", "please help", "hello??", "so what now",
            "asap please", "is it done", "ok and then?");

    /**
     * One simulated situation, without and with the history message as context.
     *
     * @param situation       what was simulated
     * @param messages        how many messages
     * @param accuracyAlone   share with the right top label, without history
     * @param accuracyContext the same, with the history message
     * @param accuracyAlways  the same, reading the history message whatever the message's own confidence (no gate)
     * @param alone           automation at the threshold, without history
     * @param withContext     automation at the threshold, with the history message
     * @param always          automation at the threshold, reading the history message without the gate
     */
    record Row(String situation, int messages, double accuracyAlone, double accuracyContext, double accuracyAlways,
               Automation alone, Automation withContext, Automation always) {
    }

    private HistoryContextStudy() {
    }

    /**
     * @param test       held-out labelled messages
     * @param outOfScope held-out out-of-scope queries
     */
    static List<Row> run(TribuoIntentClassifier classifier, List<IntentTraining.Text> test, List<String> outOfScope, double threshold,
                         long seed) {
        int limit = classifier.settings().shortMessageWords();
        List<IntentTraining.Text> inScope = IntentTraining.customerService(test);
        Map<String, List<IntentTraining.Text>> byLabel = new LinkedHashMap<>();
        inScope.forEach(t -> byLabel.computeIfAbsent(t.label(), key -> new ArrayList<>()).add(t));
        List<IntentTraining.Text> shortOnes = inScope.stream().filter(t -> TextFeatures.words(t.text()).size() < limit).toList();
        Random random = new Random(seed);

        List<String> sameTopic = new ArrayList<>();
        List<String> otherTopic = new ArrayList<>();
        for (IntentTraining.Text message : shortOnes) {
            List<IntentTraining.Text> same = byLabel.get(message.label());
            IntentTraining.Text other;
            do {
                other = same.get(random.nextInt(same.size()));
            } while (other.text().equals(message.text()) && same.size() > 1);
            sameTopic.add(other.text());
            IntentTraining.Text changed;
            do {
                changed = inScope.get(random.nextInt(inScope.size()));
            } while (changed.label().equals(message.label()));
            otherTopic.add(changed.text());
        }
        List<IntentTraining.Text> followUps = new ArrayList<>();
        List<String> followUpHistory = new ArrayList<>();
        for (int i = 0; i < inScope.size(); i++) {
            followUps.add(new IntentTraining.Text(FOLLOW_UPS.get(i % FOLLOW_UPS.size()), inScope.get(i).label()));
            followUpHistory.add(inScope.get(i).text());
        }
        List<IntentTraining.Text> shortOos = outOfScope.stream().filter(q -> TextFeatures.words(q).size() < limit)
                .map(q -> new IntentTraining.Text(q, OutOfScopeQueries.LABEL)).toList();
        List<String> oosHistory = shortOos.stream().map(q -> inScope.get(random.nextInt(inScope.size())).text()).toList();

        return List.of(
                row("short message (< " + limit + " words), history on the same topic", classifier, shortOnes, sameTopic, threshold),
                row("short message (< " + limit + " words), history on another topic", classifier, shortOnes, otherTopic, threshold),
                row("vague follow-up after a request (right label: the request's)", classifier, followUps, followUpHistory, threshold),
                row("short CLINC out-of-scope query after a customer-service request", classifier, shortOos, oosHistory, threshold));
    }

    private static Row row(String situation, TribuoIntentClassifier classifier, List<IntentTraining.Text> messages, List<String> contexts,
                           double threshold) {
        Predictions alone = Predictions.of(classifier, messages);
        Predictions withContext = Predictions.of(classifier, messages, contexts);
        Predictions always = Predictions.alwaysWithContext(classifier, messages, contexts);
        return new Row(situation, messages.size(), alone.accuracy(), withContext.accuracy(), always.accuracy(),
                alone.automation(threshold), withContext.automation(threshold), always.automation(threshold));
    }
}
