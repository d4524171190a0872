package dev.arbiter.policy;

import static dev.arbiter.policy.PolicyFixtures.phraseLists;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.arbiter.policy.facts.PhraseMatch;

/** Word lists match whole normalised words, phrases of several words in order, every occurrence. */
class PhraseListsTest {

    private static PhraseLists lists() {
        return phraseLists("""
                legal-threat:
                  - sue
                  - legal action
                  - small claims
                negative:
                  - ridiculous
                  - can't believe
                  - Fed Up
                """);
    }

    private static List<String> phrasesIn(String text) {
        return lists().find(text, "message").stream().map(PhraseMatch::getPhrase).toList();
    }

    @Test
    void matchingIgnoresCaseAndPunctuation() {
        assertThat(phrasesIn("I'll SUE!")).containsExactly("sue");
        assertThat(phrasesIn("...sue?")).containsExactly("sue");
    }

    @Test
    void matchesWholeWordsOnly() {
        assertThat(phrasesIn("I will pursue this issue")).isEmpty();
        assertThat(phrasesIn("Sue's sister")).isEmpty();
        assertThat(phrasesIn("suede shoes")).isEmpty();
    }

    @Test
    void multiWordPhraseMatchesAcrossPunctuation() {
        assertThat(phrasesIn("I am taking LEGAL-ACTION")).containsExactly("legal action");
        assertThat(phrasesIn("legal... action, or small\nclaims")).containsExactly("legal action", "small claims");
    }

    @Test
    void multiWordPhraseNeedsItsWordsInOrderAndAdjacent() {
        assertThat(phrasesIn("action legal")).isEmpty();
        assertThat(phrasesIn("legal team action")).isEmpty();
    }

    @Test
    void curlyApostrophesMatchStraightOnes() {
        assertThat(phrasesIn("I can\u2019t believe it")).containsExactly("can't believe");
    }

    @Test
    void phrasesInTheFileAreNormalisedLikeTheText() {
        assertThat(phrasesIn("I'm fed up")).containsExactly("fed up");
        assertThat(lists().phrases().get("negative")).contains("fed up");
    }

    @Test
    void everyOccurrenceIsCounted() {
        List<PhraseMatch> matches = lists().find("Ridiculous. Ridiculous! I'll sue, sue, SUE.", "history[0]");

        assertThat(matches).extracting(PhraseMatch::getList, PhraseMatch::getPhrase)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("legal-threat", "sue"),
                        org.assertj.core.groups.Tuple.tuple("legal-threat", "sue"),
                        org.assertj.core.groups.Tuple.tuple("legal-threat", "sue"),
                        org.assertj.core.groups.Tuple.tuple("negative", "ridiculous"),
                        org.assertj.core.groups.Tuple.tuple("negative", "ridiculous"));
        assertThat(matches).allSatisfy(match -> {
            assertThat(match.getSource()).isEqualTo("history[0]");
            assertThat(match.isInMessage()).isFalse();
        });
    }

    @Test
    void matchesFromTheCurrentMessageSayTheyAreInTheMessage() {
        assertThat(lists().find("sue", "message")).singleElement()
                .satisfies(match -> assertThat(match.isInMessage()).isTrue());
    }

    @Test
    void listNamesAreKnown() {
        assertThat(lists().has("legal-threat")).isTrue();
        assertThat(lists().has("legal-threats")).isFalse();
    }

    @Test
    void emptyPhraseIsReportedWithItsList() {
        List<PolicyProblem> problems = new ArrayList<>();

        PhraseLists.parse(PolicyFixtures.PHRASES, "negative:\n  - bad\n  - '?!'\n", problems);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(PolicyFixtures.PHRASES);
            assertThat(problem.element()).isEqualTo("negative");
        });
    }

    @Test
    void emptyPhraseIsReportedAtItsLine() {
        List<PolicyProblem> problems = new ArrayList<>();

        PhraseLists.parse(PolicyFixtures.PHRASES, "negative:\n  - bad\n  - '?!'\n", problems);

        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.line()).isEqualTo(3));
    }

    @Test
    void aPhraseListedTwiceInOneListIsAnErrorAtTheRepeatNamingTheListThePhraseAndTheFirstLine() {
        List<PolicyProblem> problems = new ArrayList<>();

        PhraseLists.parse(PolicyFixtures.PHRASES, """
                negative:
                  - terrible
                  - awful
                  - terrible
                """, problems);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isTrue();
            assertThat(problem.file()).isEqualTo(PolicyFixtures.PHRASES);
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.message()).startsWith("Phrase 'terrible' is listed twice in 'negative' (also line 2)");
        });
    }

    @Test
    void phrasesThatDifferOnlyInCaseSpacingPunctuationOrApostropheFormAreTheSamePhrase() {
        List<PolicyProblem> problems = new ArrayList<>();

        PhraseLists.parse(PolicyFixtures.PHRASES, """
                negative:
                  - can't believe
                  - fed up
                  - CAN’T   believe
                  - Fed-Up
                  - fed up
                """, problems);

        assertThat(problems).extracting(problem -> problem.line() + " " + problem.message()).containsExactly(
                "4 Phrase 'CAN’T   believe' is listed twice in 'negative' (also line 2 as 'can't believe'; matching"
                        + " ignores case, punctuation and spacing between words, and the form of apostrophes): keep one,"
                        + " or it counts twice",
                "5 Phrase 'Fed-Up' is listed twice in 'negative' (also line 3 as 'fed up'; matching ignores case,"
                        + " punctuation and spacing between words, and the form of apostrophes): keep one, or it counts twice",
                "6 Phrase 'fed up' is listed again in 'negative' (also lines 3, 5): keep one, or it counts twice");
    }

    @Test
    void theSamePhraseInTwoListsIsNotARepeat() {
        List<PolicyProblem> problems = new ArrayList<>();

        PhraseLists.parse(PolicyFixtures.PHRASES, "negative:\n  - cancel\nchurn:\n  - cancel\n", problems);

        assertThat(problems).isEmpty();
    }

    @Test
    void shippedLegalListFindsTheExamplesOfThePolicy() {
        PhraseLists shipped = PolicyFixtures.shippedBundle().phrases();

        List<PhraseMatch> matches = shipped.find("My LAWYER says I should sue; legal action is next, see you in court.", "message");

        assertThat(matches).filteredOn(match -> match.getList().equals("legal-threat"))
                .extracting(PhraseMatch::getPhrase).contains("lawyer", "sue", "legal action", "court");
        assertThat(shipped.find("I will pursue this issue", "message"))
                .filteredOn(match -> match.getList().equals("legal-threat")).isEmpty();
    }

    @Test
    void listWrittenTwiceIsReportedInsteadOfSilentlyDroppingTheFirst() {
        List<PolicyProblem> problems = new ArrayList<>();

        PhraseLists.parse(PolicyFixtures.PHRASES, "negative:\n  - bad\nlegal-threat:\n  - sue\nnegative:\n  - worse\n", problems);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isTrue();
            assertThat(problem.file()).isEqualTo(PolicyFixtures.PHRASES);
            assertThat(problem.message()).contains("negative");
        });
    }

    private static PhraseLists listsWithNegators() {
        return phraseLists("""
                negative:
                  - disappointed
                  - never again
                negators:
                  - not
                  - not at all
                  - never
                """);
    }

    /** @return each match of {@code text} as {@code phrase} or {@code phrase (negated)} */
    private static List<String> negationIn(String text) {
        return listsWithNegators().find(text, "message").stream()
                .map(match -> match.getPhrase() + (match.isNegated() ? " (negated)" : "")).toList();
    }

    @Test
    void phraseRightAfterANegatorIsNegated() {
        assertThat(negationIn("I am not disappointed")).containsExactly("disappointed (negated)");
        assertThat(negationIn("I am disappointed")).containsExactly("disappointed");
    }

    @Test
    void negatorReachesTwoWordsAheadAndNoFurther() {
        assertThat(negationIn("not really disappointed")).containsExactly("disappointed (negated)");
        assertThat(negationIn("not that I am disappointed")).containsExactly("disappointed");
    }

    @Test
    void negatorOfSeveralWordsReachesFromItsLastWord() {
        assertThat(negationIn("I am not at all disappointed")).containsExactly("disappointed (negated)");
    }

    @Test
    void negatorsAreNotMatchesThemselvesAndAPhraseStartingWithOneIsNotNegatedByIt() {
        assertThat(negationIn("not now, never")).isEmpty();
        assertThat(negationIn("Never again. I am disappointed")).containsExactly("disappointed", "never again");
    }

    @Test
    void eachOccurrenceIsNegatedOnItsOwn() {
        assertThat(negationIn("disappointed? not disappointed")).containsExactly("disappointed", "disappointed (negated)");
    }

    @Test
    void negationStopsAtTheEndOfASentence() {
        assertThat(negationIn("Was it fine? Not. Disappointed.")).containsExactly("disappointed");
        assertThat(negationIn("Not; disappointed")).containsExactly("disappointed");
        assertThat(negationIn("Not!\nDisappointed")).containsExactly("disappointed");
        assertThat(negationIn("not, really, disappointed")).containsExactly("disappointed (negated)");
    }

    @Test
    void negatorInsideAMatchedPhraseNegatesNothing() {
        assertThat(negationIn("never again disappointed")).containsExactly("disappointed", "never again");
    }
}
