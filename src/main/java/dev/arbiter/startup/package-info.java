/**
 * Why the service could not start, in the operator's words: Spring Boot failure analyzers (registered in
 * {@code META-INF/spring.factories}) that turn the start-up failures an operator meets (a database file in use, policy
 * files that do not compile, PostgreSQL refusing or unreachable) into Boot's short "APPLICATION FAILED TO START"
 * report with the real cause and what to do, instead of a stack trace with the cause at its bottom.
 */
package dev.arbiter.startup;
