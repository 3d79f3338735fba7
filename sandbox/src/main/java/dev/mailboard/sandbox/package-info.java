/** A local emulator of the Microsoft identity platform and Microsoft Graph mail, reached only over HTTP. */
@NullMarked
package dev.mailboard.sandbox;

import org.jspecify.annotations.NullMarked;
