/** The admin web UI (the static files of {@code admin-ui/}, served at {@code /admin}): its address and the browser headers that guard it. */
package dev.arbiter.admin;
