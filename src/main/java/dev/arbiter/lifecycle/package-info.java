/**
 * The policy lifecycle: validate candidate policy files, run the business scenarios as a gate, activate or roll
 * back versions atomically, and keep their history (who, when, why, diff, results) in the database.
 */
package dev.arbiter.lifecycle;
