package dev.arbiter.security;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.arbiter.web.MaxCharacters;
import dev.arbiter.web.Problems;

/**
 * Key administration for {@link Role#ADMIN}: {@code POST /api/v1/keys} issues a key (its secret is in that answer
 * only; a name the service acts under itself, such as {@code retention-schedule}, is a 400 naming {@code clientName}),
 * {@code GET} lists keys without secrets, {@code DELETE /api/v1/keys/{keyId}} revokes one.
 */
@RestController
@RequestMapping(path = ApiKeyController.KEYS, produces = MediaType.APPLICATION_JSON_VALUE)
class ApiKeyController {

    static final String KEYS = "/api/v1/keys";

    /** A key to issue. */
    record CreateKey(@NotNull @MaxCharacters(100)
                     @Pattern(regexp = "[A-Za-z0-9](?:[A-Za-z0-9 ._@-]{0,98}[A-Za-z0-9._@-])?",
                             message = "must be letters, digits, spaces or . _ @ - (starting and ending with a letter or digit)")
                     String clientName,
                     @NotEmpty @Size(max = 5) Set<@NotNull Role> roles) {
    }

    private final ApiKeys keys;
    private final Problems problems;

    ApiKeyController(ApiKeys keys, Problems problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    IssuedKey create(@Valid @RequestBody CreateKey request, @AuthenticationPrincipal Caller caller) {
        return keys.create(request.clientName(), request.roles(), caller.name());
    }

    @GetMapping
    List<ApiKeyView> list() {
        return keys.list();
    }

    @DeleteMapping("/{keyId}")
    ApiKeyView revoke(@PathVariable String keyId, @AuthenticationPrincipal Caller caller) {
        return keys.revoke(keyId, caller.name());
    }

    /** The problem names the path parameter but not its value, and its instance is the collection, not the path. */
    @ExceptionHandler(InvalidKeyIdException.class)
    ResponseEntity<ProblemDetail> invalidKeyId(InvalidKeyIdException e) {
        ProblemDetail problem = problems.invalid(List.of(new Problems.FieldError("keyId", e.getMessage())));
        problem.setInstance(URI.create(KEYS));
        return ResponseEntity.badRequest().body(problem);
    }

    /** A name the service acts under itself (the pattern is checked before, by validation). */
    @ExceptionHandler(InvalidClientNameException.class)
    ResponseEntity<ProblemDetail> invalidClientName(InvalidClientNameException e) {
        return ResponseEntity.badRequest().body(problems.invalid(List.of(new Problems.FieldError("clientName", e.reason()))));
    }

    @ExceptionHandler(UnknownApiKeyException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownApiKeyException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problems.of(HttpStatus.NOT_FOUND, "not-found", "API key not found", e.getMessage()));
    }
}
