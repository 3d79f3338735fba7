package dev.mailboard.app.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may reach what: form login with a session for pages, API tokens or the session for
 * {@code /api}, and the security headers every response carries.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * The API: a personal API token ({@code Authorization: Bearer}) or the browser session. A request
     * with an {@code Authorization} header is judged by that header alone, so only it skips CSRF.
     */
    @Bean
    @Order(10)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens apiTokens) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.pathPattern("/api/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .addFilterBefore(new ApiTokenAuthenticationFilter(apiTokens), AnonymousAuthenticationFilter.class)
                .exceptionHandling(ex -> ex.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .csrf(csrf -> csrf.ignoringRequestMatchers(ApiTokenAuthenticationFilter::hasAuthorizationHeader));
        return withHeaders(http).build();
    }

    /** Pages: form login with lockout, the session, and a few public pages (login, invitations). */
    @Bean
    @Order(20)
    SecurityFilterChain pageSecurity(
            HttpSecurity http,
            AccountUserDetailsService userDetails,
            PasswordEncoder passwordEncoder,
            UserRepository users,
            LoginAttempts attempts)
            throws Exception {
        http.authenticationManager(new ProviderManager(
                        new LockingAuthenticationProvider(userDetails, passwordEncoder, users, attempts)))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login",
                                "/invitations/*",
                                "/error",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        return withHeaders(http).build();
    }

    private static HttpSecurity withHeaders(HttpSecurity http) throws Exception {
        return http.headers(
                headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.DEFAULT))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
    }
}
