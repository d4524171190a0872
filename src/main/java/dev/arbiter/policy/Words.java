package dev.arbiter.policy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/** Splits customer text into normalised words: Unicode-compatible folding, lower case, apostrophes unified. */
public final class Words {

    /** Characters that end a sentence (or a clause that stands alone): a negation does not reach past them. */
    private static final String SENTENCE_ENDS = ".!?;\n\r";

    private Words() {
    }

    /**
     * The words of a text and where its sentences start.
     *
     * @param words          the normalised words, in order
     * @param sentenceStarts the indexes in {@code words} of the words that follow a sentence end ({@code . ! ? ;} or a
     *                       line break); the first word is not marked
     */
    public record Split(List<String> words, BitSet sentenceStarts) {
    }

    /** @return the words of {@code text} in order; empty for null or blank text */
    public static List<String> of(String text) {
        return split(text).words();
    }

    /** @return the words of {@code text} in order, with the sentence starts among them; empty for null or blank text */
    public static Split split(String text) {
        List<String> words = new ArrayList<>();
        BitSet sentenceStarts = new BitSet();
        if (text == null) {
            return new Split(words, sentenceStarts);
        }
        String normalised = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
        String folded = normalised.toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u2018', '\'');
        StringBuilder word = new StringBuilder();
        boolean sentenceEnded = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c) || (c == '\'' && word.length() > 0)) {
                if (word.isEmpty()) {
                    if (sentenceEnded && !words.isEmpty()) {
                        sentenceStarts.set(words.size());
                    }
                    sentenceEnded = false;
                }
                word.append(c);
            } else {
                flush(word, words);
                sentenceEnded = sentenceEnded || SENTENCE_ENDS.indexOf(c) >= 0;
            }
        }
        flush(word, words);
        return new Split(words, sentenceStarts);
    }

    /** ASCII text is its own NFKC form: no ASCII character decomposes or composes. */
    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    private static void flush(StringBuilder word, List<String> words) {
        int end = word.length();
        while (end > 0 && word.charAt(end - 1) == '\'') {
            end--;
        }
        if (end > 0) {
            words.add(word.substring(0, end));
        }
        word.setLength(0);
    }
}
