import CordonCore
import CordonTestSupport
import Testing

/// A drill whose facilitator's console crashed or lost its line is taken over from another
/// console; only one console conducts at a time, and an inject is never delivered twice.
@Suite("Drill take-over")
struct DrillTakeOverTests {
    /// A drill started by `first` at 60×, five drill minutes in, its console then gone quiet
    /// for an hour of wall time: the clock stands at the first inject, undelivered.
    func abandoned() throws -> (MemoryDrillJournal, first: DrillConductor) {
        let journal = MemoryDrillJournal(scenario: Fixtures.scenario)
        let first = DrillConductor(journal: journal, scenario: Fixtures.scenario, console: "first")
        try first.start(speed: 60, seed: 1)
        try journal.run(first, toOffset: 300)
        journal.advanceWall(millis: 3_600_000)
        return (journal, first)
    }

    func offset(_ journal: MemoryDrillJournal, _ conductor: DrillConductor) -> Int {
        journal.state.drill!.startedAt.seconds(to: conductor.now)
    }

    @Test("a drill nobody conducts stands at its next inject, and another console cannot move it without taking over")
    func stuckUntilTakenOver() throws {
        let (journal, _) = try abandoned()
        let second = DrillConductor(journal: journal, scenario: Fixtures.scenario, console: "second")
        #expect(offset(journal, second) == 600, "the clock waits at the inject")
        #expect(try second.tick().isEmpty, "only the console conducting the drill delivers")
        #expect(journal.state.drill?.delivered.isEmpty == true)
        #expect(!second.isConducting)
        do {
            try second.perform(.skipToNextInject)
            Issue.record("a console that does not conduct the drill moved its clock")
        } catch let refusal as Refusal {
            #expect(refusal.code == "drill-conducted-elsewhere")
            #expect(refusal.message.zh.contains("由 facilitator 在另一控制台主持"))
            #expect(refusal.message.en.contains("take it over with T"))
        }
        #expect(throws: Refusal.self) { try second.end() }
    }

    @Test("the take-over is recorded with the new facilitator and the clock held; then the drill goes on from there")
    func takeOver() throws {
        let (journal, first) = try abandoned()
        journal.actor = "lina"
        let second = DrillConductor(journal: journal, scenario: Fixtures.scenario, console: "second")
        let written = try second.takeOver()
        #expect(written.map(\.type) == [EventType.drillClock])
        #expect(written[0].data.string("action") == "takeover")
        #expect(written[0].data.string("console") == "second")
        #expect(written[0].data.string("previous") == "facilitator")
        #expect(EventText.summary(written[0], playbook: journal.playbook, language: .zh) == "接管演练时钟（原主持人 facilitator），时钟暂停")
        #expect(EventText.summary(written[0], playbook: journal.playbook, language: .en) == "took over the drill clock from facilitator; clock held")
        let drill = try #require(journal.state.drill)
        #expect(drill.facilitator == "lina")
        #expect(drill.facilitatorConsole == "second")
        #expect(!drill.clock.isRunning)
        #expect(second.isConducting && !first.isConducting)
        #expect(throws: Refusal.self) { try second.takeOver() }

        journal.advanceWall(millis: 600_000)
        #expect(offset(journal, second) == 600, "held until the new facilitator resumes")
        try second.perform(.resume)
        #expect(try second.tick().first?.data.string("inject") == "reporter")
        #expect(journal.state.drill?.delivered.map(\.due) == [600])

        let folded = try IncidentState.fold(journal.events)
        #expect(folded.drill?.facilitator == "lina", "replay and other consoles read the take-over off the timeline")
        #expect(folded == journal.state)
    }

    @Test("the old facilitator's console, still running after all, delivers nothing, moves nothing and ends nothing")
    func oldFacilitatorStandsAside() throws {
        let (journal, first) = try abandoned()
        let second = DrillConductor(journal: journal, scenario: Fixtures.scenario, console: "second")
        try second.takeOver()
        try second.perform(.resume)
        try journal.run(second, toOffset: 1800)
        let delivered = journal.state.drill?.delivered.map(\.inject)
        #expect(delivered == ["reporter", "regulator-call"])
        journal.advanceWall(millis: 7_200_000)
        #expect(try first.tick().isEmpty, "the next inject is due, but not from this console")
        #expect(throws: Refusal.self) { try first.perform(.pause) }
        #expect(throws: Refusal.self) { try first.end(.hangup) }
        #expect(journal.state.drill?.hasEnded == false)
        #expect(journal.state.drill?.delivered.map(\.inject) == delivered)
        #expect(DrillRules.due(scenario: Fixtures.scenario, state: journal.state, playbook: journal.playbook, now: second.now, wall: journal.wall.now(), console: "first").isEmpty)
        #expect(DrillRules.due(scenario: Fixtures.scenario, state: journal.state, playbook: journal.playbook, now: second.now, wall: journal.wall.now(), console: "second").map(\.type).contains(EventType.injectDelivered))
    }

    @Test("a drill started before consoles were told apart may be taken over, and an inject already delivered is not delivered again")
    func olderDrills() throws {
        let journal = MemoryDrillJournal(scenario: Fixtures.scenario)
        try journal.record { DrillRules.start(scenario: Fixtures.scenario, seed: 1, speed: 60, state: $0, playbook: journal.playbook, wall: journal.wall.now()) }
        #expect(journal.state.drill?.facilitatorConsole == nil)
        let one = DrillConductor(journal: journal, scenario: Fixtures.scenario, console: "one")
        let other = DrillConductor(journal: journal, scenario: Fixtures.scenario, console: "other")
        journal.advanceWall(millis: 10_000)
        #expect(try one.tick().count == 1)
        #expect(DrillRules.due(scenario: Fixtures.scenario, state: journal.state, playbook: journal.playbook, now: other.now, wall: journal.wall.now(), console: "other").isEmpty, "the inject is delivered; it is never due again")
        try other.takeOver()
        #expect(journal.state.drill?.facilitatorConsole == "other")
        #expect(journal.state.drill?.facilitator == "facilitator")
    }
}
