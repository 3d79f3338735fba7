package dev.mailboard.app.operations.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Gives the benchmark's bare endpoint the same security chain as the webhook endpoints (open,
 * stateless, no CSRF), so that the two differ only in the work the webhook edge does. Registered only
 * with the endpoint itself.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "mailboard.bench.bare-endpoint")
class BareEndpointSecurity {

    @Bean
    @Order(4)
    SecurityFilterChain bareEndpointFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.pathPattern(BareEndpoint.PATH))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .anonymous(anonymous -> anonymous.disable());
        return http.build();
    }
}
