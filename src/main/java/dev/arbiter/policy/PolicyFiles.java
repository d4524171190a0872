package dev.arbiter.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An immutable snapshot of policy files: relative path (e.g. {@code rules/escalation.drl}) to content.
 * The version is the SHA-256 of the sorted paths and contents, so equal files give equal versions anywhere.
 */
public record PolicyFiles(Map<String, String> contents) {

    private static final String[] POLICY_EXTENSIONS = {".drl", ".dmn", ".yaml", ".yml"};

    public PolicyFiles {
        contents = Collections.unmodifiableMap(new TreeMap<>(contents));
    }

    /**
     * Reads every policy file ({@code .drl}, {@code .dmn}, {@code .yaml}) below the given folders.
     * Paths are keyed by the folder's own name, so {@code /etc/policy/rules/a.drl} becomes {@code rules/a.drl}.
     *
     * @throws UncheckedIOException when a folder or file cannot be read
     */
    public static PolicyFiles read(Path... folders) {
        Map<String, String> contents = new TreeMap<>();
        for (Path folder : folders) {
            readFolder(folder, contents);
        }
        return new PolicyFiles(contents);
    }

    private static void readFolder(Path folder, Map<String, String> contents) {
        Path root = folder.toAbsolutePath().normalize();
        String prefix = root.getFileName().toString();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).filter(PolicyFiles::isPolicyFile).forEach(file -> {
                String key = prefix + "/" + root.relativize(file).toString().replace('\\', '/');
                contents.put(key, readString(file));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read policy folder " + root, e);
        }
    }

    private static boolean isPolicyFile(Path file) {
        String name = file.getFileName().toString();
        for (String extension : POLICY_EXTENSIONS) {
            if (name.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read policy file " + file, e);
        }
    }

    /** @return the SHA-256 (hex) of the sorted paths and contents */
    public String version() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            contents.forEach((path, content) -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(content.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** @return the files whose path ends with {@code extension}, in path order */
    public Map<String, String> withExtension(String extension) {
        Map<String, String> selected = new TreeMap<>();
        contents.forEach((path, content) -> {
            if (path.endsWith(extension)) {
                selected.put(path, content);
            }
        });
        return selected;
    }

    /** @return the 1-based line of the character at {@code index} in {@code content} */
    static int lineOf(String content, int index) {
        int line = 1;
        for (int i = 0; i < index && i < content.length(); i++) {
            if (content.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** @return the file whose path ends with {@code /name}, or null */
    public Map.Entry<String, String> named(String name) {
        return contents.entrySet().stream().filter(e -> e.getKey().endsWith("/" + name)).findFirst().orElse(null);
    }
}
