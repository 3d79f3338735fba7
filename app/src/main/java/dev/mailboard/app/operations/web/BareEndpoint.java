package dev.mailboard.app.operations.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's baseline for the webhook edge: {@code POST /bench/bare} reads the body as the webhook
 * endpoint does and answers 202 without doing anything else. It exists only when
 * {@code mailboard.bench.bare-endpoint=true}, which the bench command sets on the instance it starts;
 * otherwise the path answers 404.
 */
@Hidden
@RestController
@ConditionalOnBooleanProperty(name = "mailboard.bench.bare-endpoint")
class BareEndpoint {

    /** The path, also matched by {@link BareEndpointSecurity}. */
    static final String PATH = "/bench/bare";

    @PostMapping(PATH)
    ResponseEntity<Void> accept(@RequestBody(required = false) @Nullable String body) {
        return ResponseEntity.accepted().build();
    }
}
