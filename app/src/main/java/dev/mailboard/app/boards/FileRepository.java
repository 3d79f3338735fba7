package dev.mailboard.app.boards;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores what is known about attached files; their bytes are in the {@link FileStore}. */
@Repository
class FileRepository {

    private final JdbcClient jdbc;

    FileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(FileView file, String storageKey) {
        UpdateId updateId = file.updateId();
        jdbc.sql("insert into item_file (id, item_id, update_id, file_name, content_type, size_bytes, storage_key,"
                        + " created_at, " + AuthorColumns.names("uploaded_by")
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .param(file.id().value())
                .param(file.itemId().value())
                .param(updateId == null ? null : updateId.value())
                .param(file.fileName())
                .param(file.contentType())
                .param(file.size())
                .param(storageKey)
                .param(Timestamp.from(file.createdAt()))
                .params(AuthorColumns.values(file.uploadedBy()))
                .update();
    }

    Optional<StoredFile> find(FileId id) {
        return jdbc.sql("select * from item_file where id = ?")
                .param(id.value())
                .query(FileRepository::stored)
                .optional();
    }

    List<FileView> findByItem(ItemId itemId) {
        return jdbc
                .sql("select * from item_file where item_id = ? order by created_at desc, id")
                .param(itemId.value())
                .query(FileRepository::stored)
                .list()
                .stream()
                .map(StoredFile::view)
                .toList();
    }

    List<String> storageKeys(ItemId itemId) {
        return jdbc.sql("select storage_key from item_file where item_id = ?")
                .param(itemId.value())
                .query(String.class)
                .list();
    }

    private static StoredFile stored(ResultSet rs, int n) throws SQLException {
        UUID update = rs.getObject("update_id", UUID.class);
        FileView view = new FileView(
                new FileId(rs.getObject("id", UUID.class)),
                new ItemId(rs.getLong("item_id")),
                update == null ? null : new UpdateId(update),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                AuthorColumns.read(rs, "uploaded_by"),
                rs.getTimestamp("created_at").toInstant());
        return new StoredFile(view, rs.getString("storage_key"));
    }

    /** A file row with the key of its bytes. */
    record StoredFile(FileView view, String storageKey) {}
}
