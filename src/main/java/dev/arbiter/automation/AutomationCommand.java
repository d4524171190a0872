package dev.arbiter.automation;

import jakarta.validation.constraints.NotNull;

import dev.arbiter.decision.Channel;
import dev.arbiter.web.MaxCharacters;

/**
 * An operator's request to pause or resume automation.
 *
 * @param paused  true to pause, false to resume
 * @param channel the channel concerned, or null for all channels (global)
 * @param reason  why, for the record
 */
public record AutomationCommand(@NotNull Boolean paused, Channel channel, @MaxCharacters(500) String reason) {
}
