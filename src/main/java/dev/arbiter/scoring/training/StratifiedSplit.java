package dev.arbiter.scoring.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Splits labelled items into training, validation and test parts, class by class, so that each part keeps the
 * classes' proportions. Each class's items are shuffled with a {@link Random} seeded from the split's seed (whose
 * sequence the JDK specifies), then cut; each part lists its items in input order. Same input and seed, same parts.
 */
final class StratifiedSplit {

    private StratifiedSplit() {
    }

    /** The three parts of a split. */
    record Parts<T>(List<T> train, List<T> validation, List<T> test) {
    }

    /**
     * @param validation the share of each class for validation, in [0, 1)
     * @param test       the share of each class for test, in [0, 1); a class with at least three items gets at least
     *                   one in each held-out part that has a share above 0
     */
    static <T> Parts<T> split(List<T> items, Function<T, String> label, double validation, double test, long seed) {
        if (validation < 0 || test < 0 || validation + test >= 1) {
            throw new IllegalArgumentException("shares must be >= 0 and leave some for training: " + validation + ", " + test);
        }
        Map<String, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            byClass.computeIfAbsent(label.apply(items.get(i)), key -> new ArrayList<>()).add(i);
        }
        Random random = new Random(seed);
        int[] part = new int[items.size()];
        for (List<Integer> members : byClass.values()) {
            Collections.shuffle(members, random);
            int testCount = count(members.size(), test);
            int validationCount = count(members.size(), validation);
            for (int k = 0; k < members.size(); k++) {
                part[members.get(k)] = k < testCount ? 2 : k < testCount + validationCount ? 1 : 0;
            }
        }
        List<T> trainPart = new ArrayList<>();
        List<T> validationPart = new ArrayList<>();
        List<T> testPart = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            (part[i] == 0 ? trainPart : part[i] == 1 ? validationPart : testPart).add(items.get(i));
        }
        return new Parts<>(trainPart, validationPart, testPart);
    }

    private static int count(int size, double share) {
        int rounded = (int) Math.round(size * share);
        return share > 0 && size >= 3 ? Math.max(1, rounded) : rounded;
    }
}
