/// A piece of evidence: a file referenced by its hash, or a thing described in words
/// (a sealed laptop, a notarised screenshot). Files are never copied into the journal.
public struct EvidenceRecord: Sendable, Hashable, Codable, Identifiable {
    /// `E1`, `E2`, … in the order they were added.
    public var id: String
    public var description: String?
    public var file: EvidenceFile?
    /// Where it came from: the system, the person, the export.
    public var origin: String?
    /// Every holder from the first; the last is the current custodian.
    public var custody: [CustodyChange]
    /// Every time the file was hashed again and compared, oldest first.
    public var checks: [EvidenceCheck] = []
    public var addedAt: Timestamp
    public var addedBy: String
    public var seq: Int

    public var custodian: String { custody.last?.to ?? "" }

    /// The most recent integrity check, if the file was ever checked.
    public var lastCheck: EvidenceCheck? { checks.last }

    /// The file's name, else the description: how a person recognises the item.
    public var label: String {
        description ?? file?.name ?? id
    }
}

/// What identifies an evidence file: where it was, and the SHA-256 and size it had when recorded.
public struct EvidenceFile: Sendable, Hashable, Codable {
    /// Absolute path at the time it was recorded.
    public var path: String
    public var name: String
    /// Lowercase hex SHA-256 of the file's bytes.
    public var sha256: String
    public var size: Int

    public init(path: String, name: String, sha256: String, size: Int) {
        self.path = path
        self.name = name
        self.sha256 = sha256
        self.size = size
    }

    /// 64 lowercase hex digits.
    public static func isHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}

/// One hand-over in the chain of custody (the first has no `from`: the item was taken in).
public struct CustodyChange: Sendable, Hashable, Codable {
    public var at: Timestamp
    public var from: String?
    public var to: String
    /// Who recorded it.
    public var by: String
    public var reason: String?
    public var seq: Int
}

/// What hashing a registered evidence file again found.
public enum EvidenceObservation: Sendable, Hashable {
    /// The file was read to its end: this is its path, SHA-256 and size now.
    case read(EvidenceFile)
    /// The file could not be read (gone, no permission, not a regular file any more, an I/O
    /// error part-way): why, worded as what was found.
    case unreadable(LocalizedText)
}

/// One integrity check of an evidence file: hashed again where it lies and compared with what
/// was recorded when it was registered. Recorded whatever the outcome, so that a changed or
/// unreadable file is on the timeline from the moment anyone noticed.
public struct EvidenceCheck: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
        /// Same SHA-256 and size as registered.
        case match
        /// The file is there but its bytes differ.
        case changed
        /// The file could not be read.
        case unreadable

        public var title: LocalizedText {
            switch self {
            case .match: LocalizedText(zh: "一致", en: "match")
            case .changed: LocalizedText(zh: "已改变", en: "changed")
            case .unreadable: LocalizedText(zh: "无法读取", en: "unreadable")
            }
        }
    }

    public var outcome: Outcome
    /// What was found, when the file could be read.
    public var sha256: String?
    public var size: Int?
    /// Why it could not be read.
    public var problem: LocalizedText?
    /// When hashing began; the check is recorded (`at`) once it ended, which for a disk image
    /// can be minutes later.
    public var startedAt: Timestamp?
    public var at: Timestamp
    /// Who ran the check.
    public var by: String
    public var seq: Int
}
