package dev.arbiter.decision;

import java.time.ZonedDateTime;
import java.util.List;

import dev.arbiter.policy.PolicyFacts;
import dev.arbiter.scoring.ChurnScore;
import dev.arbiter.scoring.IntentScore;
import dev.arbiter.scoring.SentimentScore;

/**
 * What the pipeline derived from a request before policy runs.
 *
 * @param facts          the facts policy sees
 * @param intent         the intent used
 * @param churn          the churn risk used
 * @param sentiment      the sentiment used
 * @param local          the interaction's time in the customer's time zone
 * @param zoneDefaulted  true when the customer sent no time zone and UTC was used
 * @param lastMessages   the last (up to three) customer messages, oldest first
 * @param sentimentTrend the sentiment of each of those messages
 */
record Features(PolicyFacts facts, IntentScore intent, ChurnScore churn, SentimentScore sentiment, ZonedDateTime local,
                boolean zoneDefaulted, List<String> lastMessages, List<Double> sentimentTrend) {
}
