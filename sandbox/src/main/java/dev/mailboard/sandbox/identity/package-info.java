/** The emulated Microsoft identity platform: authorize with a consent page, token endpoint, JWKS and OpenID metadata. */
@NullMarked
package dev.mailboard.sandbox.identity;

import org.jspecify.annotations.NullMarked;
