package dev.mailboard.sandbox;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * Runs the sandbox on its own: {@code java -jar mailboard-sandbox-exec.jar --server.port=9090
 * --mailboard.sandbox.data-dir=./sandbox-data}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class SandboxApplication {

    /** Starts the standalone sandbox. */
    public static void main(String[] args) {
        application().run(args);
    }

    /** The standalone application, with the sandbox switched on by default. */
    public static SpringApplication application() {
        var application = new SpringApplication(SandboxApplication.class);
        application.setDefaultProperties(Map.of("mailboard.sandbox.enabled", "true", "server.port", "9090"));
        return application;
    }
}
