/**
 * The inbound edge for Microsoft Graph change and lifecycle notifications: check, store durably, answer
 * 202. Nothing slow happens here: no call to Graph, the token vault or boards.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package dev.mailboard.app.webhooks;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
