package dev.arbiter.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;

import dev.arbiter.support.HttpServiceTest;

/**
 * The admin UI is served by the service at {@code /admin}, without a key (its files hold no data), with a strict
 * Content-Security-Policy; the API behind it still needs a key; and the UI's own files never turn data into markup
 * and hold nothing inline that the policy would have to allow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminUiServingTest extends HttpServiceTest {

    private static final Path UI = Path.of("admin-ui");

    @Test
    void adminRedirectsToTheUi() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/admin/");
    }

    @Test
    void theUiOpensWithoutAKey() {
        HttpResponse<String> page = anonymous().get("/admin/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<title>Arbiter admin</title>").contains("<script type=\"module\" src=\"js/main.js\"></script>");
    }

    @Test
    void everyFileOfTheUiIsServedUnderAdminWithItsType() throws IOException {
        for (Path file : uiFiles()) {
            String path = "/admin/" + UI.relativize(file).toString().replace('\\', '/');
            HttpResponse<String> response = anonymous().get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).isEqualTo(Files.readString(file));
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (path.endsWith(".js")) {
                assertThat(type).as(path).matches("(text|application)/javascript.*");
            } else if (path.endsWith(".css")) {
                assertThat(type).as(path).startsWith("text/css");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/admin/", "/admin/js/main.js", "/admin/admin.css"})
    void uiAnswersCarryAStrictContentSecurityPolicy(String path) {
        HttpResponse<String> response = anonymous().get(path);

        String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(policy).contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval", "data:", "*");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/policies/active", "/api/v1/traces", "/administration", "/admin-ui/index.html"})
    void everythingElseStillNeedsAKey(String path) {
        assertThat(anonymous().get(path).statusCode()).as(path).isEqualTo(401);
    }

    @Test
    void theUiNeverWritesMarkupFromData() throws IOException {
        Pattern markupSinks = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|new Function");
        for (Path file : uiFiles()) {
            if (file.toString().endsWith(".js")) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContainPattern(markupSinks);
            }
        }
    }

    @Test
    void thePageHoldsNoInlineScriptOrStyle() throws IOException {
        String page = Files.readString(UI.resolve("index.html"));

        assertThat(page).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain("<style")
                .doesNotContainPattern("\\sstyle=").doesNotContainPattern("\\son[a-z]+=").doesNotContain("javascript:");
    }

    private static List<Path> uiFiles() throws IOException {
        try (Stream<Path> files = Files.walk(UI)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
