import CordonCore
import CordonTestSupport
import Testing

/// Injects fall on the drill clock, force their facts through the one fold, and the drill ends.
@Suite("Drill rules")
struct DrillRulesTests {
    func started(speed: Int = 600, seed: Int = 1, scenario: Scenario = Fixtures.scenario) throws -> (MemoryDrillJournal, DrillConductor) {
        let journal = MemoryDrillJournal(scenario: scenario)
        let conductor = DrillConductor(journal: journal, scenario: scenario)
        try conductor.start(speed: speed, seed: seed)
        return (journal, conductor)
    }

    // MARK: - Starting

    @Test("the start records the plan, the seed, the speed and the starting facts")
    func start() throws {
        let (journal, _) = try started(speed: 600, seed: 42)
        let drill = try #require(journal.state.drill)
        #expect(drill.seed == 42)
        #expect(drill.clock.speed == 600)
        #expect(drill.plan.map(\.inject) == ["reporter", "regulator-call", "sample-for-sale"])
        #expect(journal.state.scope?.people == 1200, "the starting estimate is the first scope assessment")
        #expect(journal.state.scope?.confidence == .low)
        #expect(drill.facts.first?.en == "About 1,200 customers complained")
        #expect(journal.state.detectedAt == Fixtures.start.adding(seconds: -600))
    }

    @Test("only a declared drill starts, once, at a sane speed")
    func startRefusals() throws {
        let incident = try IncidentState(declaration: Fixtures.declaration())
        #expect(DrillRules.start(scenario: Fixtures.scenario, seed: 1, speed: 10, state: incident, playbook: Fixtures.playbook, wall: Fixtures.start).refusal?.code == "not-a-drill")
        let (journal, _) = try started()
        #expect(DrillRules.start(scenario: Fixtures.scenario, seed: 1, speed: 10, state: journal.state, playbook: Fixtures.playbook, wall: Fixtures.start).refusal?.code == "drill-started")
        let fresh = MemoryDrillJournal(scenario: Fixtures.scenario)
        #expect(DrillRules.start(scenario: Fixtures.scenario, seed: 1, speed: 0, state: fresh.state, playbook: Fixtures.playbook, wall: Fixtures.start).refusal?.code == "bad-speed")
        var other = Fixtures.scenario
        other.playbook = "pi-leak"
        #expect(DrillRules.start(scenario: other, seed: 1, speed: 10, state: fresh.state, playbook: Fixtures.playbook, wall: Fixtures.start).refusal?.code == "wrong-playbook")
    }

    // MARK: - Injects

    @Test("at 600× the first inject, ten minutes in, arrives after one second, and not before")
    func firstInjectWithinSeconds() throws {
        let (journal, conductor) = try started(speed: 600)
        journal.advanceWall(millis: 999)
        #expect(try conductor.tick().isEmpty)
        journal.advanceWall(millis: 1)
        let delivered = try conductor.tick()
        #expect(delivered.map(\.type) == [EventType.injectDelivered])
        #expect(delivered[0].data.string("inject") == "reporter")
        #expect(journal.state.drill?.delivered.first?.from.zh.hasSuffix("记者") == true)
        #expect(try conductor.tick().isEmpty, "an inject arrives once")
    }

    @Test("forced facts are ordinary events: the grading starts the 4-hour CAC clock at the inject")
    func forcedFacts() throws {
        let (journal, conductor) = try started(speed: 600)
        try journal.run(conductor, toOffset: 1799)
        journal.advanceWall(millis: 100)
        let events = try conductor.tick()
        #expect(events.map(\.type) == [EventType.injectDelivered, EventType.classified, EventType.scopeAssessed])
        let classified = events[1]
        #expect(classified.data.string("severity") == "serious")
        #expect(classified.data.string("inject") == "regulator-call")
        #expect(journal.state.severity == .serious)
        #expect(journal.state.scope?.people == 32_000)
        #expect(journal.state.scope?.confidence == .high)
        let cac = DeadlineBoard.evaluate(playbook: journal.playbook, state: journal.state, now: conductor.now).first { $0.deadline.id == "cac-report" }
        #expect(cac?.startedAt == classified.ts)
        #expect(cac?.due == classified.ts.adding(seconds: 4 * 3600))
    }

    @Test("two forced gradings due at once are decided in order, each seeing the one before")
    func injectsDueTogether() throws {
        var scenario = Fixtures.scenario
        scenario.injects[2].at = 1800
        let (journal, conductor) = try started(speed: 600, scenario: scenario)
        try journal.run(conductor, toOffset: 1799)
        journal.advanceWall(millis: 100)
        let events = try conductor.tick()
        #expect(events.compactMap { $0.data.string("inject") } == ["regulator-call", "regulator-call", "regulator-call", "sample-for-sale", "sample-for-sale"], "each inject followed by the grading and scope it forces")
        let gradings = events.filter { $0.type == EventType.classified }
        #expect(gradings.map { $0.data.string("severity") } == ["serious", "major"])
        #expect(gradings[1].data.string("previous") == "serious")
        #expect(journal.state.severity == .major)
    }

    @Test("a forced grading the team already made is not recorded twice")
    func gradingAlreadyMade() throws {
        let (journal, conductor) = try started(speed: 600)
        try journal.perform(.classify(.serious, reason: "团队自行定级"))
        try journal.run(conductor, toOffset: 1800)
        #expect(journal.state.drill?.delivered.count == 2)
        #expect(journal.events.filter { $0.type == EventType.classified }.count == 1)
    }

    @Test("an inject can be answered once it has arrived, not before")
    func answers() throws {
        let (journal, conductor) = try started(speed: 600)
        #expect(throws: Refusal.self) { try conductor.answer(inject: "reporter", text: "不予置评") }
        journal.advanceWall(millis: 1000)
        try conductor.tick()
        let written = try conductor.answer(inject: "reporter", text: "我们正在核实，稍后统一回复。")
        #expect(written[0].type == EventType.noteAdded)
        #expect(written[0].data.string("inject") == "reporter")
        #expect(journal.state.noteCount == 1)
        #expect(journal.state.drill?.answer(to: "reporter")?.at == written[0].ts)
    }

    // MARK: - Ending

    @Test("when its time is up the drill ends by itself, with the score recorded")
    func endsWhenTimeIsUp() throws {
        let (journal, conductor) = try started(speed: 600)
        try journal.run(conductor, toOffset: 4 * 3600)
        let events = journal.events
        #expect(events.last?.type == EventType.drillEnded)
        #expect(events.last?.ts == journal.state.drill?.startedAt.adding(seconds: 4 * 3600), "at exactly the end, however late the tick")
        #expect(events.last?.data.string("reason") == "time")
        #expect(events.last?.data.int("max_score") == 35)
        #expect(events.filter { $0.type == EventType.injectDelivered }.count == 3, "every inject still arrives first")
        #expect(journal.state.drill?.hasEnded == true)
        #expect(journal.state.drill?.score == 0 && journal.state.drill?.maximumScore == 35, "the score is folded, for lists that lack the scenario")
    }

    @Test("an ended drill stops its clock and takes no more work, but still takes notes and the debrief")
    func endedDrill() throws {
        let (journal, conductor) = try started(speed: 600)
        journal.advanceWall(millis: 1000)
        try conductor.end()
        let ended = conductor.now
        journal.advanceWall(millis: 60_000)
        #expect(conductor.now == ended)
        #expect(try conductor.tick().isEmpty)
        for command in [Command.step("isolate", .done), .classify(.major), .advance(force: true, reason: "x"), .notify(audience: "regulator", channel: "邮件")] {
            #expect(IncidentRules.decide(command, state: journal.state, playbook: journal.playbook).refusal?.code == "drill-ended")
        }
        #expect(throws: Refusal.self) { try conductor.perform(.resume) }
        #expect(throws: Refusal.self) { try conductor.end() }
        try journal.perform(.note("补记"))
        try conductor.debrief(.lesson, text: "记者电话应有统一口径")
        try conductor.debrief(.improvement, text: "数据室默认禁止下载")
        #expect(journal.state.drill?.debrief.map(\.kind) == [.lesson, .improvement])
        let due = try #require(DueDate(iso: "2026-12-31"))
        try journal.perform(.record(.addAction(ActionInput(title: "数据室默认禁止下载", owner: "王磊", due: due))))
        #expect(journal.state.actions.map(\.owner) == ["王磊"], "the debrief's improvement actions have an owner and a due date")
        let finding = FindingInput(kind: .rootCause, text: "共享文件夹权限过宽")
        #expect(RecordRules.decide(.addFinding(finding), state: journal.state, playbook: journal.playbook).refusal?.code == "drill-ended")
    }

    // MARK: - Seeds

    @Test("the same seed gives the same drill; the seed moves injects within the jitter and picks variants")
    func seeds() throws {
        var scenario = Fixtures.scenario
        scenario.jitter = 300
        let plans = (0..<40).map { DrillPlan.make(scenario, seed: $0) }
        #expect(plans == (0..<40).map { DrillPlan.make(scenario, seed: $0) })
        #expect(Set(plans.map(\.entries)).count > 30, "different seeds give different drills")
        for plan in plans {
            for entry in plan.entries {
                let written = scenario.inject(entry.inject)!.at
                #expect(abs(entry.at - written) <= 300)
                #expect(entry.at >= 0 && entry.at < scenario.duration)
            }
        }
        #expect(Set(plans.map { $0.entries.first { $0.inject == "reporter" }!.version }) == [0, 1])
        #expect(DrillPlan.make(scenario, seed: 7).entries.map(\.at) == [724, 1653, 7018], "pinned, so a change to the generator shows")

        let first = try started(seed: 7, scenario: scenario)
        let second = try started(seed: 7, scenario: scenario)
        try first.0.run(first.1, toOffset: 3 * 3600)
        second.0.advanceWall(millis: 7)
        try second.0.run(second.1, toOffset: 3 * 3600)
        func drill(_ journal: MemoryDrillJournal) -> [String] {
            journal.events.dropFirst(2).map { "\($0.ts) \($0.type) \($0.data.string("inject") ?? "") \($0.data.int("version") ?? -1)" }
        }
        #expect(drill(first.0) == drill(second.0), "the same injects at the same drill times with the same content and gradings")
        #expect(drill(first.0).count == 7)
    }
}
