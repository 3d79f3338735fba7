package dev.mailboard.app.boards.web;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.boards.Actor;
import dev.mailboard.app.boards.BoardNotFoundException;
import dev.mailboard.app.boards.Boards;
import dev.mailboard.app.boards.FileContent;
import dev.mailboard.app.boards.FileId;
import dev.mailboard.app.boards.FileView;
import dev.mailboard.app.boards.ItemId;
import dev.mailboard.app.boards.UpdateId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files attached to items: upload, list, download. Downloads are always attachments with the stored
 * content type and {@code nosniff}; only raster images have an inline preview.
 */
@RestController
@Tag(name = "Files", description = "Files attached to items and updates")
class FilesRestController {

    private final Boards boards;

    FilesRestController(Boards boards) {
        this.boards = boards;
    }

    @PostMapping(path = "/api/v1/items/{itemId}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a file to an item, or to one of its updates (editors); too large answers 413")
    FileView upload(
            CurrentUser user,
            @PathVariable long itemId,
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) @Nullable UUID updateId) {
        String name = file.getOriginalFilename();
        try (InputStream content = file.getInputStream()) {
            return boards.attachFile(
                    Actor.of(user),
                    new ItemId(itemId),
                    updateId == null ? null : new UpdateId(updateId),
                    name == null ? "file" : name,
                    file.getContentType(),
                    content);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the upload", e);
        }
    }

    @GetMapping("/api/v1/items/{itemId}/files")
    @Operation(summary = "List the files attached to an item, newest first")
    List<FileView> list(CurrentUser user, @PathVariable long itemId) {
        return boards.files(Actor.of(user), new ItemId(itemId));
    }

    @GetMapping("/api/v1/files/{fileId}")
    @Operation(summary = "Download a file (always as an attachment)")
    ResponseEntity<Resource> download(CurrentUser user, @PathVariable UUID fileId) {
        FileContent content = boards.file(Actor.of(user), new FileId(fileId));
        return serve(content, ContentDisposition.attachment());
    }

    @GetMapping("/api/v1/files/{fileId}/preview")
    @Operation(summary = "Show a PNG, JPEG, GIF or WebP image inline; other files have no preview (404)")
    ResponseEntity<Resource> preview(CurrentUser user, @PathVariable UUID fileId) {
        FileContent content = boards.file(Actor.of(user), new FileId(fileId));
        if (!content.file().isInlineImage()) {
            throw new BoardNotFoundException("preview of file " + fileId + " (only images have one)");
        }
        return serve(content, ContentDisposition.inline());
    }

    private static ResponseEntity<Resource> serve(FileContent content, ContentDisposition.Builder disposition) {
        FileView file = content.file();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        disposition
                                .filename(file.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(content.path()));
    }
}
