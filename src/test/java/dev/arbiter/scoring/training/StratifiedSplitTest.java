package dev.arbiter.scoring.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

    @Test
    void eachPartKeepsTheClassProportions() {
        StratifiedSplit.Parts<String> parts = StratifiedSplit.split(items(600, 300, 100), StratifiedSplitTest::label, 0.15, 0.15, 42);

        assertThat(count(parts.test(), "a")).isEqualTo(90);
        assertThat(count(parts.test(), "b")).isEqualTo(45);
        assertThat(count(parts.test(), "c")).isEqualTo(15);
        assertThat(count(parts.validation(), "c")).isEqualTo(15);
        assertThat(parts.train()).hasSize(700);
    }

    @Test
    void everyItemLandsInExactlyOnePart() {
        List<String> items = items(50, 20, 7);
        StratifiedSplit.Parts<String> parts = StratifiedSplit.split(items, StratifiedSplitTest::label, 0.2, 0.2, 1);

        List<String> all = new ArrayList<>(parts.train());
        all.addAll(parts.validation());
        all.addAll(parts.test());
        assertThat(all).containsExactlyInAnyOrderElementsOf(items);
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        List<String> items = items(100, 100, 100);

        StratifiedSplit.Parts<String> first = StratifiedSplit.split(items, StratifiedSplitTest::label, 0.15, 0.15, 42);
        StratifiedSplit.Parts<String> again = StratifiedSplit.split(items, StratifiedSplitTest::label, 0.15, 0.15, 42);
        StratifiedSplit.Parts<String> other = StratifiedSplit.split(items, StratifiedSplitTest::label, 0.15, 0.15, 43);

        assertThat(again).isEqualTo(first);
        assertThat(other.test()).isNotEqualTo(first.test());
    }

    @Test
    void aSmallClassStillGetsOneItemInEachHeldOutPart() {
        StratifiedSplit.Parts<String> parts = StratifiedSplit.split(items(100, 3), StratifiedSplitTest::label, 0.15, 0.15, 42);

        assertThat(count(parts.validation(), "b")).isEqualTo(1);
        assertThat(count(parts.test(), "b")).isEqualTo(1);
        assertThat(count(parts.train(), "b")).isEqualTo(1);
    }

    /** @return items named {@code a0, a1, ..., b0, ...} with the given count per class */
    private static List<String> items(int... perClass) {
        List<String> items = new ArrayList<>();
        for (int c = 0; c < perClass.length; c++) {
            for (int i = 0; i < perClass[c]; i++) {
                items.add((char) ('a' + c) + String.valueOf(i));
            }
        }
        return items;
    }

    private static String label(String item) {
        return item.substring(0, 1);
    }

    private static long count(List<String> part, String label) {
        return part.stream().filter(item -> label(item).equals(label)).count();
    }
}
