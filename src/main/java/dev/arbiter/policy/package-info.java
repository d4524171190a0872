/**
 * Business-owned policy: loads {@code rules/} and {@code dmn-models/} into one immutable, versioned bundle and
 * evaluates its decision tables and rules for a decision.
 */
package dev.arbiter.policy;
