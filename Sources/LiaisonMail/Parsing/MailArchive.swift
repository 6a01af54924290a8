/// What a gzip or zip attachment held, as `GMimeWalker` opened it within `MailLimits`.
public enum MailArchive: Sendable {
    /// The entries in archive order (folders left out). Each has the path of the attachment plus
    /// "/archive:N", N counting from 0: entry names are the sender's text and may name people,
    /// so, like MIME paths, archive paths use positions only.
    case opened([MailArchiveEntry])
    /// Not an archive libarchive can read (truncated, corrupt, or not the declared kind).
    case unreadable
    /// An archive inside an archive: not opened, so nesting cannot multiply the bounds.
    case nested
}

/// One entry of an opened archive.
public enum MailArchiveEntry: Sendable {
    /// A regular file, as a leaf part (or a message/rfc822 part for an ".eml" entry) whose media
    /// type comes from the entry's name, else from its first bytes.
    case file(MailPart)
    /// Encrypted data (zip encryption): not read.
    case encrypted(path: String)
    /// A link, device or other non-regular entry: not read.
    case notAFile(path: String)
}
