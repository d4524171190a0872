package dev.arbiter.scoring.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RocAucTest {

    @Test
    void aucIsTheShareOfPositiveNegativePairsRankedRight() {
        // positives 0.35 and 0.8; negatives 0.1 and 0.4: pairs (0.35>0.1) yes, (0.35>0.4) no, (0.8>0.1) yes, (0.8>0.4) yes
        double auc = RocAuc.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true});

        assertThat(auc).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void tiesCountOneHalf() {
        // one positive at 0.5 tied with one negative at 0.5, and above the other negative at 0.2: (0.5 + 1) / 2
        double auc = RocAuc.of(new double[] {0.5, 0.5, 0.2}, new boolean[] {true, false, false});

        assertThat(auc).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void aPerfectRankingScoresOneAndAReversedOneZero() {
        assertThat(RocAuc.of(new double[] {0.9, 0.8, 0.1}, new boolean[] {true, true, false})).isEqualTo(1.0);
        assertThat(RocAuc.of(new double[] {0.1, 0.2, 0.9}, new boolean[] {true, true, false})).isEqualTo(0.0);
    }

    @Test
    void withoutBothClassesThereIsNoAuc() {
        assertThatThrownBy(() -> RocAuc.of(new double[] {0.1, 0.2}, new boolean[] {true, true}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
