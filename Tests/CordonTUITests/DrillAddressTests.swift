import CordonCore
import CordonTestSupport
import Testing
@testable import CordonTUI

/// Drills with a team: an inject addressed to a role pops up on the consoles of the people
/// holding it and on the facilitator's; the others hear that it arrived and can open it with `i`.
@Suite struct DrillAddressTests {
    /// The fixture scenario with the reporter's call addressed to legal.
    static let scenario: Scenario = {
        var scenario = Fixtures.scenario
        scenario.injects[0].to = ["legal"]
        return scenario
    }()

    final class Team {
        let journal = MemoryDrillJournal(scenario: DrillAddressTests.scenario)
        let conductor: DrillConductor

        init() throws {
            conductor = DrillConductor(journal: journal, scenario: DrillAddressTests.scenario)
            try conductor.start(speed: 1, seed: 1)
            try journal.perform(.assign(role: "legal", person: "lina"))
        }

        /// A console on the drill for someone known by `names`, conducting it when `conducts`.
        func console(_ names: [String], conducts: Bool = false) -> ConsoleProgram {
            let mode: ConsoleMode = conducts ? .conducting(DrillAddressTests.scenario, console: "facilitator-console") : .drill(DrillAddressTests.scenario)
            let program = ConsoleProgram(journal: journal, mode: mode, language: .en, size: Size(width: 100, height: 30), clock: journal.wall)
            program.participants = names
            return program
        }

        /// Runs the clock past the reporter's call and tells each console what arrived, as its
        /// loop does when the timeline grows.
        func deliverTheCall(to consoles: [ConsoleProgram]) throws {
            let before = journal.events.count
            try journal.run(conductor, toOffset: 11 * 60)
            let new = Array(journal.events[before...])
            #expect(new.contains { $0.type == EventType.injectDelivered && $0.data.string("inject") == "reporter" })
            for console in consoles { console.send(.journalChanged(IncidentSnapshot(journal), new: new, mine: false)) }
        }
    }

    @Test func theCallToLegalPopsUpForLegalAndTheFacilitatorOnly() throws {
        let team = try Team()
        let legal = team.console(["lina"])
        let other = team.console(["wangwei"])
        let facilitator = team.console(["zhangwei"], conducts: true)
        let onBehalf = team.console(["shared-login", "lina"])
        try team.deliverTheCall(to: [legal, other, facilitator, onBehalf])

        #expect(legal.model.dialog is InjectDialog, "lina holds legal")
        #expect(onBehalf.model.dialog is InjectDialog, "typing as lina (--actor) on a shared login")
        #expect(facilitator.model.dialog is InjectDialog, "always on the facilitator's console")
        #expect(other.model.dialog == nil)
        #expect(other.render().contains("An inject went to Legal (press i to see it)."))
        other.press(.character("i"))
        #expect(other.model.dialog is InjectDialog, "anyone can still open it")
    }

    @Test func whoAnsweredIsInTheEvaluation() throws {
        let team = try Team()
        try team.journal.run(team.conductor, toOffset: 11 * 60)
        team.journal.actor = "lina"
        try team.conductor.answer(inject: "reporter", text: "正在核实，稍后统一回复")
        team.journal.actor = "facilitator"
        try team.conductor.end()
        let evaluation = team.conductor.evaluation
        #expect(evaluation.markdown(language: .en).contains("— answered T+0:11:00 by lina"))
        #expect(evaluation.markdown(language: .zh).contains("— lina 已回应 T+0:11:00"))
        #expect(evaluation.json.object?["injects"]?.array?.first?.object?.string("answered_by") == "lina")
    }

    @Test func anInjectToEveryoneOrAnUnknownConsoleStillPopsUp() {
        var inject = Fixtures.scenario.injects[0]
        #expect(inject.isAddressed(to: ["anyone"], assignments: [:]))
        inject.to = ["legal", "comms"]
        #expect(inject.isAddressed(to: ["王芳"], assignments: ["comms": "王芳"]))
        #expect(!inject.isAddressed(to: ["王芳"], assignments: ["legal": "lina"]))
    }
}
