/**
 * The vocabulary that policy files speak: the facts a decision's rules and tables see, and the findings they emit.
 */
package dev.arbiter.policy.facts;
