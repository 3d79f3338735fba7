/**
 * Accounts (tenants), their users and roles, login and API tokens, account permissions and the
 * audit log.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"operations", "operations :: spi"})
package dev.mailboard.app.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
