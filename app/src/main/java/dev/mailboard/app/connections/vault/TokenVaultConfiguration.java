package dev.mailboard.app.connections.vault;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates the token vault from the settings; start-up fails when no usable key is configured (S-34). */
@Configuration(proxyBeanMethods = false)
class TokenVaultConfiguration {

    @Bean
    TokenBackend tokenBackend(
            ConnectionsProperties properties, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        return TokenBackend.create(properties, jdbc, transactions, clock);
    }

    @Bean
    TokenVault tokenVault(TokenBackend backend) {
        return new TokenVault(backend.store());
    }

    @Bean
    KeyRotation keyRotation(TokenBackend backend, Clock clock) {
        return new KeyRotation(backend.store(), backend.kek(), clock);
    }
}
