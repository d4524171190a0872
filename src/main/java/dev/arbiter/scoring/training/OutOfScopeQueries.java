package dev.arbiter.scoring.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import dev.arbiter.scoring.IntentModelSettings;
import dev.arbiter.scoring.ModelFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queries that are not customer service of a shop, from CLINC150 ({@code data_full.json}): its {@code oos_train},
 * {@code oos_val} and {@code oos_test} splits (queries that belong to none of CLINC's 150 intents) and the training
 * queries of the CLINC intents that are clearly not a shop's customer service (weather, trivia, recipes, travel,
 * music, small talk, ...). CLINC intents whose queries could be one of our intents are left out ({@link #OVERLAPPING}).
 *
 * @param oosTrain       {@code oos_train}: used for training the out-of-scope label
 * @param oosValidation  {@code oos_val}: used only to choose how many CLINC queries to train on
 * @param oosTest        {@code oos_test}: used only for the report
 * @param trainByIntent  CLINC's {@code train} queries of each intent that is not in {@link #OVERLAPPING}, by intent
 * @param sha256         the SHA-256 of the file they were read from
 */
record OutOfScopeQueries(List<String> oosTrain, List<String> oosValidation, List<String> oosTest,
                         Map<String, List<String>> trainByIntent, String sha256) {

    /** The label the intent model gives to anything that is not customer service. */
    static final String LABEL = IntentModelSettings.OUT_OF_SCOPE;

    /**
     * CLINC150 intents never used as out-of-scope examples, because their queries could be a shop's customer
     * service — orders and delivery, bills and payments, cards and money, accounts and user names, rewards,
     * reservations, complaints-like reports, asking for a person or a call — so teaching them as out of scope would
     * teach the model to send real customer requests away.
     */
    static final Set<String> OVERLAPPING = Set.of(
            // orders, delivery, cancelling
            "order", "order_status", "order_checks", "cancel", "cancel_reservation", "confirm_reservation",
            "accept_reservations", "restaurant_reservation", "lost_luggage", "application_status", "shopping_list_update",
            // bills, payments, money
            "pay_bill", "bill_balance", "bill_due", "card_declined", "transactions", "spending_history", "balance",
            "transfer", "international_fees", "min_payment", "report_fraud", "expiration_date", "direct_deposit",
            "routing", "freeze_account", "account_blocked", "new_card", "damaged_card", "report_lost_card",
            "replacement_card_duration", "credit_limit", "credit_limit_change", "apr", "interest_rate",
            "redeem_rewards", "rewards_balance", "pin_change",
            // accounts, names, plans
            "user_name", "change_user_name", "insurance_change",
            // reviews and contacting someone
            "restaurant_reviews", "make_call", "text", "are_you_a_bot");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** @throws IllegalArgumentException when the file lacks one of CLINC's splits */
    static OutOfScopeQueries read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        JsonNode root = JSON.readTree(bytes);
        for (String split : List.of("oos_train", "oos_val", "oos_test", "train")) {
            if (!root.has(split)) {
                throw new IllegalArgumentException(file + " has no '" + split + "' split: is it CLINC150's data_full.json?");
            }
        }
        Map<String, List<String>> byIntent = new TreeMap<>();
        for (JsonNode pair : root.get("train")) {
            String intent = pair.get(1).asString();
            if (!OVERLAPPING.contains(intent)) {
                byIntent.computeIfAbsent(intent, key -> new ArrayList<>()).add(pair.get(0).asString());
            }
        }
        return new OutOfScopeQueries(queries(root.get("oos_train")), queries(root.get("oos_val")), queries(root.get("oos_test")),
                byIntent, ModelFiles.sha256(bytes));
    }

    private static List<String> queries(JsonNode split) {
        List<String> queries = new ArrayList<>();
        split.forEach(pair -> queries.add(pair.get(0).asString()));
        return List.copyOf(queries);
    }

    /**
     * @return all of {@code oos_train} and, from each non-overlapping CLINC intent, {@code perIntent} training queries
     * drawn with {@code seed}
     */
    List<String> forTraining(int perIntent, long seed) {
        List<String> queries = new ArrayList<>(oosTrain);
        Random random = new Random(seed);
        trainByIntent.forEach((intent, all) -> {
            List<String> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, random);
            queries.addAll(shuffled.subList(0, Math.min(perIntent, shuffled.size())));
        });
        return queries;
    }
}
