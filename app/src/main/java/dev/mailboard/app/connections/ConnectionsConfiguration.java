package dev.mailboard.app.connections;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The outbound HTTP clients of the module, each with connect and read timeouts. */
@Configuration(proxyBeanMethods = false)
class ConnectionsConfiguration {

    static RestClient restClient(OAuthProperties properties) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(properties.readTimeout());
        return RestClient.builder().requestFactory(factory).build();
    }

    @Bean
    TokenEndpoint tokenEndpoint(OAuthProperties properties, Clock clock, ObjectProvider<MeterRegistry> meters) {
        return new TokenEndpoint(restClient(properties), clock, meters.getIfAvailable());
    }

    @Bean
    MailboxCheck mailboxCheck(OAuthProperties properties) {
        return new MailboxCheck(restClient(properties));
    }
}
