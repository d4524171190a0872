package dev.arbiter.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What policy rules (DRL) may use. This is a security control: a rule file is code that runs inside the service, so
 * anything not listed here is refused before the rules are compiled (see {@link DrlCallCheck}).
 * <ul>
 *   <li>Classes: the domain model ({@code dev.arbiter.policy.facts}), types the rule files declare themselves, the
 *       basic {@code java.lang} classes in {@link #LANG}, the collections in {@link #UTIL}, and every class of
 *       {@code java.time} and {@code java.math}.</li>
 *   <li>Members: any member of an allowed class, except the names in {@link #MEMBERS}, which are refused whatever
 *       they are called on (they reach reflection, class loading, the process or the engine).</li>
 *   <li>The engine: {@code kcontext} and {@code drools} may only be the first argument of a domain-model factory
 *       ({@code Finding.escalate(kcontext, ...)}), or be used for {@link #ENGINE_ACTIONS} and
 *       {@code getRule().getName()}.</li>
 * </ul>
 * Immutable and thread-safe.
 */
final class DrlAllowList {

    /**
     * The package of every rule file: the engine keys rules by package and name, so only with one package for all
     * files is a rule name unique across them (docs/policy-authoring.md, "The start of every rule file").
     */
    static final String POLICY_PACKAGE = "arbiter.policy";

    /** {@code java.lang} classes rules may use (they need no import). */
    static final Set<String> LANG = Set.of("Object", "String", "StringBuilder", "CharSequence", "Comparable", "Iterable",
            "Math", "StrictMath", "Number", "Integer", "Long", "Short", "Byte", "Double", "Float", "Boolean", "Character",
            "Exception", "RuntimeException", "IllegalArgumentException", "IllegalStateException", "ArithmeticException",
            "NumberFormatException", "NullPointerException", "UnsupportedOperationException", "IndexOutOfBoundsException");

    /** {@code java.util} classes rules may import one by one. */
    static final Set<String> UTIL = Set.of("Collection", "List", "ArrayList", "LinkedList", "Map", "HashMap",
            "LinkedHashMap", "TreeMap", "Set", "HashSet", "LinkedHashSet", "TreeSet", "Collections", "Arrays", "Optional",
            "Objects", "Iterator", "Comparator");

    /** Packages whose every class rules may use; the only packages that may be imported with {@code *}. */
    static final Set<String> PACKAGES = Set.of("dev.arbiter.policy.facts", "java.time", "java.time.format",
            "java.time.temporal", "java.time.chrono", "java.math");

    /** First segments of a dotted name that make it a package name, whatever follows: the name must be allowed. */
    static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io", "dev",
            "jakarta", "tools", "ch", "kotlin", "groovy");

    /** The engine's variables in a consequence. */
    static final Set<String> ENGINE_HANDLES = Set.of("kcontext", "drools");

    /** What a rule may call on {@code kcontext} or {@code drools}. */
    static final Set<String> ENGINE_ACTIONS = Set.of("insert", "insertLogical", "update", "delete", "retract");

    /** What a rule may read of {@code kcontext.getRule()}. */
    static final Set<String> RULE_READS = Set.of("getName", "name", "getPackageName", "packageName");

    static final String PROCESS = "process and JVM control";
    static final String REFLECTION = "reflection";
    static final String CONCURRENCY = "concurrency (threads, executors, locks)";
    static final String CLASS_LOADING = "class loading";
    static final String FILES = "file access";
    static final String NETWORK = "network access";
    static final String JDK = "use of JDK internals";
    static final String ENGINE = "access to engine internals";
    static final String SERVICE = "access to the service's own classes";
    static final String PROPERTIES = "reading JVM system properties";

    /** Why a class or package is refused, for the message; a class not listed here is refused too, with a generic message. */
    private static final Map<String, String> REASONS = reasons();

    /** Member names refused whatever they are called on, with both the method and the property (MVEL) spelling. */
    static final Map<String, String> MEMBERS = members();

    private DrlAllowList() {
    }

    private static Map<String, String> reasons() {
        Map<String, String> reasons = new HashMap<>();
        put(reasons, PROCESS, "java.lang.System", "java.lang.Runtime", "java.lang.Process", "java.lang.ProcessBuilder",
                "java.lang.ProcessHandle");
        put(reasons, REFLECTION, "java.lang.Class", "java.lang.reflect", "java.lang.invoke", "java.lang.constant",
                "java.lang.Module", "java.lang.ModuleLayer", "java.lang.StackWalker", "java.lang.ClassValue",
                "java.lang.SecurityManager", "java.lang.Package");
        put(reasons, CONCURRENCY, "java.lang.Thread", "java.lang.ThreadGroup", "java.lang.ThreadLocal",
                "java.lang.InheritableThreadLocal", "java.util.concurrent", "java.util.Timer", "java.util.TimerTask");
        put(reasons, CLASS_LOADING, "java.lang.ClassLoader", "java.util.ServiceLoader", "java.lang.ref");
        put(reasons, FILES, "java.io", "java.nio", "java.util.Scanner", "java.util.Formatter", "java.util.Properties");
        put(reasons, NETWORK, "java.net", "javax.net");
        put(reasons, JDK, "sun", "jdk", "com.sun", "javax");
        put(reasons, ENGINE, "org.kie", "org.drools", "org.mvel2");
        put(reasons, SERVICE, "dev.arbiter");
        return Map.copyOf(reasons);
    }

    private static Map<String, String> members() {
        Map<String, String> members = new HashMap<>();
        put(members, REFLECTION, "class", "getClass", "forName", "getDeclaringClass", "declaringClass",
                "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField", "getDeclaredFields",
                "getDeclaredConstructor", "getDeclaredConstructors", "getMethod", "getMethods", "getField", "getFields",
                "getConstructor", "getConstructors", "setAccessible", "trySetAccessible", "invoke", "invokeExact",
                "invokeWithArguments", "newInstance", "getResource", "getResourceAsStream");
        put(members, CLASS_LOADING, "getClassLoader", "classLoader", "getContextClassLoader", "contextClassLoader",
                "getSystemClassLoader", "getPlatformClassLoader", "loadClass", "defineClass");
        put(members, PROCESS, "getRuntime", "exec", "exit", "getenv");
        put(members, PROPERTIES, "getInteger", "getLong", "getBoolean");
        put(members, CONCURRENCY, "wait", "notify", "notifyAll", "synchronized");
        for (String property : List.of("kieRuntime", "knowledgeRuntime", "kieBase", "knowledgeBase", "kieSession",
                "workingMemory", "internalWorkingMemory", "reteEvaluator", "projectClassLoader", "activation", "match",
                "tuple", "entryPoint", "entryPoints", "channels", "factHandle", "factHandles")) {
            put(members, ENGINE, property, "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1));
        }
        return Map.copyOf(members);
    }

    private static void put(Map<String, String> map, String reason, String... keys) {
        for (String key : keys) {
            map.put(key, reason);
        }
    }

    /** @return true when {@code qualifiedName} (e.g. {@code java.util.List}) is a class rules may use */
    static boolean allowsClass(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        String pkg = qualifiedName.substring(0, dot);
        String simple = qualifiedName.substring(dot + 1);
        return pkg.equals("java.lang") && LANG.contains(simple) || pkg.equals("java.util") && UTIL.contains(simple)
                || PACKAGES.contains(pkg) && !simple.isEmpty() && Character.isUpperCase(simple.charAt(0));
    }

    /** @return true when rules may use {@code simpleName} without saying where it comes from (java.lang, java.util) */
    static boolean allowsSimpleName(String simpleName) {
        return LANG.contains(simpleName) || UTIL.contains(simpleName);
    }

    /** @return why a member name is refused whatever it is called on, or null when it is not */
    static String memberRefusal(String name) {
        return MEMBERS.get(name);
    }

    /** @return why {@code qualifiedName} or its package is refused, or null when no reason is recorded */
    static String reasonFor(String qualifiedName) {
        for (String name = qualifiedName; !name.isEmpty(); name = name.substring(0, Math.max(0, name.lastIndexOf('.')))) {
            String reason = REASONS.get(name);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    /**
     * @param shown         what the rule file wrote, e.g. {@code File} or {@code java.io.File}
     * @param qualifiedName the class it names, or null when unknown
     * @return the message of a refusal: what was used and why it is refused
     */
    static String refusal(String shown, String qualifiedName) {
        String label = qualifiedName == null || qualifiedName.equals(shown) ? shown : shown + " (" + qualifiedName + ")";
        String reason = qualifiedName == null ? null : reasonFor(qualifiedName);
        if (reason != null) {
            return label + ": " + reason + " is not allowed in policy rules";
        }
        return label + " is not on the list of what policy rules may use (see \"What rules may call\" in docs/policy-authoring.md)";
    }

    /**
     * @param name the class a rule file uses, e.g. {@code Interaction}
     * @param pkg  the allowed package that has it, e.g. {@code dev.arbiter.policy.facts}
     * @return the message for an allowed class the file does not import: it is unknown there, not refused
     */
    static String notImported(String name, String pkg) {
        return "Unable to resolve '" + name + "': it is not imported. Add \"import " + pkg + ".*;\" after the package line"
                + " (every rule file starts with \"package " + POLICY_PACKAGE + ";\" and \"import dev.arbiter.policy.facts.*;\","
                + " see \"The start of every rule file\" in docs/policy-authoring.md)";
    }

    /** @return the message for a member name refused whatever it is called on */
    static String memberMessage(String name) {
        return name + ": " + memberRefusal(name) + " is not allowed in policy rules";
    }
}
