/**
 * Machine-learning scores that policy uses as inputs: the customer's intent (caller-supplied or from the Tribuo intent
 * model), churn risk (caller-supplied or from the Tribuo churn model) and sentiment, each with its source recorded.
 * The shipped models are loaded from {@code arbiter.models.dir} ({@link dev.arbiter.scoring.ModelConfiguration});
 * {@link dev.arbiter.scoring.TextFeatures} and {@link dev.arbiter.scoring.ProfileFeatures} are the only featurisers,
 * shared with training ({@code dev.arbiter.scoring.training}). Model card: {@code models/README.md}.
 */
package dev.arbiter.scoring;
