import CordonCore
import CordonTestSupport
import Testing

/// Expectations are met or missed with their times, and the score adds up.
@Suite("Drill scoring")
struct DrillScoringTests {
    /// A drill at real speed on a hand-moved wall clock: `at(minutes)` moves drill time to that offset.
    final class Drill {
        let journal = MemoryDrillJournal(scenario: Fixtures.scenario)
        let conductor: DrillConductor
        var start: Timestamp { journal.state.drill!.startedAt }

        init(scenario: Scenario = Fixtures.scenario) throws {
            conductor = DrillConductor(journal: journal, scenario: scenario)
            try conductor.start(speed: 1, seed: 1)
        }

        func at(minutes: Int) throws {
            try journal.run(conductor, toOffset: minutes * 60)
        }

        func result(_ number: Int) -> DrillEvaluation.Result { conductor.evaluation.results[number - 1] }
    }

    // MARK: - Steps

    @Test("a step done in time is met at the moment it was done")
    func stepMet() throws {
        let drill = try Drill()
        #expect(drill.result(1).outcome == .pending(due: drill.start.adding(seconds: 1800)))
        try drill.at(minutes: 20)
        try drill.journal.perform(.step("isolate", .done))
        #expect(drill.result(1).outcome == .met(at: drill.start.adding(seconds: 1200)))
        #expect(drill.result(1).awarded == 10)
    }

    @Test("a step done late is missed by how late; one never done is missed when it fell due")
    func stepMissed() throws {
        let late = try Drill()
        try late.at(minutes: 40)
        try late.journal.perform(.step("isolate", .done))
        #expect(late.result(1).outcome == .missed(at: late.start.adding(seconds: 2400), why: .late(seconds: 600)))
        #expect(late.result(1).awarded == 0)

        let never = try Drill()
        try never.at(minutes: 29)
        #expect(never.result(1).outcome == .pending(due: never.start.adding(seconds: 1800)))
        try never.at(minutes: 31)
        #expect(never.result(1).outcome == .missed(at: never.start.adding(seconds: 1800), why: .notInTime))
    }

    // MARK: - Deadlines

    @Test("the deadline is met when the notice goes out within four hours of the forced grading")
    func deadlineMet() throws {
        let drill = try Drill()
        try drill.at(minutes: 20)
        #expect(drill.result(2).outcome == .pending(due: nil), "not running before the grading")
        try drill.at(minutes: 30)
        #expect(drill.result(2).outcome == .pending(due: drill.start.adding(seconds: 1800 + 4 * 3600)))
        try drill.at(minutes: 90)
        try drill.journal.perform(.notify(audience: "regulator", channel: "网信办报送系统"))
        #expect(drill.result(2).outcome == .met(at: drill.start.adding(seconds: 5400)))
    }

    @Test("a deadline still running when the drill ends is missed; one that never started is missed as never applied")
    func deadlineAtTheEnd() throws {
        let running = try Drill()
        try running.at(minutes: 60)
        try running.conductor.end()
        #expect(running.result(2).outcome == .missed(at: running.start.adding(seconds: 3600), why: .drillEnded))

        var quiet = Fixtures.scenario
        quiet.injects = [quiet.injects[0]]
        let never = try Drill(scenario: quiet)
        try never.at(minutes: 60)
        try never.conductor.end()
        #expect(never.result(2).outcome == .missed(at: never.start.adding(seconds: 3600), why: .neverApplied))
    }

    @Test("a deadline missed is missed by its lateness")
    func deadlineMissed() throws {
        let drill = try Drill()
        try drill.at(minutes: 30 + 240 + 5)
        let outcome = drill.conductor.evaluation.results[1].outcome
        // The drill's own time ran out at 4h; the evaluation is as of its end.
        #expect(drill.journal.state.drill?.endReason == "time")
        #expect(outcome == .missed(at: drill.start.adding(seconds: 4 * 3600), why: .drillEnded))
    }

    // MARK: - Answers

    @Test("an inject answered within its time is met; late is missed by how late; unanswered is missed when due")
    func answers() throws {
        let inTime = try Drill()
        try inTime.at(minutes: 10)
        try inTime.at(minutes: 25)
        try inTime.conductor.answer(inject: "reporter", text: "正在核实")
        #expect(inTime.result(3).outcome == .met(at: inTime.start.adding(seconds: 1500)))

        let late = try Drill()
        try late.at(minutes: 10)
        try late.at(minutes: 35)
        #expect(late.result(3).outcome == .missed(at: late.start.adding(seconds: 1800), why: .notInTime))
        try late.conductor.answer(inject: "reporter", text: "正在核实")
        #expect(late.result(3).outcome == .missed(at: late.start.adding(seconds: 2100), why: .late(seconds: 300)))
    }

    // MARK: - The evaluation

    @Test("the score adds the points of what was met, and every open expectation counts as missed at the end")
    func score() throws {
        let drill = try Drill()
        try drill.at(minutes: 10)
        try drill.conductor.answer(inject: "reporter", text: "稍后统一回复")
        try drill.at(minutes: 15)
        try drill.journal.perform(.step("isolate", .done))
        #expect(drill.conductor.evaluation.score == 15)
        #expect(drill.conductor.banner.text(.en).contains("score 15/35"))
        try drill.at(minutes: 45)
        try drill.conductor.end()
        let evaluation = drill.conductor.evaluation
        #expect(evaluation.score == 15)
        #expect(evaluation.results.map(\.awarded) == [10, 0, 5])
        #expect(drill.journal.events.last?.data.int("score") == 15)
        #expect(evaluation.asOf == drill.start.adding(seconds: 2700))
    }

    @Test("the evaluation reads as Markdown and JSON with every expectation, deadline, inject and debrief note")
    func rendering() throws {
        let drill = try Drill()
        try drill.at(minutes: 15)
        try drill.journal.perform(.step("isolate", .done))
        try drill.at(minutes: 40)
        try drill.conductor.end()
        try drill.conductor.debrief(.lesson, text: "对外口径 | 需要预先准备")
        let markdown = drill.conductor.evaluation.markdown(language: .zh)
        #expect(markdown.contains("## 得分: 10 / 35"))
        #expect(markdown.contains("| 1 | 30 分钟内完成“隔离泄露源” | 10/10 | ✅ 达成 T+0:15:00 |"))
        #expect(markdown.contains("| 3 | 20 分钟内以备注回应21世纪经济报道记者 | 0/5 | ❌ 未达成 T+0:30:00 — 到时未完成 |"), "seed 1 chose the second version of the call")
        #expect(markdown.contains("对外口径 \\| 需要预先准备"), "a pipe in a note cannot break the table")
        #expect(markdown.contains("cordon note DRL-20261129-001 --improvement"))
        let english = drill.conductor.evaluation.markdown(language: .en)
        #expect(english.contains("| 2 | Deadline met: Report to the CAC | 0/20 | ❌ missed T+0:40:00 — not done when the drill ended |"))

        let json = try #require(drill.conductor.evaluation.json.object)
        #expect(json.int("score") == 10)
        #expect(json.int("max_score") == 35)
        let expectations = (json["expectations"]?.array ?? []).compactMap { $0.object }
        #expect(expectations.map { $0.string("result") } == ["met", "missed", "missed"])
        #expect(expectations[0].int("offset_seconds") == 900)
        #expect(expectations[2].string("reason") == "not-in-time")
        #expect(json["injects"]?.array?.count == 2)
        #expect(json["lessons"]?.array?.first?.object?.string("text") == "对外口径 | 需要预先准备")
    }

    @Test("replaying a drill shows the injects where they fell and the score as it stood at each event")
    func replayedDrill() throws {
        let drill = try Drill()
        var live: [Int: Int] = [:]
        for minutes in [5, 10, 15, 30, 45, 130] {
            try drill.at(minutes: minutes)
            if minutes == 15 { try drill.journal.perform(.step("isolate", .done)) }
            if minutes == 45 { try drill.journal.perform(.notify(audience: "regulator", channel: "邮件")) }
            live[drill.journal.state.lastSeq] = drill.conductor.evaluation.score
        }
        let replay = try IncidentReplay(events: drill.journal.events)
        let injects = replay.timeline.marks.compactMap { mark -> Int? in if case .inject = mark.kind { mark.seq } else { nil } }
        #expect(injects == drill.journal.state.drill?.delivered.map(\.seq))
        #expect(injects.count == 3)
        for (seq, score) in live {
            let moment = replay.moment(at: seq)
            #expect(DrillEvaluation.make(scenario: Fixtures.scenario, playbook: Fixtures.playbook, state: moment.state, now: moment.now).score == score)
        }
    }

    // MARK: - Why a drill ended

    @Test("a drill ended by a hang-up or a signal says so, in both languages, in the evaluation")
    func endReasons() throws {
        for (reason, zh, en) in [
            (DrillEndReason.hangup, "主持人的终端断开（挂断）", "the facilitator's terminal hung up"),
            (.signal, "主持人的控制台被中止（Ctrl-C 或 SIGTERM）", "the facilitator's console was stopped (Ctrl-C or SIGTERM)"),
            (.facilitator, "主持人结束", "ended by the facilitator"),
        ] {
            let journal = MemoryDrillJournal(scenario: Fixtures.scenario)
            let conductor = DrillConductor(journal: journal, scenario: Fixtures.scenario)
            try conductor.start(speed: 60, seed: 1)
            try conductor.end(reason)
            #expect(journal.state.drill?.endReason == reason.rawValue)
            #expect(conductor.evaluation.markdown(language: .zh).contains("结束 T+0:00:00 (\(zh))"))
            #expect(conductor.evaluation.markdown(language: .en).contains("ended T+0:00:00 (\(en))"))
        }
        #expect(DrillEndReason.title(of: "power-cut") == LocalizedText(zh: "power-cut", en: "power-cut"), "a newer version's reason shows as written")
    }
}
