package dev.arbiter.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The quota's arithmetic, on explicit clock readings. */
class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketGivesItsBurstThenTellsHowLongToWait() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);

        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isEqualTo(SECOND / 2);
    }

    @Test
    void tokensComeBackAtTheRateUpToTheBurst() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);
        for (int i = 0; i < 3; i++) {
            bucket.take(0);
        }

        assertThat(bucket.take(SECOND / 2)).as("one token after half a second").isZero();
        assertThat(bucket.take(SECOND / 2)).isPositive();
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.take(100 * SECOND)).as("refilled to the burst, not beyond").isZero();
        }
        assertThat(bucket.take(100 * SECOND)).isPositive();
    }

    @Test
    void aClockReadingOlderThanTheLastOneTakesNothingAway() {
        TokenBucket bucket = new TokenBucket(1_000_000, 10, 0);
        bucket.take(5 * SECOND);

        assertThat(bucket.take(4 * SECOND)).as("a late thread with an older reading still finds the bucket full").isZero();
        for (int i = 0; i < 8; i++) {
            assertThat(bucket.take(4 * SECOND)).isZero();
        }
    }
}
