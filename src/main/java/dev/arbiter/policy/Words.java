package dev.arbiter.policy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits customer text into normalised words: Unicode-compatible folding, lower case, apostrophes unified. */
public final class Words {

    private Words() {
    }

    /** @return the words of {@code text} in order; empty for null or blank text */
    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        String normalised = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
        String folded = normalised.toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u2018', '\'');
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c) || (c == '\'' && word.length() > 0)) {
                word.append(c);
            } else {
                flush(word, words);
            }
        }
        flush(word, words);
        return words;
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
