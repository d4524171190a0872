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
        String normalised = normalise(text);
        if (normalised.isEmpty()) {
            return;
        }
        String previous = null;
        for (String word : normalised.split(" ")) {
            add(counts, "word:" + word, source, weight);
            if (wordBigrams && previous != null) {
                add(counts, "words:\"" + previous + " " + word + "\"", source, weight);
            }
            previous = word;
            String padded = " " + word + " ";
            for (int n = minGram; n <= maxGram; n++) {
                for (int start = 0; start + n <= padded.length(); start++) {
                    add(counts, "chars:\"" + padded.substring(start, start + n) + "\"", source, weight);
                }
            }
        }
    }

    private static void add(Map<String, double[]> counts, String name, int source, double weight) {
        counts.computeIfAbsent(name, key -> new double[2])[source] += weight;
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
