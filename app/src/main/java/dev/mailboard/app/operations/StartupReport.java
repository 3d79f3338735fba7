package dev.mailboard.app.operations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says where Mailboard can be opened once it is ready. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final ServiceProperties properties;
    private final Environment environment;

    StartupReport(ServiceProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        String url = properties.publicUrl().toString().replaceAll("/+$", "");
        boolean sandbox = environment.getProperty("mailboard.sandbox.enabled", Boolean.class, false);
        log.info(
                "Mailboard is ready at {}/ (data in {}){}",
                url,
                properties.dataDir().toAbsolutePath().normalize(),
                sandbox ? "; the Microsoft sandbox (mailboxes, test mail) is at " + url + "/sandbox" : "");
    }
}
