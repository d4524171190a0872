/**
 * Compliance review of stored decisions: replay a decision against its recorded policy version (or another) with
 * a field-level diff, and explain it in plain language from the policy's own templates.
 */
package dev.arbiter.compliance;
