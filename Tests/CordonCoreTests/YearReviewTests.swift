import CordonCore
import CordonTestSupport
import Testing

/// The year in review and the drill plan, computed from folded incidents and drills.
@Suite("Year in review and drill plan")
struct YearReviewTests {
    static let day = DueDate(iso: "2026-11-29")!

    /// A drill of the fixture scenario run on `wall`, with the isolate step done at `isolateAt`
    /// minutes (never when `nil`), the reporter answered by `answerer`, ended at `endAt` minutes
    /// (the regulator's call at 30 minutes starts the CAC clock).
    static func drill(id: String, wall: ManualClock, isolateAt: Int?, answerer: String? = nil, endAt: Int = 60) throws -> ReviewSubject {
        let journal = MemoryDrillJournal(scenario: Fixtures.scenario, wall: wall, id: id)
        let conductor = DrillConductor(journal: journal, scenario: Fixtures.scenario)
        try conductor.start(speed: 1, seed: 1)
        if let isolateAt {
            try journal.run(conductor, toOffset: isolateAt * 60)
            try journal.perform(.step("isolate", .done))
        }
        try journal.run(conductor, toOffset: 15 * 60)
        if let answerer {
            journal.actor = answerer
            try conductor.answer(inject: "reporter", text: "正在核实")
            journal.actor = "facilitator"
        }
        try journal.run(conductor, toOffset: endAt * 60)
        try conductor.debrief(.lesson, text: "对外口径应预先准备")
        try conductor.end()
        return ReviewSubject(state: journal.state, playbook: journal.playbook, scenario: Fixtures.scenario)
    }

    static func review(_ subjects: [ReviewSubject], plan: DrillProgramme? = nil, now: Timestamp) -> YearReview {
        YearReview.make(subjects: subjects, playbooks: [Fixtures.playbook], plan: plan, period: .year(endingOn: DueDate.today(now)), now: now)
    }

    // MARK: - Drills and coverage

    @Test("each run's score is kept per scenario in order, the most missed expectation counted, and who answered named")
    func drillScores() throws {
        let wall = ManualClock(Fixtures.start)
        let first = try Self.drill(id: "DRL-20261129-001", wall: wall, isolateAt: nil)
        let second = try Self.drill(id: "DRL-20261129-002", wall: wall, isolateAt: 20, answerer: "lina")
        let review = Self.review([second, first], now: wall.now())

        #expect(review.drills.runs.map(\.id) == ["DRL-20261129-001", "DRL-20261129-002"], "oldest first, whatever order they came in")
        #expect(review.drills.runs.map(\.score) == [0, 15], "the second isolated in time (10) and answered the reporter in time (5)")
        #expect(review.drills.trends.count == 1)
        #expect(review.drills.trends[0].runs.map(\.percent) == [0, 43])
        let top = try #require(review.drills.mostMissed.first)
        #expect(top.misses == 2 && top.runs == 2, "the CAC report was still owed when each drill ended: \(review.drills.mostMissed)")
        #expect(top.label.en == "Deadline met: Report to the CAC")
        #expect(review.drills.runs[1].answers.map(\.by) == ["lina"])
        #expect(review.actions.lessons.count == 2)
    }

    @Test("coverage lists the steps no drill did and the deadlines whose clock never started")
    func coverage() throws {
        let wall = ManualClock(Fixtures.start)
        let done = try Self.drill(id: "DRL-20261129-001", wall: wall, isolateAt: 5, endAt: 20)
        let coverage = try #require(Self.review([done], now: wall.now()).coverage.first)
        #expect(coverage.playbook == "mini")
        #expect(coverage.unexercisedSteps.map(\.id) == ["preserve", "watch", "notify-regulator", "lessons"])
        #expect(coverage.steps.first { $0.id == "isolate" }?.drills == ["DRL-20261129-001"])
        #expect(coverage.unexercisedDeadlines.map(\.id) == ["cac-report"], "the containment clock ran; the CAC one never started")
    }

    // MARK: - Incidents and actions

    @Test("incidents are counted by severity, timed from detection with median and worst, and their deadlines counted")
    func incidents() throws {
        let clock = ManualClock(Fixtures.start)
        var subjects: [ReviewSubject] = []
        for (number, minutes) in [(1, 30), (2, 90), (3, 50)] {
            clock.set(Fixtures.start)
            let journal = MemoryJournal(id: "INC-20261129-00\(number)", severity: .serious, clock: clock)
            clock.advance(seconds: minutes * 60)
            try journal.perform(.step("isolate", .done))
            try journal.perform(.step("preserve", .done))
            try journal.perform(.advance())
            subjects.append(ReviewSubject(state: journal.state, playbook: journal.playbook))
        }
        let review = Self.review(subjects, now: Fixtures.start.adding(seconds: 6 * 3600))
        #expect(review.incidents.bySeverity.map(\.key) == ["serious"] && review.incidents.bySeverity[0].count == 3)
        let contained = try #require(review.incidents.spreads[.contained])
        #expect(contained.median == 50 * 60 && contained.worst == 90 * 60 && contained.worstId == "INC-20261129-002")
        #expect(review.incidents.deadlinesMet == 2, "two isolated within the hour")
        #expect(review.incidents.deadlinesMissed == 4, "one late containment and three CAC reports never sent")
        #expect(review.incidents.spreads[.regulatorNotified] == nil)
    }

    @Test("actions: overdue first, opened and closed in the period counted, an old one still owed carried in")
    func actions() throws {
        let clock = ManualClock(Fixtures.start)
        let journal = MemoryJournal(clock: clock)
        try journal.perform(.record(.addAction(ActionInput(title: "外包商账号启用双因素认证", owner: "李明", due: DueDate(iso: "2026-12-01")!))))
        try journal.perform(.record(.addAction(ActionInput(title: "复核数据室权限", owner: "王芳", due: DueDate(iso: "2027-01-31")!))))
        try journal.perform(.record(.addAction(ActionInput(title: "培训", owner: "赵强", due: DueDate(iso: "2026-12-20")!))))
        try journal.perform(.record(.updateAction(ActionChange(id: "A3", status: .done))))
        let subject = ReviewSubject(state: journal.state, playbook: journal.playbook)
        let now = Timestamp(iso8601: "2026-12-10T10:00:00.000+08:00")!

        let review = Self.review([subject], now: now)
        #expect(review.actions.rows.map(\.action.id) == ["A1", "A2", "A3"])
        #expect(review.actions.rows.map(\.standing) == [.overdue, .open, .done])
        #expect((review.actions.opened, review.actions.closed, review.actions.overdue) == (3, 1, 1))

        let nextYear = YearReview.make(subjects: [subject], playbooks: [], plan: nil, period: ReviewPeriod(since: DueDate(iso: "2027-06-01")!, until: DueDate(iso: "2027-06-30")!), now: now)
        #expect(nextYear.actions.rows.map(\.action.id) == ["A1", "A2"], "still owed, so still reported; the closed one is not")
        #expect(nextYear.actions.opened == 0 && nextYear.incidents.rows.isEmpty)
    }

    // MARK: - The plan

    @Test("a planned drill is done by the first drill of its scenario, due until its day, then overdue")
    func plan() throws {
        let wall = ManualClock(Fixtures.start)
        let run = try Self.drill(id: "DRL-20261129-001", wall: wall, isolateAt: 5)
        let programme = DrillProgramme(entries: [
            PlannedDrill(scenario: "mini-drill", due: DueDate(iso: "2026-12-31")!, with: ["commander"]),
            PlannedDrill(scenario: "mini-drill", due: DueDate(iso: "2026-12-05")!),
            PlannedDrill(scenario: "other", due: DueDate(iso: "2026-11-20")!),
        ])
        let rows = programme.progress(drills: [run.state], today: Self.day)
        #expect(rows.map(\.entry.due.description) == ["2026-11-20", "2026-12-05", "2026-12-31"], "in order of the day due")
        #expect(rows[0].status == .overdue(days: 9))
        #expect(rows[1].status == .done(drill: "DRL-20261129-001", on: Self.day, score: 10, maximumScore: 35, late: false))
        #expect(rows[2].status == .due(inDays: 32), "one drill answers one planned run, not two")
        #expect(rows.overdue.map(\.entry.scenario) == ["other"])
        #expect(rows.nextDue?.entry.due.description == "2026-12-31")
        #expect(rows[1].statusText(.zh) == "已完成：DRL-20261129-001（2026-11-29，得分 10/35）")
        #expect(rows[2].statusText(.en) == "due in 32 days")
    }

    @Test("a drill run before the previous planned run of its scenario fell due, or over a year early, does not count")
    func planOrder() throws {
        let wall = ManualClock(Fixtures.start)
        let run = try Self.drill(id: "DRL-20261129-001", wall: wall, isolateAt: 5)
        let programme = DrillProgramme(entries: [
            PlannedDrill(scenario: "mini-drill", due: DueDate(iso: "2026-03-31")!),
            PlannedDrill(scenario: "mini-drill", due: DueDate(iso: "2026-12-31")!),
        ])
        let rows = programme.progress(drills: [run.state], today: Self.day)
        #expect(rows[0].status == .done(drill: "DRL-20261129-001", on: Self.day, score: 10, maximumScore: 35, late: true))
        #expect(rows[1].status == .due(inDays: 32))

        let nextYear = DrillProgramme(entries: [PlannedDrill(scenario: "mini-drill", due: DueDate(iso: "2027-12-01")!)])
        #expect(nextYear.progress(drills: [run.state], today: Self.day).first?.status == .due(inDays: 367), "a drill more than a year before the day does not count")
    }

    @Test("a sparkline rises with the scores")
    func sparkline() {
        #expect(Sparkline.text([0, 43, 100]) == "▁▄█")
    }
}
