package dev.mailboard.app.jobs;

import dev.mailboard.app.jobs.spi.JobHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The job handlers of all modules, by job type. */
@Component
class JobHandlers {

    private final Map<String, JobHandler<?>> byType = new HashMap<>();

    JobHandlers(List<JobHandler<?>> handlers) {
        for (JobHandler<?> handler : handlers) {
            String type = typeOf(handler.commandType());
            JobHandler<?> previous = byType.put(type, handler);
            if (previous != null) {
                throw new IllegalStateException("Two job handlers for the job type " + type + ": "
                        + previous.getClass().getName() + " and "
                        + handler.getClass().getName());
            }
        }
    }

    Optional<JobHandler<?>> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    static String typeOf(Class<?> commandType) {
        return commandType.getSimpleName();
    }
}
