package dev.arbiter.decision;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.arbiter.web.MaxCharacters;
import dev.arbiter.web.PrintableId;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One customer interaction to decide on (DESIGN.md, Decision API). Optional parts may be null; lists that are
 * absent are treated as empty. Limits on sizes keep one request cheap to evaluate. Ids are {@link PrintableId}: no
 * control or invisible characters and no white space at either end, so that they read back, search and export as
 * sent.
 *
 * @param requestId       idempotency key: the same key returns the stored decision
 * @param lineOfBusiness  an upper-case code of 1 to 32 letters, digits or _ starting with a letter; which ones are
 *                        regulated is policy
 * @param at              when the interaction happens (ISO-8601 with offset, years 0001 to 9999); absent means now
 * @param customer        who the customer is
 * @param interaction     what the customer said and the scores the caller already has
 * @param proposedActions outbound actions the caller wants to take, each with its own id
 */
public record DecisionRequest(
        @MaxCharacters(128) @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces") String requestId,
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}", message = "must be an upper-case code of 1 to 32 letters, "
                + "digits or _ starting with a letter, such as RETAIL") String lineOfBusiness,
        @FourDigitYear Instant at,
        @NotNull @Valid Customer customer,
        @NotNull @Valid Interaction interaction,
        @Size(max = 20) @DistinctActionIds List<@NotNull @Valid ProposedAction> proposedActions) {

    public DecisionRequest {
        proposedActions = proposedActions == null ? List.of() : proposedActions;
    }

    /** @return this request with {@code interaction} instead */
    public DecisionRequest withInteraction(Interaction interaction) {
        return new DecisionRequest(requestId, lineOfBusiness, at, customer, interaction, proposedActions);
    }

    /**
     * The customer behind the interaction. {@code churnRisk} is a churn score the caller already has; when absent
     * the churn model scores {@code profile}.
     */
    public record Customer(
            @NotBlank @MaxCharacters(128) @PrintableId String id,
            Tier tier,
            @DecimalMin("0") @DecimalMax("1.0E12") Double lifetimeValue,
            @TimeZoneId String timeZone,
            @Valid Consents consents,
            @Size(max = 100) List<@NotNull @Valid Ticket> openTickets,
            @Size(max = 100) List<@NotNull @Valid ProductReturn> recentReturns,
            @Size(max = 200) List<@NotNull @Valid Contact> recentContacts,
            @Valid Profile profile,
            @DecimalMin("0") @DecimalMax("1") Double churnRisk) {

        public Customer {
            openTickets = openTickets == null ? List.of() : openTickets;
            recentReturns = recentReturns == null ? List.of() : recentReturns;
            recentContacts = recentContacts == null ? List.of() : recentContacts;
        }
    }

    /** What the customer agreed to; an absent consent is no consent. */
    public record Consents(Boolean marketing) {
    }

    /** An open support ticket. */
    public record Ticket(@NotBlank @MaxCharacters(128) @PrintableId String id, @NotNull TicketPriority priority, @FourDigitYear Instant openedAt) {
    }

    /** A product the customer returned. */
    public record ProductReturn(@NotBlank @MaxCharacters(128) @PrintableId String productId, @NotNull ReturnReason reason,
                                @NotNull @FourDigitYear Instant returnedAt) {
    }

    /** An earlier contact with the customer. */
    public record Contact(@NotNull ContactKind kind, @NotNull @FourDigitYear Instant at) {
    }

    /**
     * Account facts the churn model reads (the IBM Telco fields). Every field is optional: the model uses a
     * documented default for what is missing (models/README.md) and the trace lists the defaults applied. A category
     * field takes only the values the loaded churn model knows ({@link ProfileCategories}): a typo is an error, not a
     * default.
     */
    public record Profile(
            @Min(0) @Max(1200) Integer tenureMonths,
            String contract,
            @DecimalMin("0") @DecimalMax("1000000") Double monthlyCharges,
            @DecimalMin("0") @DecimalMax("100000000") Double totalCharges,
            Boolean partner,
            Boolean dependents,
            Boolean phoneService,
            String multipleLines,
            String internetService,
            String onlineSecurity,
            String onlineBackup,
            String deviceProtection,
            String techSupport,
            String streamingTV,
            String streamingMovies,
            Boolean paperlessBilling,
            String paymentMethod) {

        private static final java.lang.reflect.RecordComponent[] COMPONENTS = Profile.class.getRecordComponents();

        /** @return the fields the caller sent, by name, in declaration order; absent fields are left out */
        public java.util.Map<String, Object> toFields() {
            java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
            for (java.lang.reflect.RecordComponent component : COMPONENTS) {
                try {
                    Object value = component.getAccessor().invoke(this);
                    if (value != null) {
                        fields.put(component.getName(), value);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Record accessors are public", e);
                }
            }
            return fields;
        }
    }

    /** What the customer said, and the scores the caller already has. */
    public record Interaction(
            @NotNull Channel channel,
            @NotBlank @MaxCharacters(4000) String message,
            @Size(max = 50) @ArraySchema(schema = @Schema(maxLength = 4000)) List<@NotNull @MaxCharacters(4000) String> history,
            @Valid IntentInput intent,
            @DecimalMin("-1") @DecimalMax("1") Double sentiment,
            @Valid AiAnswer aiAnswer) {

        public Interaction {
            history = history == null ? List.of() : history;
        }

        /** @return this interaction with the customer's text replaced */
        public Interaction withText(String message, List<String> history) {
            return new Interaction(channel, message, history, intent, sentiment, aiAnswer);
        }
    }

    /** An intent the caller already recognised. */
    public record IntentInput(@NotBlank @MaxCharacters(64) String label,
                              @NotNull @DecimalMin("0") @DecimalMax("1") Double confidence) {
    }

    /** The caller's AI-generated answer, judged by its confidence. */
    public record AiAnswer(@NotNull @DecimalMin("0") @DecimalMax("1") Double confidence) {
    }

    /** An outbound action the caller proposes to take. */
    public record ProposedAction(@NotBlank @MaxCharacters(128) @PrintableId String id, @NotNull ActionType type,
                                 @MaxCharacters(128) @PrintableId String productId) {
    }
}
