package dev.arbiter.scoring;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A message's features as one model sees them: the ids of the features the model knows, ascending, each with its
 * value and the share of that value that came from the context. Values are {@link TextFeatures#encode}'s values —
 * counts scaled to unit length over all the message's features, known to the model or not — found by looking each
 * feature occurrence up by its characters, so that serving makes no string per feature. Immutable by convention
 * (the arrays are not copied: do not change them).
 *
 * @param ids          ids of the known features, ascending
 * @param values       per id (same order), its value
 * @param contextShare per id (same order), the share of its value that came from the context, in [0, 1]
 */
record KnownFeatures(int[] ids, double[] values, double[] contextShare) {

    /**
     * Encodes {@code message}, with {@code context} counted at {@code contextWeight} (none when null or the weight is
     * not positive), as {@code text} defines the features and {@code index} knows them. Thread-safe.
     */
    static KnownFeatures encode(TextFeatures text, FeatureIndex index, String message, String context,
            double contextWeight) {
        Counts counts = new Counts(index);
        counts.source = 0;
        counts.weight = 1;
        text.forEachFeature(message, counts);
        if (context != null && contextWeight > 0) {
            counts.source = 1;
            counts.weight = contextWeight;
            text.forEachFeature(context, counts);
        }
        return counts.scaled();
    }

    /** @return how many known features the message has */
    int size() {
        return ids.length;
    }

    /**
     * Counts of one encoding: known features in an open-addressing table by id, unknown ones by name (they count
     * towards the unit length only). Not thread-safe (one per encoding).
     */
    private static final class Counts implements TextFeatures.FeatureNames {

        private final FeatureIndex index;
        /** Per slot: id + 1, or 0 when empty. */
        private int[] slots = new int[256];
        private double[] fromMessage = new double[256];
        private double[] fromContext = new double[256];
        private int known;
        private Map<String, double[]> unknown;
        int source;
        double weight;

        Counts(FeatureIndex index) {
            this.index = index;
        }

        @Override
        public void occurs(char[] name, int length, int hash) {
            int id = index.id(name, length, hash);
            if (id < 0) {
                if (unknown == null) {
                    unknown = new HashMap<>();
                }
                unknown.computeIfAbsent(new String(name, 0, length), key -> new double[2])[source] += weight;
                return;
            }
            int slot = slotOf(id);
            if (slots[slot] == 0) {
                slots[slot] = id + 1;
                if (++known * 2 > slots.length) {
                    grow();
                    slot = slotOf(id);
                }
            }
            (source == 0 ? fromMessage : fromContext)[slot] += weight;
        }

        /** @return the slot holding {@code id}, or the empty slot where it goes */
        private int slotOf(int id) {
            int mask = slots.length - 1;
            int hash = id * 0x9E3779B9;
            int slot = (hash ^ (hash >>> 16)) & mask;
            while (slots[slot] != 0 && slots[slot] != id + 1) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void grow() {
            int[] oldSlots = slots;
            double[] oldMessage = fromMessage;
            double[] oldContext = fromContext;
            slots = new int[oldSlots.length * 2];
            fromMessage = new double[slots.length];
            fromContext = new double[slots.length];
            for (int i = 0; i < oldSlots.length; i++) {
                if (oldSlots[i] != 0) {
                    int slot = slotOf(oldSlots[i] - 1);
                    slots[slot] = oldSlots[i];
                    fromMessage[slot] = oldMessage[i];
                    fromContext[slot] = oldContext[i];
                }
            }
        }

        KnownFeatures scaled() {
            long[] byId = new long[known];
            int k = 0;
            double squares = 0;
            for (int slot = 0; slot < slots.length; slot++) {
                if (slots[slot] != 0) {
                    byId[k++] = ((long) (slots[slot] - 1) << 32) | slot;
                    double total = fromMessage[slot] + fromContext[slot];
                    squares += total * total;
                }
            }
            if (unknown != null) {
                for (double[] fromSource : unknown.values()) {
                    double total = fromSource[0] + fromSource[1];
                    squares += total * total;
                }
            }
            Arrays.sort(byId);
            double scale = squares == 0 ? 0 : 1 / Math.sqrt(squares);
            int[] ids = new int[known];
            double[] values = new double[known];
            double[] contextShare = new double[known];
            for (int i = 0; i < known; i++) {
                int slot = (int) byId[i];
                double total = fromMessage[slot] + fromContext[slot];
                ids[i] = (int) (byId[i] >>> 32);
                values[i] = total * scale;
                contextShare[i] = fromContext[slot] / total;
            }
            return new KnownFeatures(ids, values, contextShare);
        }
    }
}
