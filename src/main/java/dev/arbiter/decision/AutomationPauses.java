package dev.arbiter.decision;

/** Tells whether an operator paused automation for a channel (the kill switch). Implementations are thread-safe. */
public interface AutomationPauses {

    /** @return GLOBAL when automation is paused everywhere, the channel's name when paused for it, else null */
    String pauseScopeFor(Channel channel);
}
