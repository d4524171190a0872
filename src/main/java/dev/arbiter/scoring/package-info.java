/**
 * Machine-learning scores that policy uses as inputs: the customer's intent (caller-supplied or from a model)
 * and sentiment, each with its source recorded.
 */
package dev.arbiter.scoring;
