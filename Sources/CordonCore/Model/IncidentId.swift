/// `INC-20261129-001` for a real incident, `DRL-20261129-001` for a drill.
///
/// An id is checked before any path is built from it, so `../` and other surprises never reach the disk.
public struct IncidentId: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case incident = "INC"
        case drill = "DRL"
    }

    public let kind: Kind
    /// `YYYYMMDD`
    public let date: String
    public let number: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let kind = Kind(rawValue: String(parts[0])),
              parts[1].utf8.count == 8, parts[1].utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              parts[2].utf8.count == 3, parts[2].utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              let number = Int(parts[2]), number >= 1,
              let month = Int(parts[1].dropFirst(4).prefix(2)), (1...12).contains(month),
              let day = Int(parts[1].suffix(2)), (1...31).contains(day)
        else { return nil }
        self.kind = kind
        self.date = String(parts[1])
        self.number = number
    }

    public init(kind: Kind, on moment: Timestamp, number: Int) {
        let parts = moment.localParts
        self.kind = kind
        self.date = MomentFormat.date(year: parts.year, month: parts.month, day: parts.day, separator: "")
        self.number = number
    }

    public var isDrill: Bool { kind == .drill }

    public var description: String {
        "\(kind.rawValue)-\(date)-\(MomentFormat.digits(number, 3))"
    }

    public static func < (lhs: IncidentId, rhs: IncidentId) -> Bool {
        (lhs.date, lhs.number, lhs.kind.rawValue) < (rhs.date, rhs.number, rhs.kind.rawValue)
    }
}
