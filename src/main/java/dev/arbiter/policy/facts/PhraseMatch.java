package dev.arbiter.policy.facts;

/**
 * One occurrence of a phrase from a policy word list in the customer's words.
 * {@code source} is {@code message} for the current message or {@code history[i]} for an earlier one;
 * {@code negated} is true when a phrase of the {@code negators} word list ends in one of the two words right before
 * it ("not disappointed", "not really happy"). Immutable.
 */
public final class PhraseMatch {
    private final String list;
    private final String phrase;
    private final String source;
    private final boolean negated;

    public PhraseMatch(String list, String phrase, String source, boolean negated) {
        this.list = list;
        this.phrase = phrase;
        this.source = source;
        this.negated = negated;
    }

    public String getList() { return list; }
    public String getPhrase() { return phrase; }
    public String getSource() { return source; }
    public boolean isInMessage() { return "message".equals(source); }
    public boolean isNegated() { return negated; }
}
