import CordonCore
import CordonTestSupport
import Testing

@Suite struct RecordFoldTests {
    func event(_ seq: Int, _ type: String, _ data: JSONObject) -> Event {
        Event(seq: seq, ts: Fixtures.start.adding(seconds: seq), actor: "tester", type: type, data: data, prev: Event.genesisHash)
    }

    @Test func aTimelineFromBeforeRecordsFoldsToEmptyRecords() throws {
        let state = try IncidentState.fold([Fixtures.declaration()])
        #expect(state.evidence.isEmpty && state.findings.isEmpty && state.actions.isEmpty && state.accountability.isEmpty)
        #expect(state.scope == nil)
        #expect(state.noticeFacts.isEmpty)
    }

    @Test func recordEventsWithUnreadableDataAreCountedNotFolded() throws {
        let state = try IncidentState.fold([
            Fixtures.declaration(),
            event(2, EventType.evidenceAdded, ["evidence": "E1"]),
            event(3, EventType.evidenceTransferred, ["evidence": "E9", "to": "x"]),
            event(4, EventType.scopeAssessed, ["categories": "phone"]),
            event(5, EventType.actionAdded, ["action": "A1", "title": "t", "owner": "o", "due": "tomorrow"]),
            event(6, EventType.findingAdded, ["finding": "F1", "kind": "hunch", "text": "t"]),
        ])
        #expect(state.unknownEventCount == 5)
        #expect(state.evidence.isEmpty && state.scope == nil && state.actions.isEmpty && state.findings.isEmpty)
    }

    @Test func theFoldFollowsTheEventsNotTheRules() throws {
        let state = try IncidentState.fold([
            Fixtures.declaration(),
            event(2, EventType.actionAdded, ["action": "A7", "title": "t", "owner": "李明", "due": "2026-12-31"]),
            event(3, EventType.actionUpdated, ["action": "A7", "status": "done"]),
        ])
        #expect(state.actions.map(\.id) == ["A7"])
        #expect(state.actions[0].status == .done)
        #expect(state.actions[0].updates[0].by == "tester")
    }
}
