package dev.mailboard.app.boards;

import dev.mailboard.app.accounts.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Reads and writes an {@link Author} as four columns that share a prefix ({@code author_kind}, ...). */
final class AuthorColumns {

    private AuthorColumns() {}

    static String names(String prefix) {
        return prefix + "_kind, " + prefix + "_user_id, " + prefix + "_name, " + prefix + "_source";
    }

    static Object[] values(Author author) {
        @Nullable UserId userId = author.userId();
        return new Object[] {
            author.kind(), userId == null ? null : userId.value(), shorten(author.name(), 200), author.sourceEmail()
        };
    }

    static Author read(ResultSet rs, String prefix) throws SQLException {
        UUID userId = rs.getObject(prefix + "_user_id", UUID.class);
        return new Author(
                rs.getString(prefix + "_kind"),
                userId == null ? null : new UserId(userId),
                rs.getString(prefix + "_name"),
                rs.getString(prefix + "_source"));
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
