package dev.arbiter.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of tests that talk to the running service over real HTTP; subclasses carry the
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} annotation that starts it.
 */
public abstract class HttpServiceTest {

    @LocalServerPort
    protected int port;

    /** The service's own database, to check what was (not) stored. */
    @Autowired
    protected JdbcClient jdbc;

    protected Api api;

    @BeforeEach
    void connectToTheService() {
        api = new Api(port);
    }
}
