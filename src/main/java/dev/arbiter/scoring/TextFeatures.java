package dev.arbiter.scoring;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a customer message into the features the intent model reads. The only featuriser of text: training and
 * serving both call it, so they cannot drift. Features:
 * <ul>
 *   <li>{@code word:parcel} — each word of the normalised text;</li>
 *   <li>{@code words:"my parcel"} — each pair of adjacent words (when enabled);</li>
 *   <li>{@code chars:" parc"} — character n-grams of each word padded with one space on either side, so that
 *       misspellings ("parcle", "pacel") and slang still share most of their features with the right word.</li>
 * </ul>
 * Normalisation: lower case, accents removed, apostrophes dropped ("can't" → "cant", "where's" → "wheres"), every
 * run of digits becomes {@code 0} (order numbers carry no intent), anything else that is not a letter or digit
 * separates words. Values are counts scaled to unit length (L2), so long and short messages score alike.
 * Immutable and thread-safe.
 *
 * @param minGram     shortest character n-gram
 * @param maxGram     longest character n-gram
 * @param wordBigrams whether to add pairs of adjacent words
 */
public record TextFeatures(int minGram, int maxGram, boolean wordBigrams) {

    /** Version of the algorithm above; a model trained with another version is refused at load. */
    public static final String ALGORITHM = "text-features/1";

    private static final Prefix WORD = Prefix.of("word:");
    private static final Prefix WORDS = Prefix.of("words:\"");
    private static final Prefix CHARS = Prefix.of("chars:\"");

    public TextFeatures {
        if (minGram < 1 || maxGram < minGram) {
            throw new IllegalArgumentException("need 1 <= minGram <= maxGram, got " + minGram + ".." + maxGram);
        }
    }

    /** @return the settings the shipped intent model uses */
    public static TextFeatures standard() {
        return new TextFeatures(3, 5, true);
    }

    /** @return {@code text} normalised as described on the class */
    public static String normalise(String text) {
        String folded = text;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                folded = Normalizer.normalize(text, Normalizer.Form.NFKD);
                break;
            }
        }
        StringBuilder out = new StringBuilder(folded.length());
        boolean space = true;
        boolean digits = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == '\'' || c == '\u2019' || c == '`' || Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isDigit(c)) {
                if (!digits) {
                    out.append('0');
                    digits = true;
                    space = false;
                }
                continue;
            }
            digits = false;
            if (Character.isLetter(c)) {
                out.append(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int end = out.length();
        if (end > 0 && out.charAt(end - 1) == ' ') {
            out.setLength(end - 1);
        }
        return out.toString();
    }

    /** @return how many words {@code text} has after normalisation: the size of {@link #words}, without making them */
    public static int wordCount(String text) {
        String normalised = normalise(text);
        if (normalised.isEmpty()) {
            return 0;
        }
        int words = 1;
        for (int i = 0; i < normalised.length(); i++) {
            words += normalised.charAt(i) == ' ' ? 1 : 0;
        }
        return words;
    }

    /** @return the words of {@code text} after normalisation */
    public static List<String> words(String text) {
        String normalised = normalise(text);
        return normalised.isEmpty() ? List.of() : List.of(normalised.split(" "));
    }

    /** @return the features of one message */
    public FeatureVector features(String message) {
        return encode(message, null, 0).vector();
    }

    /**
     * The features of a message with an earlier message as context: the context's counts are added with
     * {@code contextWeight} before scaling to unit length.
     *
     * @param message       the current message
     * @param context       an earlier message, or null for none
     * @param contextWeight how much one occurrence in the context counts against one in the message
     * @return the features and, per feature, the share of its value that came from the context
     */
    public Encoded encode(String message, String context, double contextWeight) {
        Map<String, double[]> counts = new HashMap<>();
        count(message, 0, 1, counts);
        if (context != null && contextWeight > 0) {
            count(context, 1, contextWeight, counts);
        }
        String[] names = new String[counts.size()];
        double[] values = new double[counts.size()];
        double[] contextShare = new double[counts.size()];
        double squares = 0;
        int i = 0;
        for (Map.Entry<String, double[]> entry : counts.entrySet()) {
            double[] fromSource = entry.getValue();
            double total = fromSource[0] + fromSource[1];
            names[i] = entry.getKey();
            values[i] = total;
            contextShare[i] = fromSource[1] / total;
            squares += total * total;
            i++;
        }
        double scale = squares == 0 ? 0 : 1 / Math.sqrt(squares);
        for (int j = 0; j < values.length; j++) {
            values[j] *= scale;
        }
        return new Encoded(new FeatureVector(names, values), contextShare);
    }

    private void count(String text, int source, double weight, Map<String, double[]> counts) {
        forEachFeature(text, (name, length, hash) -> add(counts, new String(name, 0, length), source, weight));
    }

    private static void add(Map<String, double[]> counts, String name, int source, double weight) {
        counts.computeIfAbsent(name, key -> new double[2])[source] += weight;
    }

    /**
     * Receives the features of a text, one occurrence at a time, as characters: what {@link #forEachFeature} emits.
     */
    @FunctionalInterface
    interface FeatureNames {

        /**
         * @param name   holds the feature's name in {@code [0, length)}; valid during this call only, do not keep it
         * @param length the name's length
         * @param hash   the name's {@link String#hashCode}
         */
        void occurs(char[] name, int length, int hash);
    }

    /**
     * Emits every feature occurrence of {@code text} (normalised first) to {@code sink}, in text order: per word its
     * {@code word:} feature, the {@code words:} pair with the word before (when enabled) and its character n-grams,
     * shortest first. A feature that occurs twice is emitted twice. The one definition of the features: {@link #encode}
     * counts these names, and the serving path looks them up in the model without making strings of them.
     */
    void forEachFeature(String text, FeatureNames sink) {
        String normalised = normalise(text);
        char[] chars = normalised.toCharArray();
        Name name = new Name(2 * chars.length + 16);
        int previousStart = -1;
        int previousEnd = -1;
        int start = 0;
        while (start < chars.length) {
            int end = normalised.indexOf(' ', start);
            end = end < 0 ? chars.length : end;
            name.start(WORD).add(chars, start, end).emitTo(sink);
            if (wordBigrams && previousStart >= 0) {
                name.start(WORDS).add(chars, previousStart, previousEnd).add(' ').add(chars, start, end).add('"').emitTo(sink);
            }
            emitGrams(chars, start, end, name, sink);
            previousStart = start;
            previousEnd = end;
            start = end + 1;
        }
    }

    /** Emits the character n-grams of {@code chars[start, end)} padded with one space on either side. */
    private void emitGrams(char[] chars, int start, int end, Name name, FeatureNames sink) {
        int padded = end - start + 2;
        for (int n = minGram; n <= maxGram; n++) {
            for (int from = 0; from + n <= padded; from++) {
                name.start(CHARS);
                for (int i = from; i < from + n; i++) {
                    name.add(i == 0 || i == padded - 1 ? ' ' : chars[start + i - 1]);
                }
                name.add('"').emitTo(sink);
            }
        }
    }

    /** The start of a feature name, with its {@link String#hashCode}. */
    private record Prefix(char[] chars, int hash) {

        static Prefix of(String prefix) {
            return new Prefix(prefix.toCharArray(), prefix.hashCode());
        }
    }

    /**
     * A feature name being built, with its {@link String#hashCode} kept up to date as characters are added. Not
     * thread-safe (one per text).
     */
    private static final class Name {

        private final char[] chars;
        private int length;
        private int hash;

        Name(int capacity) {
            this.chars = new char[capacity];
        }

        Name start(Prefix prefix) {
            System.arraycopy(prefix.chars(), 0, chars, 0, prefix.chars().length);
            length = prefix.chars().length;
            hash = prefix.hash();
            return this;
        }

        Name add(char c) {
            chars[length++] = c;
            hash = 31 * hash + c;
            return this;
        }

        Name add(char[] from, int start, int end) {
            for (int i = start; i < end; i++) {
                add(from[i]);
            }
            return this;
        }

        void emitTo(FeatureNames sink) {
            sink.occurs(chars, length, hash);
        }
    }

    /**
     * Features of a message with context.
     *
     * @param vector       the features, scaled to unit length
     * @param contextShare per feature (same order), the share of its value that came from the context, in [0, 1]
     */
    public record Encoded(FeatureVector vector, double[] contextShare) {
    }
}
