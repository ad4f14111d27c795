import CordonCore
import CordonTestSupport
import Foundation
import Testing

@Suite("The fold")
struct FoldTests {
    @Test("events of a type this version does not know are counted and leave the state alone")
    func unknownTypes() throws {
        let declaration = Fixtures.declaration()
        var state = try IncidentState(declaration: declaration)
        let before = state
        state.apply(Event(seq: 2, ts: Fixtures.start, actor: "a", type: "evidence.sealed", data: ["id": "E1"], prev: Event.genesisHash))
        state.apply(Event(seq: 3, ts: Fixtures.start, actor: "a", type: EventType.stepCompleted, data: ["no-step": true], prev: Event.genesisHash))
        #expect(state.unknownEventCount == 2)
        #expect(state.steps == before.steps)
        #expect(state.lastSeq == 3)
    }

    @Test("a timeline must start with a declaration")
    func firstEventMustDeclare() {
        let note = Event(seq: 1, ts: Fixtures.start, actor: "a", type: EventType.noteAdded, data: ["text": "x"], prev: Event.genesisHash)
        #expect(throws: IncidentState.FoldError.self) { try IncidentState.fold([note]) }
        #expect(throws: IncidentState.FoldError.self) { try IncidentState.fold([Event]()) }
    }

    @Test("the declaration carries severity and detection time; --actor shows beside the login")
    func declarationFacts() throws {
        let detected = Fixtures.start.adding(seconds: -7200)
        let state = try IncidentState(declaration: Fixtures.declaration(severity: .major, detectedAt: detected))
        #expect(state.severity == .major)
        #expect(state.detectedAt == detected)
        #expect(state.severityHistory.count == 1)

        let event = Event(seq: 2, ts: Fixtures.start, actor: "zhangwei", type: EventType.noteAdded, data: ["text": "x", "as": "李娜"], prev: Event.genesisHash)
        #expect(event.actorLabel == "zhangwei (李娜)")
    }

    @Test("folding all events equals applying them one by one, and survives a Codable round trip")
    func foldIsReduce() throws {
        let journal = MemoryJournal(severity: .serious)
        try journal.perform(.step("isolate", .start))
        try journal.perform(.note("第一条"))
        try journal.perform(.assign(role: "legal", person: "李娜"))
        try journal.perform(.step("isolate", .done))
        #expect(try IncidentState.fold(journal.events) == journal.state)
        let encoded = try JSONEncoder().encode(journal.state)
        #expect(try JSONDecoder().decode(IncidentState.self, from: encoded) == journal.state)
    }
}
