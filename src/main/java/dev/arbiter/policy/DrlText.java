package dev.arbiter.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads DRL text the way the compilers behind it do, for {@link DrlCallCheck}: the words, numbers and symbols outside
 * comments and text literals, each with its offset in the file as written.
 * <p>
 * A file has one or two readings. The DRL parser and MVEL read the text as written; the Java compiler first decodes
 * unicode escapes ({@code \u0053ystem} is {@code System}, {@code \u000a} ends a {@code //} comment). When the file has
 * escapes, both readings are checked, so code hidden from one reader is still seen by the other.
 * A text block ({@code """}) is reported as unreadable rather than guessed at: DRL and MVEL read the same quotes as
 * ordinary strings. Characters Java ignores inside names (e.g. a zero-width space) are dropped from words.
 * Stateless and thread-safe.
 */
final class DrlText {

    enum Kind { WORD, NUMBER, SYMBOL }

    /** A word (identifier or keyword), a number, or one symbol ({@code ::} counts as one). */
    record Token(Kind kind, String text, int offset) {
        boolean is(String value) {
            return text.equals(value);
        }
    }

    /**
     * One reading of a file.
     *
     * @param tokens     the tokens outside comments and literals, in order
     * @param unreadable offset of a quote or comment never closed, or of a text block; -1 when the whole file was read
     */
    record Reading(List<Token> tokens, int unreadable) {
    }

    private DrlText() {
    }

    /** @return the reading of the text as written, then (when it has unicode escapes) the reading after decoding them */
    static List<Reading> readings(String text) {
        Reading asWritten = new Lexer(text, null).read();
        StringBuilder decoded = new StringBuilder(text.length());
        int[] offsets = decodeUnicodeEscapes(text, decoded);
        if (decoded.length() == text.length() && decoded.toString().equals(text)) {
            return List.of(asWritten);
        }
        return List.of(asWritten, new Lexer(decoded.toString(), offsets).read());
    }

    /**
     * Decodes {@code \}{@code uXXXX} escapes as the Java compiler does (JLS 3.3): a backslash starts one only when an
     * even number of backslashes precede it, several {@code u} are allowed, and a decoded character never starts
     * another escape.
     *
     * @return for each character of {@code decoded}, its offset in {@code text}
     */
    private static int[] decodeUnicodeEscapes(String text, StringBuilder decoded) {
        int[] offsets = new int[text.length()];
        int backslashes = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = c == '\\' && backslashes % 2 == 0 ? escapeEnd(text, i) : -1;
            offsets[decoded.length()] = i;
            if (end > 0) {
                decoded.append((char) Integer.parseInt(text.substring(end - 4, end), 16));
                backslashes = 0;
                i = end;
            } else {
                decoded.append(c);
                backslashes = c == '\\' ? backslashes + 1 : 0;
                i++;
            }
        }
        return offsets;
    }

    /** @return the end of the unicode escape starting at {@code start}, or -1 when there is none */
    private static int escapeEnd(String text, int start) {
        int hex = start + 1;
        while (hex < text.length() && text.charAt(hex) == 'u') {
            hex++;
        }
        if (hex == start + 1 || hex + 4 > text.length()) {
            return -1;
        }
        for (int i = hex; i < hex + 4; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return -1;
            }
        }
        return hex + 4;
    }

    /** @return the 1-based column of {@code offset} in {@code text} */
    static int columnOf(String text, int offset) {
        return offset - text.lastIndexOf('\n', offset - 1);
    }

    /** Splits one text into tokens; single use. */
    private static final class Lexer {
        private final String text;
        private final int[] offsets;
        private final List<Token> tokens = new ArrayList<>();
        private int pos;
        private int unreadable = -1;

        /** @param offsets offset in the file of each character of {@code text}, or null when they are the same */
        Lexer(String text, int[] offsets) {
            this.text = text;
            this.offsets = offsets;
        }

        Reading read() {
            while (pos < text.length() && unreadable < 0) {
                next();
            }
            return new Reading(List.copyOf(tokens), unreadable < 0 ? -1 : offset(unreadable));
        }

        private void next() {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith("//", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    unreadable = pos;
                }
                pos = end + 2;
            } else if (text.startsWith("\"\"\"", pos)) {
                unreadable = pos;
            } else if (c == '"' || c == '\'') {
                literal(c);
            } else if (c >= '0' && c <= '9') {
                number();
            } else if (Character.isJavaIdentifierStart(text.codePointAt(pos)) || Character.isIdentifierIgnorable(c)) {
                word();
            } else {
                int length = text.startsWith("::", pos) ? 2 : 1;
                tokens.add(new Token(Kind.SYMBOL, text.substring(pos, pos + length), offset(pos)));
                pos += length;
            }
        }

        /** A string or character literal; DRL and MVEL strings may span lines. */
        private void literal(char quote) {
            int start = pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                pos += c == '\\' ? 2 : 1;
                if (c == quote) {
                    return;
                }
            }
            unreadable = start;
        }

        /** Digits with the letters, underscores and decimal points of a literal ({@code 0x1F}, {@code 1.5d}, {@code 10s}). */
        private void number() {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                    || text.charAt(pos) == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
                pos++;
            }
            tokens.add(new Token(Kind.NUMBER, text.substring(start, pos), offset(start)));
        }

        private void word() {
            int start = pos;
            StringBuilder word = new StringBuilder();
            while (pos < text.length() && Character.isJavaIdentifierPart(text.codePointAt(pos))) {
                int codePoint = text.codePointAt(pos);
                if (!Character.isIdentifierIgnorable(codePoint)) {
                    word.appendCodePoint(codePoint);
                }
                pos += Character.charCount(codePoint);
            }
            if (pos == start) {
                pos++;
            }
            if (!word.isEmpty()) {
                tokens.add(new Token(Kind.WORD, word.toString(), offset(start)));
            }
        }

        private int offset(int index) {
            return offsets == null ? index : offsets[index];
        }
    }
}
