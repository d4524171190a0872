package dev.arbiter.automation;

import java.time.Instant;
import java.util.Map;

/**
 * Where automation is paused now.
 *
 * @param global   the global pause, or null when automation is not paused globally
 * @param channels pauses per channel
 */
public record AutomationState(Pause global, Map<String, Pause> channels) {

    /** One pause: when, by whom, why. */
    public record Pause(Instant pausedAt, String pausedBy, String reason) {
    }
}
