package dev.mailboard.app.mail.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An attachment's metadata, without content.
 *
 * @param odataType {@code #microsoft.graph.fileAttachment}, {@code itemAttachment} or
 *     {@code referenceAttachment}
 * @param id the attachment id
 * @param name the file name
 * @param contentType the MIME type
 * @param size the size in bytes
 * @param isInline whether it is shown inside the body
 */
// contentBytes is skipped while streaming, never buffered: a list may carry huge attachments (S-57)
@JsonIgnoreProperties(value = "contentBytes", ignoreUnknown = true)
public record GraphAttachment(
        @JsonProperty("@odata.type") @Nullable String odataType,
        String id,
        @Nullable String name,
        @Nullable String contentType,
        long size,
        boolean isInline) {

    /** The {@code $select} of an attachment list (no content). */
    static final String SELECT = "id,name,contentType,size,isInline";

    /** Whether this is a file attachment, the only kind whose content is copied. */
    public boolean isFile() {
        return odataType == null || odataType.endsWith("fileAttachment");
    }
}
