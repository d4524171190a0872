package dev.arbiter.support;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.arbiter.security.ApiKeys;
import dev.arbiter.security.Role;

/**
 * Base of tests that talk to the running service over real HTTP; subclasses carry the
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} annotation that starts it. {@link #api} authenticates with
 * an ADMIN key (allowed everywhere); {@link #apiAs} gives a client with exactly the roles a test needs.
 */
public abstract class HttpServiceTest {

    @LocalServerPort
    protected int port;

    /** The service's own database, to check what was (not) stored. */
    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected ApiKeys keys;

    protected Api api;

    private final Map<String, Api> named = new HashMap<>();

    @BeforeEach
    void connectToTheService() {
        api = apiAs("test-admin", Role.ADMIN);
    }

    /** @return a client with a new key bound to {@code clientName} and exactly the given roles */
    protected Api apiAs(String clientName, Role first, Role... more) {
        return new Api(port, keys.create(clientName, EnumSet.of(first, more), "test").key());
    }

    /**
     * @return an ADMIN client named {@code clientName}, the same one for the same name within a test: for tests
     * about who did what (audit log, history), where the name is what matters
     */
    protected Api client(String clientName) {
        return named.computeIfAbsent(clientName, name -> apiAs(name, Role.ADMIN));
    }

    /** @return a client that sends no API key */
    protected Api anonymous() {
        return new Api(port, null);
    }
}
