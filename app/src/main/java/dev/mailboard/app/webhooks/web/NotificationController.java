package dev.mailboard.app.webhooks.web;

import dev.mailboard.app.webhooks.ValidationWindows;
import dev.mailboard.app.webhooks.WebhooksProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Hidden;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where Graph posts change and lifecycle notifications. Each POST is checked, stored durably and
 * answered 202 within milliseconds; unknown or forged notifications are answered 202 too (so Graph does
 * not retry them and learns nothing) but never stored.
 */
@Hidden
@RestController
@RequestMapping("/webhooks/graph")
class NotificationController {

    private final NotificationIntake intake;
    private final ValidationWindows windows;
    private final WebhooksProperties properties;
    private final Timer latency;

    NotificationController(
            NotificationIntake intake,
            ValidationWindows windows,
            WebhooksProperties properties,
            MeterRegistry registry) {
        this.intake = intake;
        this.windows = windows;
        this.properties = properties;
        this.latency = Timer.builder("mailboard.webhooks.latency")
                .description("Time to check, store and acknowledge a POST of notifications")
                .publishPercentileHistogram()
                .register(registry);
    }

    @PostMapping("/notifications")
    ResponseEntity<String> changes(
            @RequestParam(required = false) @Nullable String validationToken,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            @RequestBody(required = false) @Nullable String body) {
        return handle(validationToken, contentType, body, false);
    }

    @PostMapping("/lifecycle")
    ResponseEntity<String> lifecycle(
            @RequestParam(required = false) @Nullable String validationToken,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            @RequestBody(required = false) @Nullable String body) {
        return handle(validationToken, contentType, body, true);
    }

    private ResponseEntity<String> handle(
            @Nullable String validationToken, @Nullable String contentType, @Nullable String body, boolean lifecycle) {
        if (validationToken != null) {
            return validate(validationToken);
        }
        if (contentType == null
                || !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))) {
            return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).build();
        }
        String json = body == null ? "" : body;
        return answer(latency.record(() -> intake.accept(json, lifecycle)));
    }

    /** The handshake when a subscription is created or renewed: echo the token as plain text (S-19, S-20). */
    private ResponseEntity<String> validate(String validationToken) {
        if (validationToken.length() > properties.validationTokenMaxLength()) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("validationToken too long");
        }
        if (!windows.isOpen()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("No subscription request is in flight");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(validationToken);
    }

    private static ResponseEntity<String> answer(NotificationIntake.Result result) {
        return switch (result) {
            case ACCEPTED -> ResponseEntity.accepted().build();
            case BAD_REQUEST -> ResponseEntity.badRequest().build();
            case TOO_MANY_ITEMS ->
                ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
            case UNAVAILABLE ->
                ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header("Retry-After", "5")
                        .build();
        };
    }
}
