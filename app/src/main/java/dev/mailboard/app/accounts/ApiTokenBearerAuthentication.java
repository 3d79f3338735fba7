package dev.mailboard.app.accounts;

import dev.mailboard.app.operations.spi.BearerAuthentication;
import jakarta.servlet.Filter;
import org.springframework.stereotype.Component;

/** Lets a metrics scraper sign in with an admin's personal API token. */
@Component
class ApiTokenBearerAuthentication implements BearerAuthentication {

    private final ApiTokens apiTokens;

    ApiTokenBearerAuthentication(ApiTokens apiTokens) {
        this.apiTokens = apiTokens;
    }

    @Override
    public Filter filter() {
        return new ApiTokenAuthenticationFilter(apiTokens);
    }
}
