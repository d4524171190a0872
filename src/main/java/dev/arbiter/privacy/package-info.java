/**
 * Privacy of stored traces: the redaction policy that masks personal data (e-mail addresses, phone numbers, card
 * numbers) in the customer's text before a decision's trace is stored. Retention lives with the traces
 * ({@code dev.arbiter.trace.TraceRetention}).
 */
package dev.arbiter.privacy;
