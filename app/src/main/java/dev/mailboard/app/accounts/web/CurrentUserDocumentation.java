package dev.mailboard.app.accounts.web;

import dev.mailboard.app.accounts.CurrentUser;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the signed-in user out of the OpenAPI document: controllers take it as a {@link CurrentUser} parameter,
 * which the server fills from the session or API token, so no client ever sends it.
 */
@Configuration(proxyBeanMethods = false)
class CurrentUserDocumentation {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }
}
