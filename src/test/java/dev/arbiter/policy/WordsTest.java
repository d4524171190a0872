package dev.arbiter.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Customer text is split into normalised words before any word list is tested. */
class WordsTest {

    @Test
    void lowerCasesAndDropsPunctuation() {
        assertThat(Words.of("I will SUE you!!! Legal-Action, now.")).containsExactly("i", "will", "sue", "you", "legal", "action", "now");
    }

    @Test
    void unifiesCurlyApostrophesAndKeepsThemInsideWords() {
        assertThat(Words.of("I can\u2019t pay, it\u2018s ridiculous")).containsExactly("i", "can't", "pay", "it's", "ridiculous");
    }

    @Test
    void dropsQuotesAroundWords() {
        assertThat(Words.of("'sue' the customers'")).containsExactly("sue", "the", "customers");
    }

    @Test
    void foldsCompatibilityCharacters() {
        assertThat(Words.of("\uFF33\uFF35\uFF25 me")).containsExactly("sue", "me");
    }

    @Test
    void marksTheFirstWordOfEverySentenceButTheFirst() {
        Words.Split split = Words.split("Fine? No. Really; not\nreally, not at all... ok!");

        assertThat(split.words()).containsExactly("fine", "no", "really", "not", "really", "not", "at", "all", "ok");
        assertThat(split.sentenceStarts().stream().boxed().toList()).containsExactly(1, 2, 3, 4, 8);
    }

    @Test
    void nullOrBlankTextHasNoWords() {
        assertThat(Words.of(null)).isEmpty();
        assertThat(Words.of("  ?! ")).isEmpty();
    }
}
