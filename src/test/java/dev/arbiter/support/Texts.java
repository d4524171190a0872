package dev.arbiter.support;

/** Texts for testing limits given in characters. */
public final class Texts {

    private Texts() {
    }

    /** @return {@code count} characters outside the Basic Multilingual Plane: two UTF-16 units each */
    public static String emoji(int count) {
        return "\uD83D\uDE00".repeat(count);
    }
}
