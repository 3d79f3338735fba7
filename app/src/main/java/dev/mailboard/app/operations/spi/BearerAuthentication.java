package dev.mailboard.app.operations.spi;

import jakarta.servlet.Filter;

/** Signs in requests that carry {@code Authorization: Bearer <token>}, for the actuator endpoints. */
public interface BearerAuthentication {

    /**
     * A new filter for a security filter chain; never registered as a servlet filter bean.
     *
     * @return the filter
     */
    Filter filter();
}
