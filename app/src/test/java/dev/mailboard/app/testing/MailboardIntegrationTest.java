package dev.mailboard.app.testing;

import dev.mailboard.app.MailboardApplication;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the whole service over real HTTP on a random port, against a fresh database: H2 in the
 * default test run, PostgreSQL in the {@code postgres} run (see {@link TestDatabase}). Every test class
 * with this annotation and no other configuration shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("database")
@SpringBootTest(classes = MailboardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
@ExtendWith(TestDatabase.class)
public @interface MailboardIntegrationTest {

    /** The first admin's address in every test context. */
    String ADMIN_EMAIL = "admin@mailboard.test";

    /** The first admin's password in every test context. */
    String ADMIN_PASSWORD = "first-admin-password-for-tests";
}
