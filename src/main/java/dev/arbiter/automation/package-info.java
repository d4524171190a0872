/**
 * The kill switch: operators pause and resume automation globally or per channel; the state is persisted and
 * survives restarts.
 */
package dev.arbiter.automation;
