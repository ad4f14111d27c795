import CordonCore

enum Samples {
    static let hash = String(repeating: "ab", count: 32)
    static let file = EvidenceFile(path: "/evidence/db-audit-2026-11-28.csv", name: "db-audit-2026-11-28.csv", sha256: hash, size: 48_213)
}
