package dev.mailboard.app.mail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of tests that run Mailboard as child processes against PostgreSQL: one standalone sandbox per
 * class, and the schemas the tests made, dropped at the end when every test passed (a failed run keeps its
 * schemas for a look).
 */
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChildProcessTest {

    MailboardProcesses processes;
    MailboardProcesses.Child sandbox;
    private final List<String> schemas = new ArrayList<>();
    private boolean failed;

    @BeforeAll
    void startTheSandbox() {
        processes = MailboardProcesses.prepare();
        sandbox = processes.startSandbox();
    }

    @AfterAll
    void stopEverything() {
        if (processes != null) {
            processes.close();
        }
        if (!failed) {
            ChildMailboardFixtures.dropSchemas(schemas);
        }
    }

    /** A fresh schema for one test; it is kept unless the test reaches {@link #passed()}. */
    String newSchema() {
        String schema = MailboardProcesses.newSchema();
        schemas.add(schema);
        failed = true;
        return schema;
    }

    /** Called at the end of a test that passed: its schema may be dropped. */
    void passed() {
        failed = false;
    }
}
