package dev.arbiter.automation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.arbiter.decision.Channel;

/**
 * An operator's request to pause or resume automation.
 *
 * @param paused  true to pause, false to resume
 * @param channel the channel concerned, or null for all channels (global)
 * @param reason  why, for the record
 */
public record AutomationCommand(@NotNull Boolean paused, Channel channel, @Size(max = 500) String reason) {
}
