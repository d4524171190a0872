package dev.arbiter.policy.facts;

/**
 * The interaction being decided, with the scores and derived values policy may test.
 * Nullable numbers mean "not known": rules guard with {@code != null} before comparing.
 * Immutable and thread-safe once built.
 */
public final class Interaction {
    private String channel;
    private String lineOfBusiness;
    private String intent;
    private Double intentConfidence;
    private String intentSource;
    private String intentProblem;
    private Double answerConfidence;
    private Double sentiment;
    private String sentimentSource;
    private Double automationThreshold;
    private int localHour;
    private int localMinute;
    private String timeZone;
    private boolean automationPaused;
    private String pauseScope;

    private Interaction() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @return a copy of this interaction with the automation threshold the confidence policy set */
    public Interaction withAutomationThreshold(Double threshold) {
        Interaction copy = copy();
        copy.automationThreshold = threshold;
        return copy;
    }

    private Interaction copy() {
        Interaction copy = new Interaction();
        copy.channel = channel;
        copy.lineOfBusiness = lineOfBusiness;
        copy.intent = intent;
        copy.intentConfidence = intentConfidence;
        copy.intentSource = intentSource;
        copy.intentProblem = intentProblem;
        copy.answerConfidence = answerConfidence;
        copy.sentiment = sentiment;
        copy.sentimentSource = sentimentSource;
        copy.automationThreshold = automationThreshold;
        copy.localHour = localHour;
        copy.localMinute = localMinute;
        copy.timeZone = timeZone;
        copy.automationPaused = automationPaused;
        copy.pauseScope = pauseScope;
        return copy;
    }

    public String getChannel() { return channel; }
    public String getLineOfBusiness() { return lineOfBusiness; }
    /** The intent label, or null when no intent is known. */
    public String getIntent() { return intent; }
    /** Confidence of the intent in [0, 1], or null when there is no usable score. */
    public Double getIntentConfidence() { return intentConfidence; }
    /** CALLER, MODEL or NONE. */
    public String getIntentSource() { return intentSource; }
    /** Why there is no usable intent score, or null when there is one. */
    public String getIntentProblem() { return intentProblem; }
    public Double getAnswerConfidence() { return answerConfidence; }
    public Double getSentiment() { return sentiment; }
    public String getSentimentSource() { return sentimentSource; }
    /** Frustration is the negated sentiment, or null when sentiment is unknown. */
    public Double getFrustration() { return sentiment == null ? null : -sentiment; }
    public Double getAutomationThreshold() { return automationThreshold; }
    /** Hour of day (0-23) of the interaction in the customer's own time zone. */
    public int getLocalHour() { return localHour; }
    public int getLocalMinute() { return localMinute; }
    /** Local time of day in the customer's time zone, formatted HH:mm. */
    public String getLocalTime() { return twoDigits(localHour) + ":" + twoDigits(localMinute); }
    /** As {@code %02d} formats it, without String.format (messages and rules read the time for every decision). */
    private static String twoDigits(int value) { return value >= 0 && value < 10 ? "0" + value : Integer.toString(value); }
    public String getTimeZone() { return timeZone; }
    public boolean isAutomationPaused() { return automationPaused; }
    /** GLOBAL or the channel name when automation is paused; null otherwise. */
    public String getPauseScope() { return pauseScope; }

    /** Builds an {@link Interaction}; not thread-safe. */
    public static final class Builder {
        private final Interaction target = new Interaction();

        public Builder channel(String value) { target.channel = value; return this; }
        public Builder lineOfBusiness(String value) { target.lineOfBusiness = value; return this; }
        public Builder intent(String label, Double confidence, String source, String problem) {
            target.intent = label;
            target.intentConfidence = confidence;
            target.intentSource = source;
            target.intentProblem = problem;
            return this;
        }
        public Builder answerConfidence(Double value) { target.answerConfidence = value; return this; }
        public Builder sentiment(Double value, String source) {
            target.sentiment = value;
            target.sentimentSource = source;
            return this;
        }
        public Builder localTime(int hour, int minute, String zone) {
            target.localHour = hour;
            target.localMinute = minute;
            target.timeZone = zone;
            return this;
        }
        public Builder automationPaused(String scope) {
            target.automationPaused = scope != null;
            target.pauseScope = scope;
            return this;
        }
        public Interaction build() { return target.copy(); }
    }
}
