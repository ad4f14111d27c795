import CordonCore
import CordonStore
import CordonTestSupport
import Foundation
import Testing

/// Checkpoints are trusted only by a fold of the revision that wrote them, so a change to what
/// the fold makes of events must come with a new `IncidentState.foldRevision`. This folds a
/// seeded timeline that touches every kind of event and compares the state with the one recorded
/// for the current revision: a change fails here until the revision is bumped and recorded.
@Suite("Fold revision")
struct FoldRevisionTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func folded() throws -> IncidentState {
        var playbook = try PlaybookLoader.load(path: Fixtures.repository + "/playbooks/pi-leak.yaml").playbook
        // Grading that completes its step is a rule, not the fold: left off, the seeded timeline
        // stays the one each revision's file was recorded from.
        for phase in playbook.phases.indices {
            for step in playbook.phases[phase].steps.indices { playbook.phases[phase].steps[step].doneByGrading = false }
        }
        let journal = MemoryJournal(playbook: playbook, severity: .serious)
        var responder = RandomResponder(seed: 2026, playbook: playbook)
        while journal.state.lastSeq < 400 {
            journal.clock.advance(seconds: responder.draw(1...900))
            _ = try? journal.perform(responder.next(journal.state))
        }
        return try IncidentState.fold(journal.events)
    }

    @Test("the fold gives the state recorded for its revision")
    func foldMatchesItsRevision() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let actual = String(decoding: try encoder.encode(try Self.folded()), as: UTF8.self) + "\n"
        let file = Self.directory.appendingPathComponent("fold-revision-\(IncidentState.foldRevision).json")
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            if ProcessInfo.processInfo.environment["CORDON_RECORD_SNAPSHOTS"] == "1" {
                try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
                try actual.write(to: file, atomically: true, encoding: .utf8)
            } else {
                Issue.record("No Snapshots/\(file.lastPathComponent); record it with CORDON_RECORD_SNAPSHOTS=1 swift test")
            }
            return
        }
        #expect(
            expected == actual,
            "The fold now makes a different state of the same events. Bump IncidentState.foldRevision (so checkpoints written by the old fold are ignored), then record Snapshots/fold-revision-N.json with CORDON_RECORD_SNAPSHOTS=1; a revision's file is never re-recorded.")
    }
}
