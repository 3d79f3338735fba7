/** The REST API of recipes, their run logs, previews and replays. */
@NullMarked
package dev.mailboard.app.recipes.web;

import org.jspecify.annotations.NullMarked;
