import CordonCore

/// Shorthands for tests that work an incident through its records.
extension MemoryJournal {
    @discardableResult
    public func record(_ command: RecordCommand) throws -> [Event] {
        try perform(.record(command))
    }

    /// The refusal code `command` gets, or `nil` if it was accepted.
    public func refusal(_ command: RecordCommand) -> String? {
        do {
            try perform(.record(command))
            return nil
        } catch let refusal as Refusal {
            return refusal.code
        } catch {
            return "unexpected: \(error)"
        }
    }

    /// Advances through every phase, forcing past open steps, until the incident is closed.
    public func close() throws {
        while !state.isClosed {
            try perform(.advance(force: true, reason: "test closes the incident"))
        }
    }
}
