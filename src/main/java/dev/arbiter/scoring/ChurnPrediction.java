package dev.arbiter.scoring;

import java.util.List;
import java.util.Map;

/**
 * What a churn model says about a customer.
 *
 * @param risk            probability in [0, 1] that the customer leaves
 * @param drivers         the features that pushed the risk up most, strongest first
 * @param defaultsApplied profile fields the caller did not send, with the default value the model used instead
 */
public record ChurnPrediction(double risk, List<Contribution> drivers, Map<String, Object> defaultsApplied) {
}
