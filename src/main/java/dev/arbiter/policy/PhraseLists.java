package dev.arbiter.policy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import dev.arbiter.policy.facts.PhraseMatch;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The word lists policy tests customer text against (legal terms, negative phrases, ...), read from
 * {@code rules/phrases.yaml}. Matching is on whole normalised words; a phrase of several words matches them in
 * order. The list named {@value #NEGATORS} is not matched for rules: its phrases mark the phrase right after them
 * as negated. Immutable and thread-safe.
 */
public final class PhraseLists {

    /** File name of the word lists inside the rules folder. */
    public static final String FILE_NAME = "phrases.yaml";

    /** The word list whose phrases negate a phrase that follows them ("not", "no longer", ...). */
    public static final String NEGATORS = "negators";

    /** A phrase is negated when a negator ends this many words before it at most: "not disappointed", "not really disappointed". */
    private static final int NEGATION_REACH = 2;

    /** Rejects a key written twice: YAML would otherwise let the second silently replace the first. */
    private static final YAMLMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final Map<String, List<List<String>>> lists;
    /** The same phrases for matching: per list, in file order, each as its words and its text. */
    private final Phrase[] phrases;
    /** Per first word, the indexes in {@link #phrases} of the phrases that start with it, ascending. */
    private final Map<String, int[]> byFirstWord;

    /** One phrase of a list, ready for matching. */
    private record Phrase(String list, String[] words, String text) {
    }

    private PhraseLists(Map<String, List<List<String>>> lists) {
        this.lists = lists;
        List<Phrase> all = new ArrayList<>();
        lists.forEach((name, phrases) -> phrases.forEach(
                words -> all.add(new Phrase(name, words.toArray(String[]::new), String.join(" ", words)))));
        this.phrases = all.toArray(Phrase[]::new);
        Map<String, List<Integer>> starting = new HashMap<>();
        for (int i = 0; i < phrases.length; i++) {
            starting.computeIfAbsent(phrases[i].words()[0], word -> new ArrayList<>()).add(i);
        }
        this.byFirstWord = new HashMap<>();
        starting.forEach((word, indexes) -> byFirstWord.put(word, indexes.stream().mapToInt(Integer::intValue).toArray()));
    }

    /**
     * Parses the word lists, adding an error for every empty phrase and every phrase listed twice in one list: two
     * phrases are the same when they match the same words (see {@link Words}), so {@code Fed up}, {@code fed  up} and
     * {@code fed-up} are one phrase. A repeated phrase would be matched, and counted, twice.
     *
     * @return the lists of the well-formed phrases (empty when the file cannot be parsed)
     */
    static PhraseLists parse(String file, String yaml, List<PolicyProblem> problems) {
        Map<String, List<String>> raw;
        try {
            raw = YAML.readValue(yaml, new TypeReference<LinkedHashMap<String, List<String>>>() { });
        } catch (JacksonException e) {
            var location = e.getLocation();
            problems.add(PolicyProblem.error(file, location == null ? 0 : location.getLineNr(),
                    location == null ? 0 : location.getColumnNr(), null, "Not a valid word-list file: " + e.getOriginalMessage()));
            return new PhraseLists(Map.of());
        }
        Map<String, List<List<String>>> lists = new LinkedHashMap<>();
        if (raw != null) {
            Map<String, List<Integer>> lines = phraseLines(yaml);
            raw.forEach((name, phrases) -> lists.put(name,
                    tokenised(file, name, phrases, lines.getOrDefault(name, List.of()), problems)));
        }
        return new PhraseLists(lists);
    }

    /**
     * @param lines the line of each phrase, in order (see {@link #phraseLines}); 0 for a phrase whose line is unknown
     */
    private static List<List<String>> tokenised(String file, String name, List<String> phrases, List<Integer> lines,
                                                List<PolicyProblem> problems) {
        List<List<String>> result = new ArrayList<>();
        // Per phrase as matching sees it: the lines it is listed on, and how it was written first.
        Map<List<String>, List<Integer>> listedOn = new HashMap<>();
        Map<List<String>, String> firstWritten = new HashMap<>();
        List<String> written = phrases == null ? List.of() : phrases;
        for (int i = 0; i < written.size(); i++) {
            String phrase = written.get(i);
            int line = i < lines.size() ? lines.get(i) : 0;
            List<String> words = Words.of(phrase);
            if (words.isEmpty()) {
                problems.add(PolicyProblem.error(file, line, 0, name, "Empty phrase in word list '" + name + "'"));
                continue;
            }
            List<Integer> before = listedOn.computeIfAbsent(words, w -> new ArrayList<>());
            if (before.isEmpty()) {
                firstWritten.put(words, phrase);
                result.add(words);
            } else {
                problems.add(PolicyProblem.error(file, line, 0, null, repeated(phrase, name, before, firstWritten.get(words))));
            }
            before.add(line);
        }
        return result;
    }

    /** @return e.g. {@code Phrase 'terrible' is listed twice in 'negative' (also line 29): keep one, or it counts twice} */
    private static String repeated(String phrase, String list, List<Integer> before, String first) {
        String lines = before.stream().map(String::valueOf).collect(Collectors.joining(", "));
        String as = first.equals(phrase) ? ""
                : " as '" + first + "'; matching ignores case, punctuation and spacing between words, and the form of apostrophes";
        return "Phrase '" + phrase + "' is listed " + (before.size() == 1 ? "twice" : "again") + " in '" + list + "' (also "
                + (before.size() == 1 ? "line " : "lines ") + lines + as + "): keep one, or it counts twice";
    }

    /**
     * @return per list, the line of each of its phrases, in file order; empty for a list that is not a sequence. Only
     *         called on text that has already been read as word lists
     */
    private static Map<String, List<Integer>> phraseLines(String yaml) {
        Map<String, List<Integer>> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(yaml)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return lines;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                List<Integer> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(parser.currentTokenLocation().getLineNr());
                    parser.skipChildren();
                }
                lines.put(name, list);
            }
        } catch (JacksonException e) {
            // The file read as word lists a moment ago: lines are only a help, so a phrase without one gets line 0.
        }
        return lines;
    }

    /** @return true when a list of that name exists */
    public boolean has(String list) {
        return lists.containsKey(list);
    }

    /** @return the phrases of every list, as written words joined by single spaces */
    public Map<String, List<String>> phrases() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        lists.forEach((name, phrases) -> out.put(name, phrases.stream().map(p -> String.join(" ", p)).toList()));
        return out;
    }

    /**
     * Finds every occurrence of every phrase of every list but {@value #NEGATORS} in {@code text}.
     *
     * @param text   the customer's words as written (normalised here, see {@link Words#split})
     * @param source where the words come from: {@code message} or {@code history[i]}
     * @return the matches, by phrase (lists and phrases in file order), then by position in the text. A match is
     *         negated when a {@value #NEGATORS} phrase ends at most {@value #NEGATION_REACH} words before it in the
     *         same sentence, and that negator is not itself part of a matched phrase ("never again")
     */
    public List<PhraseMatch> find(String text, String source) {
        Words.Split split = Words.split(text);
        String[] words = split.words().toArray(String[]::new);
        BitSet candidates = candidates(words);
        List<Occurrence> found = new ArrayList<>();
        BitSet covered = new BitSet(words.length);
        for (int p = candidates.nextSetBit(0); p >= 0; p = candidates.nextSetBit(p + 1)) {
            Phrase phrase = phrases[p];
            if (!phrase.list().equals(NEGATORS)) {
                occurrences(phrase, words, start -> {
                    found.add(new Occurrence(phrase, start));
                    covered.set(start, start + phrase.words().length);
                });
            }
        }
        BitSet negated = negatedStarts(words, candidates, covered, split.sentenceStarts());
        List<PhraseMatch> matches = new ArrayList<>(found.size());
        for (Occurrence occurrence : found) {
            Phrase phrase = occurrence.phrase();
            matches.add(new PhraseMatch(phrase.list(), phrase.text(), source, negated.get(occurrence.start())));
        }
        return matches;
    }

    /** A phrase found at a position of the text. */
    private record Occurrence(Phrase phrase, int start) {
    }

    /**
     * @param covered        the positions inside matched phrases: a negator there is part of the phrase, not a negation
     * @param sentenceStarts the positions where a new sentence starts: a negation does not reach into it
     * @return the positions in {@code words} where a phrase starting there is negated
     */
    private BitSet negatedStarts(String[] words, BitSet candidates, BitSet covered, BitSet sentenceStarts) {
        BitSet negated = new BitSet(words.length);
        for (int p = candidates.nextSetBit(0); p >= 0; p = candidates.nextSetBit(p + 1)) {
            Phrase phrase = phrases[p];
            if (phrase.list().equals(NEGATORS)) {
                int length = phrase.words().length;
                occurrences(phrase, words, start -> {
                    int end = start + length;
                    if (covered.nextSetBit(start) < 0 || covered.nextSetBit(start) >= end) {
                        for (int next = end; next < end + NEGATION_REACH && !sentenceStarts.get(next); next++) {
                            negated.set(next);
                        }
                    }
                });
            }
        }
        return negated;
    }

    /** Calls {@code atStart} with each position of {@code text} where {@code phrase} occurs, in order. */
    private static void occurrences(Phrase phrase, String[] text, IntConsumer atStart) {
        for (int start = 0; start + phrase.words().length <= text.length; start++) {
            if (matchesAt(phrase.words(), text, start)) {
                atStart.accept(start);
            }
        }
    }

    /** @return the indexes of the phrases whose first word is in {@code text}: the only ones that can match */
    private BitSet candidates(String[] text) {
        BitSet candidates = new BitSet(phrases.length);
        for (String word : text) {
            int[] starting = byFirstWord.get(word);
            if (starting != null) {
                for (int p : starting) {
                    candidates.set(p);
                }
            }
        }
        return candidates;
    }

    private static boolean matchesAt(String[] phrase, String[] text, int start) {
        for (int i = 0; i < phrase.length; i++) {
            if (!phrase[i].equals(text[start + i])) {
                return false;
            }
        }
        return true;
    }
}
