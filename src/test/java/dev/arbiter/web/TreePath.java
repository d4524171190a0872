package dev.arbiter.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a node sits in a JSON tree: object field names ({@link String}) and array indexes ({@link Integer}) from the
 * root. Immutable; the tree operations change the tree they are given.
 *
 * @param steps the field names and indexes from the root; empty for the root itself
 */
record TreePath(List<Object> steps) {

    static final TreePath ROOT = new TreePath(List.of());

    TreePath {
        steps = List.copyOf(steps);
    }

    /** @return the path named like {@code customer.openTickets[0].priority}; "(root)" or "" is the root */
    static TreePath parse(String path) {
        List<Object> steps = new ArrayList<>();
        if (!path.isEmpty() && !path.equals("(root)")) {
            for (String step : path.replace("[", ".[").split("\\.")) {
                if (step.startsWith("[")) {
                    steps.add(Integer.parseInt(step.substring(1, step.length() - 1)));
                } else if (!step.isEmpty()) {
                    steps.add(step);
                }
            }
        }
        return new TreePath(steps);
    }

    /** @return every node of {@code tree}, the root first, depth first in document order */
    static List<TreePath> everyNode(JsonNode tree) {
        List<TreePath> paths = new ArrayList<>();
        collect(tree, ROOT, paths);
        return paths;
    }

    private static void collect(JsonNode node, TreePath path, List<TreePath> paths) {
        paths.add(path);
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collect(field.getValue(), path.child(field.getKey()), paths);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path.child(i), paths);
            }
        }
    }

    TreePath child(Object step) {
        List<Object> longer = new ArrayList<>(steps);
        longer.add(step);
        return new TreePath(longer);
    }

    boolean isRoot() {
        return steps.isEmpty();
    }

    TreePath parent() {
        return new TreePath(steps.subList(0, steps.size() - 1));
    }

    Object last() {
        return steps.get(steps.size() - 1);
    }

    /** @return the node at this path in {@code tree}, or null when there is none */
    JsonNode find(JsonNode tree) {
        JsonNode node = tree;
        for (Object step : steps) {
            node = node == null ? null : step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    /**
     * Puts {@code value} at this path in {@code tree}, creating missing objects on the way (an array element must
     * exist or be the next one).
     *
     * @throws IllegalArgumentException for the root, which cannot be replaced in place
     */
    void set(JsonNode tree, JsonNode value) {
        if (isRoot()) {
            throw new IllegalArgumentException("the root cannot be replaced in place");
        }
        JsonNode parent = tree;
        for (Object step : steps.subList(0, steps.size() - 1)) {
            JsonNode next = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
            if (next == null || !next.isContainer()) {
                next = JsonNodeFactory.instance.objectNode();
                put(parent, step, next);
            }
            parent = next;
        }
        put(parent, last(), value);
    }

    private static void put(JsonNode container, Object step, JsonNode value) {
        if (container instanceof ObjectNode object) {
            object.set(step.toString(), value);
        } else if (step instanceof Integer index && index < container.size()) {
            ((ArrayNode) container).set(index, value);
        } else {
            ((ArrayNode) container).add(value);
        }
    }

    /** Removes the node at this path from {@code tree}; nothing happens when there is none. */
    void remove(JsonNode tree) {
        JsonNode parent = parent().find(tree);
        if (parent instanceof ObjectNode object) {
            object.remove(last().toString());
        } else if (parent instanceof ArrayNode array && last() instanceof Integer index && index < array.size()) {
            array.remove(index.intValue());
        }
    }

    /** @return the path as the service names fields, e.g. {@code customer.openTickets[0].priority}; "(root)" */
    @Override
    public String toString() {
        if (isRoot()) {
            return "(root)";
        }
        StringBuilder text = new StringBuilder();
        for (Object step : steps) {
            if (step instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append(text.length() == 0 ? "" : ".").append(step);
            }
        }
        return text.toString();
    }
}
