package dev.arbiter.policy.facts;

/**
 * One occurrence of a phrase from a policy word list in the customer's words.
 * {@code source} is {@code message} for the current message or {@code history[i]} for an earlier one. Immutable.
 */
public final class PhraseMatch {
    private final String list;
    private final String phrase;
    private final String source;

    public PhraseMatch(String list, String phrase, String source) {
        this.list = list;
        this.phrase = phrase;
        this.source = source;
    }

    public String getList() { return list; }
    public String getPhrase() { return phrase; }
    public String getSource() { return source; }
    public boolean isInMessage() { return "message".equals(source); }
}
