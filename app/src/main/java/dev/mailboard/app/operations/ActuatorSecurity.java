package dev.mailboard.app.operations;

import dev.mailboard.app.operations.spi.BearerAuthentication;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Health probes are public; metrics need an account admin (signed in, or with an API token as
 * {@code Authorization: Bearer}) unless {@code MAILBOARD_METRICS_PUBLIC=true};
 * every other actuator endpoint is closed.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

    @Bean
    @Order(5)
    SecurityFilterChain actuatorFilterChain(
            HttpSecurity http, OperationsProperties properties, List<BearerAuthentication> bearers) throws Exception {
        for (BearerAuthentication bearer : bearers) {
            http.addFilterBefore(bearer.filter(), AnonymousAuthenticationFilter.class);
        }
        http.securityMatcher(PathPatternRequestMatcher.pathPattern("/actuator/**"))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                            .permitAll();
                    if (properties.metricsPublic()) {
                        auth.requestMatchers("/actuator/prometheus").permitAll();
                    } else {
                        auth.requestMatchers("/actuator/prometheus").hasRole("ADMIN");
                    }
                    auth.anyRequest().denyAll();
                })
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
