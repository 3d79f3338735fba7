package dev.mailboard.sandbox.identity;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Registers the identity platform's beans. */
@Configuration(proxyBeanMethods = false)
@Import({
    SigningKeys.class,
    AppRegistry.class,
    Tenants.class,
    AuthorizationCodes.class,
    TokenIssuer.class,
    TokenGrants.class,
    AccessTokens.class,
    Grants.class,
    AuthorizeController.class,
    TokenController.class,
    DiscoveryController.class
})
public class IdentityConfiguration {}
