package dev.arbiter.scoring;

import java.util.Arrays;

import org.tribuo.ImmutableFeatureMap;

/**
 * The feature ids of a model by feature name, for the lookups of every scored message: an open-addressing table
 * of (hash, id) pairs in one array and the names' characters in another, so that a lookup touches about two cache
 * lines where a {@code HashMap} entry touches five (table, node, key, key bytes, id holder). Answers exactly what
 * {@link ImmutableFeatureMap#getID} answers. Immutable and thread-safe.
 */
final class FeatureIndex {

    private static final long EMPTY = 0;

    /** Per slot: the name's {@link String#hashCode} in the high half, id + 1 in the low half; 0 when empty. */
    private final long[] slots;
    private final int mask;
    /** The names' characters, one after another, in id order. */
    private final char[] characters;
    /** Per id, where its name starts in {@link #characters}; one more entry marks the end of the last name. */
    private final int[] starts;
    /** Per id, the model's own name string. */
    private final String[] names;

    /** @throws IllegalArgumentException when the map's ids are not in name order, as Tribuo assigns them */
    FeatureIndex(ImmutableFeatureMap features) {
        int size = features.size();
        this.names = new String[size];
        this.starts = new int[size + 1];
        StringBuilder all = new StringBuilder();
        for (int id = 0; id < size; id++) {
            names[id] = features.get(id).getName();
            if (id > 0 && names[id - 1].compareTo(names[id]) >= 0) {
                throw new IllegalArgumentException("The model's feature ids are not in name order at " + names[id]
                        + ": examples in id order would not be in Tribuo's order");
            }
            starts[id] = all.length();
            all.append(names[id]);
        }
        starts[size] = all.length();
        this.characters = all.toString().toCharArray();
        int capacity = Integer.highestOneBit(Math.max(2, size) * 4 - 1);
        this.slots = new long[capacity];
        this.mask = capacity - 1;
        for (int id = 0; id < size; id++) {
            int hash = names[id].hashCode();
            int slot = spread(hash) & mask;
            while (slots[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = ((long) hash << 32) | (id + 1L);
        }
    }

    /** @return the id of the feature named {@code name}, or -1 when the model does not know it */
    int id(String name) {
        return id(name.toCharArray(), name.length(), name.hashCode());
    }

    /**
     * @param name holds the feature's name in {@code [0, length)}
     * @param hash the name's {@link String#hashCode}
     * @return what {@link #id(String)} answers for that name, without making a string of it
     */
    int id(char[] name, int length, int hash) {
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if (entry == EMPTY) {
                return -1;
            }
            int id = (int) entry - 1;
            if ((int) (entry >>> 32) == hash && nameIs(id, name, length)) {
                return id;
            }
        }
    }

    /** @return the model's own string for the feature {@code id} */
    String name(int id) {
        return names[id];
    }

    private boolean nameIs(int id, char[] name, int length) {
        int start = starts[id];
        return starts[id + 1] - start == length && Arrays.equals(characters, start, start + length, name, 0, length);
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
