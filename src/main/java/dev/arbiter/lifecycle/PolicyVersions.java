package dev.arbiter.lifecycle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.arbiter.policy.ActivePolicy;
import dev.arbiter.policy.PolicyBundle;
import dev.arbiter.policy.PolicyFiles;
import dev.arbiter.policy.PolicyLoadException;
import dev.arbiter.policy.PolicyLoader;
import dev.arbiter.policy.PolicyProperties;

/**
 * Compiled bundles of stored policy versions, for evaluating a decision again under the version that took it (or
 * any other). The active bundle is returned as it is; others are compiled from their stored files and the few most
 * recently used are kept. Thread-safe.
 */
@Service
public class PolicyVersions {

    /** Compiled bundles kept besides the active one: each holds compiled DMN models and a DRL knowledge base. */
    static final int CACHED_BUNDLES = 4;

    private final PolicyHistory history;
    private final ActivePolicy active;
    private final PolicyLoader loader;
    private final Map<String, PolicyBundle> cache = new LinkedHashMap<>(CACHED_BUNDLES * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PolicyBundle> eldest) {
            return size() > CACHED_BUNDLES;
        }
    };

    PolicyVersions(PolicyHistory history, ActivePolicy active, PolicyProperties properties) {
        this.history = history;
        this.active = active;
        this.loader = properties.loader();
    }

    /**
     * @param version a policy version (the SHA-256 of its files)
     * @return the compiled bundle of that version, or empty when no such version is stored
     * @throws PolicyLoadException when the stored files of that version no longer compile with this service
     */
    public Optional<PolicyBundle> bundle(String version) {
        PolicyBundle current = active.current();
        if (current.version().equals(version)) {
            return Optional.of(current);
        }
        synchronized (cache) {
            PolicyBundle cached = cache.get(version);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        Optional<StoredVersion> stored = history.find(version);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        // Compiled outside the lock: compiling takes a while, and two threads compiling the same version is harmless.
        PolicyBundle compiled = loader.load(new PolicyFiles(stored.get().files()));
        synchronized (cache) {
            return Optional.of(cache.computeIfAbsent(version, key -> compiled));
        }
    }
}
