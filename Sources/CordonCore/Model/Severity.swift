import Foundation

/// The Chinese four-level incident grading, lowest first.
public enum Severity: String, Sendable, CaseIterable, Codable, Comparable {
    case general
    case serious
    case major
    case critical

    public var title: LocalizedText {
        switch self {
        case .general: LocalizedText(zh: "一般", en: "general")
        case .serious: LocalizedText(zh: "较大", en: "serious")
        case .major: LocalizedText(zh: "重大", en: "major")
        case .critical: LocalizedText(zh: "特别重大", en: "critical")
        }
    }

    private var rank: Int { Severity.allCases.firstIndex(of: self)! }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// Accepts the English code or the Chinese name, as a responder might type either.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let match = Severity.allCases.first(where: { $0.rawValue == trimmed || $0.title.zh == trimmed }) else {
            return nil
        }
        self = match
    }
}
