/**
 * HTTP concerns shared by every endpoint: request size and JSON limits, and RFC 9457 problem responses that
 * name the offending field.
 */
package dev.arbiter.web;
