package dev.arbiter.scoring;

/**
 * Sentiment of a message in [-1, 1] (negative to positive) and where it came from.
 *
 * @param value  the sentiment
 * @param source CALLER when the caller sent it, LEXICON when estimated from the policy's word lists
 */
public record SentimentScore(double value, String source) {

    /** {@code source} of a sentiment the caller sent. */
    public static final String CALLER = "CALLER";
    /** {@code source} of a sentiment estimated from the policy's word lists. */
    public static final String LEXICON = "LEXICON";

    /**
     * Estimates sentiment from how many positive and negative phrases a message holds:
     * {@code (positive - negative) / (positive + negative + 1)}, rounded to two decimals: one negative phrase
     * gives -0.5, two -0.67, three -0.75, and a message with neither is neutral (0).
     */
    public static SentimentScore fromPhrases(int positive, int negative) {
        double raw = (double) (positive - negative) / (positive + negative + 1);
        return new SentimentScore(Math.round(raw * 100) / 100.0, LEXICON);
    }

    public static SentimentScore fromCaller(double value) {
        return new SentimentScore(value, CALLER);
    }
}
