import CordonCore
import CordonTestSupport
import Testing

/// Shorthands for tests that work an incident through its records.
extension MemoryJournal {
    @discardableResult
    func record(_ command: RecordCommand) throws -> [Event] {
        try perform(.record(command))
    }

    /// The refusal code `command` gets, or `nil` if it was accepted.
    func refusal(_ command: RecordCommand) -> String? {
        do {
            try perform(.record(command))
            return nil
        } catch let refusal as Refusal {
            return refusal.code
        } catch {
            return "unexpected: \(error)"
        }
    }

    /// Advances through every phase, finishing or skipping required steps, until closed.
    func close() throws {
        while !state.isClosed {
            try perform(.advance(force: true, reason: "test closes the incident"))
        }
    }
}

enum Samples {
    static let hash = String(repeating: "ab", count: 32)
    static let file = EvidenceFile(path: "/evidence/db-audit-2026-11-28.csv", name: "db-audit-2026-11-28.csv", sha256: hash, size: 48_213)
}
