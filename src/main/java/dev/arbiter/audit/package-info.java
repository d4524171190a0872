/**
 * The append-only audit log of administrative actions (activation, rollback, kill switch, purge): who, when,
 * what, from where.
 */
package dev.arbiter.audit;
