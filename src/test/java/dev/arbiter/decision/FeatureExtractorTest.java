package dev.arbiter.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.arbiter.policy.PhraseLists;
import dev.arbiter.policy.PolicyFixtures;
import dev.arbiter.policy.facts.Contact;
import dev.arbiter.policy.facts.Interaction;
import dev.arbiter.policy.facts.PhraseMatch;
import dev.arbiter.policy.facts.ProductReturn;
import dev.arbiter.policy.facts.Ticket;
import dev.arbiter.scoring.ChurnScore;
import dev.arbiter.scoring.ChurnScoring;
import dev.arbiter.scoring.IntentScore;

/** Ages are calendar days in the customer's own time zone; sentiment falls back to the policy's word lists. */
class FeatureExtractorTest {

    private static final Instant AT = Instant.parse("2024-03-11T10:00:00Z");
    private static final Instant LATE_EVENING_UTC_THE_DAY_BEFORE = Instant.parse("2024-03-10T23:30:00Z");

    private final FeatureExtractor extractor = new FeatureExtractor();

    private static PhraseLists phrases() {
        return PolicyFixtures.phraseLists("""
                legal-threat: [sue, legal action]
                negative: [ridiculous, unacceptable, fed up]
                positive: [thanks, great]
                negators: [not]
                """);
    }

    private static IntentScore callerIntent() {
        return new IntentScore("track_order", 0.95, IntentScore.Source.CALLER, null, null, List.of(), List.of());
    }

    private static ChurnScore noChurnRisk() {
        return ChurnScoring.score(null, null, null);
    }

    private static DecisionRequest.Customer customer(String timeZone) {
        return new DecisionRequest.Customer("c-1", Tier.GOLD, 100.0, timeZone, null,
                List.of(new DecisionRequest.Ticket("T-1", TicketPriority.P2, LATE_EVENING_UTC_THE_DAY_BEFORE)),
                List.of(new DecisionRequest.ProductReturn("SKU-1", ReturnReason.DEFECT, LATE_EVENING_UTC_THE_DAY_BEFORE)),
                List.of(new DecisionRequest.Contact(ContactKind.MARKETING, LATE_EVENING_UTC_THE_DAY_BEFORE)), null, null);
    }

    private static DecisionRequest.Interaction interaction(String message, List<String> history, Double sentiment) {
        return new DecisionRequest.Interaction(Channel.CHAT, message, history, null, sentiment, null);
    }

    private static DecisionRequest request(DecisionRequest.Customer customer, DecisionRequest.Interaction interaction) {
        return new DecisionRequest("r-1", "RETAIL", AT, customer, interaction,
                List.of(new DecisionRequest.ProposedAction("promo-1", ActionType.MARKETING_OFFER, "SKU-1")));
    }

    private Features extract(DecisionRequest request) {
        return extractor.extract(request, callerIntent(), noChurnRisk(), phrases(), AT, null);
    }

    private Features extract(String message, List<String> history, Double sentiment) {
        return extract(request(customer("Europe/Berlin"), interaction(message, history, sentiment)));
    }

    // --- daysBetween ------------------------------------------------------------------------------------------

    @Test
    void lateEveningUtcIsYesterdayInUtcButTodayInTokyo() {
        assertThat(FeatureExtractor.daysBetween(LATE_EVENING_UTC_THE_DAY_BEFORE, AT.atZone(ZoneId.of("UTC")))).isEqualTo(1);
        assertThat(FeatureExtractor.daysBetween(LATE_EVENING_UTC_THE_DAY_BEFORE, AT.atZone(ZoneId.of("Asia/Tokyo")))).isZero();
    }

    @Test
    void earlyMorningUtcIsTodayInUtcButYesterdayInNewYork() {
        Instant then = Instant.parse("2024-03-11T03:30:00Z");
        Instant now = Instant.parse("2024-03-11T14:00:00Z");

        assertThat(FeatureExtractor.daysBetween(then, now.atZone(ZoneId.of("UTC")))).isZero();
        assertThat(FeatureExtractor.daysBetween(then, now.atZone(ZoneId.of("America/New_York")))).isEqualTo(1);
    }

    @Test
    void calendarDaysAreCountedNotTwentyFourHourPeriods() {
        Instant justBeforeMidnight = Instant.parse("2024-03-10T22:59:00Z");
        ZonedDateTime justAfterMidnight = Instant.parse("2024-03-10T23:01:00Z").atZone(ZoneId.of("Europe/Berlin"));

        assertThat(FeatureExtractor.daysBetween(justBeforeMidnight, justAfterMidnight)).isEqualTo(1);
    }

    @Test
    void daylightSavingChangeDoesNotShiftTheDayCount() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant saturdayNoon = ZonedDateTime.of(2024, 3, 30, 12, 0, 0, 0, berlin).toInstant();
        ZonedDateTime mondayHalfPastMidnight = ZonedDateTime.of(2024, 4, 1, 0, 30, 0, 0, berlin);

        assertThat(FeatureExtractor.daysBetween(saturdayNoon, mondayHalfPastMidnight)).isEqualTo(2);
    }

    // --- extract: time zone ------------------------------------------------------------------------------------

    @Test
    void agesOfTicketsReturnsAndContactsAreCalendarDaysInTheCustomersZone() {
        Features tokyo = extract(request(customer("Asia/Tokyo"), interaction("hello", List.of(), null)));
        Features utc = extract(request(customer("UTC"), interaction("hello", List.of(), null)));

        assertThat(tokyo.facts().returns()).extracting(ProductReturn::getDaysAgo).containsExactly(0L);
        assertThat(tokyo.facts().contacts()).extracting(Contact::getDaysAgo).containsExactly(0L);
        assertThat(tokyo.facts().tickets()).extracting(Ticket::getAgeDays).containsExactly(0L);
        assertThat(utc.facts().returns()).extracting(ProductReturn::getDaysAgo).containsExactly(1L);
        assertThat(utc.facts().contacts()).extracting(Contact::getDaysAgo).containsExactly(1L);
        assertThat(utc.facts().tickets()).extracting(Ticket::getAgeDays).containsExactly(1L);
    }

    @Test
    void localTimeOfTheInteractionIsInTheCustomersZone() {
        Features tokyo = extract(request(customer("Asia/Tokyo"), interaction("hello", List.of(), null)));

        Interaction interaction = tokyo.facts().interaction();
        assertThat(interaction.getLocalHour()).isEqualTo(19);
        assertThat(interaction.getLocalTime()).isEqualTo("19:00");
        assertThat(interaction.getTimeZone()).isEqualTo("Asia/Tokyo");
        assertThat(tokyo.zoneDefaulted()).isFalse();
    }

    @Test
    void absentTimeZoneMeansUtcAndIsFlaggedAsDefaulted() {
        Features features = extract(request(customer(null), interaction("hello", List.of(), null)));

        assertThat(features.zoneDefaulted()).isTrue();
        assertThat(features.local().getOffset().getTotalSeconds()).isZero();
        assertThat(features.facts().interaction().getLocalTime()).isEqualTo("10:00");
        assertThat(features.facts().interaction().getTimeZone()).isEqualTo("UTC");
        assertThat(features.facts().returns()).extracting(ProductReturn::getDaysAgo).containsExactly(1L);
    }

    // --- extract: sentiment and words --------------------------------------------------------------------------

    @Test
    void oneNegativePhraseGivesLexiconSentimentMinusOneHalf() {
        Features features = extract("This is ridiculous", List.of(), null);

        assertThat(features.sentiment().value()).isEqualTo(-0.5);
        assertThat(features.sentiment().source()).isEqualTo("LEXICON");
        assertThat(features.facts().interaction().getSentiment()).isEqualTo(-0.5);
        assertThat(features.facts().interaction().getSentimentSource()).isEqualTo("LEXICON");
    }

    @Test
    void negatedPhraseCountsTheOtherWayInLexiconSentiment() {
        assertThat(extract("This is not ridiculous", List.of(), null).sentiment().value()).isEqualTo(0.5);
        assertThat(extract("Not great", List.of(), null).sentiment().value()).isEqualTo(-0.5);
    }

    @Test
    void noListedPhraseGivesNeutralLexiconSentiment() {
        Features features = extract("Where is my parcel?", List.of(), null);

        assertThat(features.sentiment().value()).isZero();
        assertThat(features.sentiment().source()).isEqualTo("LEXICON");
    }

    @Test
    void lexiconSentimentReadsOnlyTheCurrentMessage() {
        Features features = extract("Where is my parcel?", List.of("ridiculous", "unacceptable"), null);

        assertThat(features.sentiment().value()).isZero();
    }

    @Test
    void callersSentimentIsUsedWhenSent() {
        Features features = extract("This is ridiculous", List.of(), 0.3);

        assertThat(features.sentiment().value()).isEqualTo(0.3);
        assertThat(features.sentiment().source()).isEqualTo("CALLER");
        assertThat(features.facts().interaction().getFrustration()).isEqualTo(-0.3);
    }

    @Test
    void phrasesAreFoundInTheMessageAndInEveryHistoryEntry() {
        Features features = extract("I'll sue", List.of("fed up", "thanks, ridiculous"), null);

        assertThat(features.facts().phrases()).extracting(PhraseMatch::getList, PhraseMatch::getPhrase, PhraseMatch::getSource)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("negative", "fed up", "history[0]"),
                        org.assertj.core.groups.Tuple.tuple("negative", "ridiculous", "history[1]"),
                        org.assertj.core.groups.Tuple.tuple("positive", "thanks", "history[1]"),
                        org.assertj.core.groups.Tuple.tuple("legal-threat", "sue", "message"));
    }

    @Test
    void lastThreeMessagesAreHandedOffOldestFirstWithTheirSentiment() {
        Features features = extract("now", List.of("first", "second ridiculous", "third", "fourth great"), null);

        assertThat(features.lastMessages()).containsExactly("third", "fourth great", "now");
        assertThat(features.sentimentTrend()).containsExactly(0.0, 0.5, 0.0);
    }

    @Test
    void trendEndsWithTheSentimentUsedForTheDecision() {
        Features features = extract("now", List.of("ridiculous"), -0.9);

        assertThat(features.lastMessages()).containsExactly("ridiculous", "now");
        assertThat(features.sentimentTrend()).containsExactly(-0.5, -0.9);
    }

    @Test
    void aSingleMessageIsTheWholeHandOff() {
        assertThat(extract("only this", List.of(), null).lastMessages()).containsExactly("only this");
    }

    // --- extract: the rest of the facts -----------------------------------------------------------------------

    @Test
    void requestFieldsBecomePolicyFacts() {
        Features features = extractor.extract(request(customer("Europe/Berlin"), interaction("hi", List.of(), null)),
                callerIntent(), noChurnRisk(), phrases(), AT, "CHAT");

        Interaction interaction = features.facts().interaction();
        assertThat(interaction.getChannel()).isEqualTo("CHAT");
        assertThat(interaction.getLineOfBusiness()).isEqualTo("RETAIL");
        assertThat(interaction.getIntent()).isEqualTo("track_order");
        assertThat(interaction.getIntentConfidence()).isEqualTo(0.95);
        assertThat(interaction.getIntentSource()).isEqualTo("CALLER");
        assertThat(interaction.isAutomationPaused()).isTrue();
        assertThat(interaction.getPauseScope()).isEqualTo("CHAT");
        assertThat(features.facts().customer().getTier()).isEqualTo("GOLD");
        assertThat(features.facts().customer().isMarketingConsent()).isFalse();
        assertThat(features.facts().actions()).singleElement().satisfies(action -> {
            assertThat(action.getId()).isEqualTo("promo-1");
            assertThat(action.getType()).isEqualTo("MARKETING_OFFER");
            assertThat(action.getProductId()).isEqualTo("SKU-1");
        });
    }

    @Test
    void absentTierIsStandardAndAbsentConsentIsNoConsent() {
        DecisionRequest.Customer bare = new DecisionRequest.Customer("c-2", null, null, null,
                new DecisionRequest.Consents(null), null, null, null, null, null);

        Features features = extract(request(bare, interaction("hi", null, null)));

        assertThat(features.facts().customer().getTier()).isEqualTo("STANDARD");
        assertThat(features.facts().customer().isMarketingConsent()).isFalse();
        assertThat(features.facts().interaction().isAutomationPaused()).isFalse();
    }
}
