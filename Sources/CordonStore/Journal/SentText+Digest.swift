import CordonCore

extension SentText {
    /// The text as it went out, sealed with the SHA-256 of its UTF-8 bytes.
    public init(sealing text: String, subject: String?, source: Source) {
        self.init(subject: subject, text: text, sha256: LineHash.hex(Array(text.utf8)), source: source)
    }
}
