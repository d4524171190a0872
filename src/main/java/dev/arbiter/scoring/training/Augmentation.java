package dev.arbiter.scoring.training;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Writes a message the way customers type in a hurry, to add to the training part: common chat contractions and
 * slang ("where is" → "wheres", "my" → "me", "you" → "u", "please" → "pls", ...), each with probability one half,
 * and one typo (a letter dropped, doubled or swapped with the next) in one longer word. The held-out parts are never
 * augmented. Deterministic for a given {@link Random}.
 */
final class Augmentation {

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> SLANG = List.of(
            rule("where is", "wheres"), rule("what is", "whats"), rule("i am", "im"), rule("i have", "ive"),
            rule("can ?not|can't|can’t", "cant"), rule("do not|don't|don’t", "dont"), rule("want to", "wanna"),
            rule("going to", "gonna"), rule("have to", "gotta"), rule("you", "u"), rule("your", "ur"),
            rule("please", "pls"), rule("my", "me"), rule("are", "r"), rule("thanks|thank you", "thx"),
            rule("how do i", "how do u"), rule("i need", "need"), rule("i want", "want"));

    private Augmentation() {
    }

    private static Rule rule(String words, String replacement) {
        return new Rule(Pattern.compile("\\b(?:" + words + ")\\b"), replacement);
    }

    /** @return {@code message}, lower-cased, with some slang and one typo */
    static String noisy(String message, Random random) {
        String text = message.toLowerCase(Locale.ROOT);
        for (Rule rule : SLANG) {
            if (random.nextBoolean()) {
                text = rule.pattern().matcher(text).replaceAll(rule.replacement());
            }
        }
        return typo(text, random);
    }

    private static String typo(String text, Random random) {
        String[] words = text.split(" ");
        int longWords = 0;
        for (String word : words) {
            longWords += typeable(word) ? 1 : 0;
        }
        if (longWords == 0) {
            return text;
        }
        int target = random.nextInt(longWords);
        for (int w = 0; w < words.length; w++) {
            if (typeable(words[w]) && target-- == 0) {
                words[w] = misspell(words[w], random);
                break;
            }
        }
        return String.join(" ", words);
    }

    private static boolean typeable(String word) {
        return word.length() >= 4 && word.chars().allMatch(Character::isLetter);
    }

    private static String misspell(String word, Random random) {
        int at = 1 + random.nextInt(word.length() - 2);
        return switch (random.nextInt(3)) {
            case 0 -> word.substring(0, at) + word.substring(at + 1);
            case 1 -> word.substring(0, at) + word.charAt(at) + word.substring(at);
            default -> word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
        };
    }
}
