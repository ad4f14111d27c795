/// The year in review (§十七 of the customer-information protection plan: drills evaluated and
/// summarised; §十.5 and §四.3: regular reports to management): across the incidents and drills
/// declared in a period, how fast the team moved, how the drills scored, which parts of each
/// playbook no drill exercised, and where the improvement actions stand.
///
/// A pure function of the folded incidents, their playbooks and the clock, so `cordon review`,
/// its three formats and the console's review screen all say the same.
///
///     let review = YearReview.make(subjects: subjects, playbooks: catalog, plan: nil, period: .year(endingOn: today), now: now)
///     review.drills.runs.map(\.score)
public struct YearReview: Sendable, Hashable {
    public var period: ReviewPeriod
    public var asOf: Timestamp
    public var incidents: IncidentReview
    public var drills: DrillReview
    /// One per playbook the team has, in the order given.
    public var coverage: [PlaybookCoverage]
    public var actions: ActionReview
    /// The drill plan and where each planned drill stands, when the team has a plan.
    public var plan: [PlannedDrillProgress]

    public static func make(subjects: [ReviewSubject], playbooks: [Playbook], plan: DrillProgramme?, period: ReviewPeriod, now: Timestamp) -> YearReview {
        let inPeriod = subjects.filter { period.contains($0.state.declaredAt) }.sorted { ($0.state.declaredAt, $0.state.id) < ($1.state.declaredAt, $1.state.id) }
        let incidents = inPeriod.filter { !$0.state.isDrill }
        let drills = inPeriod.filter(\.state.isDrill)
        return YearReview(
            period: period, asOf: now,
            incidents: IncidentReview.make(incidents, now: now),
            drills: DrillReview.make(drills),
            coverage: playbooks.map { PlaybookCoverage.make($0, drills: drills) },
            actions: ActionReview.make(subjects, period: period, now: now),
            plan: plan?.progress(drills: subjects.map(\.state).filter(\.isDrill), today: DueDate.today(now)) ?? [])
    }
}

/// A count under one heading: incidents of one severity, or of one playbook.
public struct ReviewTally: Sendable, Hashable {
    public var key: String
    public var title: LocalizedText
    public var count: Int
}

/// The median and the worst of a set of spans, with the incident that took longest.
public struct ReviewSpread: Sendable, Hashable {
    public var count: Int
    /// Seconds; the mean of the middle two when the count is even.
    public var median: Int
    public var worst: Int
    public var worstId: String

    static func of(_ values: [(id: String, seconds: Int)]) -> ReviewSpread? {
        guard let longest = values.max(by: { ($0.seconds, $1.id) < ($1.seconds, $0.id) }) else { return nil }
        let sorted = values.map(\.seconds).sorted()
        let middle = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        return ReviewSpread(count: values.count, median: median, worst: longest.seconds, worstId: longest.id)
    }
}

// MARK: - Incidents

public struct IncidentReview: Sendable, Hashable {
    /// A span every incident is measured by, from the moment the leak was detected.
    public enum Span: String, Sendable, Hashable, CaseIterable {
        case declared
        case contained
        case regulatorNotified = "regulator_notified"
        case individualsNotified = "individuals_notified"

        public var title: LocalizedText {
            switch self {
            case .declared: LocalizedText(zh: "发现 → 宣布", en: "Detection → declaration")
            case .contained: LocalizedText(zh: "发现 → 遏制结束", en: "Detection → end of containment")
            case .regulatorNotified: LocalizedText(zh: "发现 → 报告监管", en: "Detection → regulator notified")
            case .individualsNotified: LocalizedText(zh: "发现 → 告知个人", en: "Detection → individuals notified")
            }
        }
    }

    public struct Row: Sendable, Hashable {
        public var id: String
        public var title: String
        public var playbook: String
        public var severity: Severity?
        public var declaredAt: Timestamp
        public var closed: Bool
        /// Seconds from detection, for the spans that have ended.
        public var spans: [Span: Int]
        public var deadlinesMet: [String]
        /// With how late each was met, or how long it has been overdue, in seconds.
        public var deadlinesMissed: [MissedDeadline]
    }

    public struct MissedDeadline: Sendable, Hashable {
        public var id: String
        public var title: LocalizedText
        /// How late it was met, or how long it has been overdue, in seconds.
        public var lateness: Int
    }

    public var rows: [Row]
    public var bySeverity: [ReviewTally]
    public var byPlaybook: [ReviewTally]
    public var spreads: [Span: ReviewSpread]
    public var deadlinesMet: Int { rows.reduce(0) { $0 + $1.deadlinesMet.count } }
    public var deadlinesMissed: Int { rows.reduce(0) { $0 + $1.deadlinesMissed.count } }

    static func make(_ subjects: [ReviewSubject], now: Timestamp) -> IncidentReview {
        let rows = subjects.map { row($0, now: now) }
        var spreads: [Span: ReviewSpread] = [:]
        for span in Span.allCases {
            spreads[span] = ReviewSpread.of(rows.compactMap { row in row.spans[span].map { (row.id, $0) } })
        }
        let severities: [Severity?] = Severity.allCases.reversed().map(Optional.some) + [nil]
        let bySeverity = severities.compactMap { severity -> ReviewTally? in
            let count = rows.filter { $0.severity == severity }.count
            guard count > 0 else { return nil }
            return ReviewTally(
                key: severity?.rawValue ?? "ungraded",
                title: severity?.title ?? LocalizedText(zh: "未定级", en: "ungraded"), count: count)
        }
        var byPlaybook: [ReviewTally] = []
        for subject in subjects where !byPlaybook.contains(where: { $0.key == subject.playbook.id }) {
            byPlaybook.append(ReviewTally(key: subject.playbook.id, title: subject.playbook.title, count: subjects.filter { $0.playbook.id == subject.playbook.id }.count))
        }
        return IncidentReview(rows: rows, bySeverity: bySeverity, byPlaybook: byPlaybook, spreads: spreads)
    }

    private static func row(_ subject: ReviewSubject, now: Timestamp) -> Row {
        let state = subject.state
        var spans: [Span: Int] = [:]
        spans[.declared] = max(0, state.detectedAt.seconds(to: state.declaredAt))
        if let first = subject.playbook.phases.first, let left = state.phaseHistory.first(where: { $0.from == first.id }) {
            spans[.contained] = max(0, state.detectedAt.seconds(to: left.at))
        }
        for (span, audience) in [(Span.regulatorNotified, "regulator"), (.individualsNotified, "individuals")] {
            if let notice = state.notices.filter({ $0.audience == audience }).min(by: { $0.at < $1.at }) {
                spans[span] = max(0, state.detectedAt.seconds(to: notice.at))
            }
        }
        let deadlines = DeadlineBoard.evaluate(playbook: subject.playbook, state: state, now: state.closedAt ?? now)
        return Row(
            id: state.id, title: state.title, playbook: subject.playbook.id, severity: state.severity, declaredAt: state.declaredAt,
            closed: state.isClosed, spans: spans,
            deadlinesMet: deadlines.filter { $0.state == .met }.map(\.deadline.id),
            deadlinesMissed: deadlines.filter { $0.state == .missed }.map { MissedDeadline(id: $0.deadline.id, title: $0.deadline.title, lateness: $0.lateness) })
    }
}

// MARK: - Drills

public struct DrillReview: Sendable, Hashable {
    public struct Run: Sendable, Hashable {
        public var id: String
        public var scenario: String
        public var scenarioTitle: LocalizedText
        public var playbook: String
        public var startedAt: Timestamp
        public var score: Int
        public var maximumScore: Int
        public var ended: Bool
        /// What the evaluation says of each expectation that was missed.
        public var missed: [LocalizedText]
        /// Who answered which inject.
        public var answers: [Answer]

        /// The score as a share of the most it could have been, 0–100.
        public var percent: Int { maximumScore > 0 ? (score * 100 + maximumScore / 2) / maximumScore : 0 }

    }

    /// Who answered an inject, and whom the inject came from.
    public struct Answer: Sendable, Hashable {
        public var inject: String
        public var from: LocalizedText
        public var by: String
    }

    /// One scenario's runs, oldest first: its scores over time.
    public struct Trend: Sendable, Hashable {
        public var scenario: String
        public var title: LocalizedText
        public var runs: [Run]
    }

    /// An expectation missed in more than none of its scenario's runs.
    public struct Missed: Sendable, Hashable {
        public var scenario: String
        public var label: LocalizedText
        public var misses: Int
        public var runs: Int
    }

    /// Every drill declared in the period, oldest first.
    public var runs: [Run]
    public var trends: [Trend]
    /// Most often missed first.
    public var mostMissed: [Missed]

    static func make(_ subjects: [ReviewSubject]) -> DrillReview {
        var runs: [Run] = []
        var misses: [String: (scenario: String, label: LocalizedText, count: Int, order: Int)] = [:]
        for subject in subjects {
            let state = subject.state
            guard let drill = state.drill else { continue }
            let evaluation = subject.scenario.map { DrillEvaluation.make(scenario: $0, playbook: subject.playbook, state: state, now: drill.endedAt ?? state.lastEventAt) }
            var missed: [LocalizedText] = []
            for result in evaluation?.results ?? [] {
                guard case .missed = result.outcome else { continue }
                missed.append(result.label)
                let key = drill.scenario + "#\(result.number)"
                let previous = misses[key]
                misses[key] = (drill.scenario, result.label, (previous?.count ?? 0) + 1, previous?.order ?? misses.count)
            }
            let answers = drill.answers.map { answer in
                Answer(inject: answer.inject, from: drill.delivery(of: answer.inject)?.from ?? LocalizedText(answer.inject), by: answer.by)
            }
            runs.append(Run(
                id: state.id, scenario: drill.scenario, scenarioTitle: subject.scenario?.title ?? LocalizedText(drill.scenario),
                playbook: subject.playbook.id, startedAt: state.local(drill.startedAt),
                score: drill.score ?? evaluation?.score ?? 0, maximumScore: drill.maximumScore ?? evaluation?.maximumScore ?? 0,
                ended: drill.hasEnded, missed: missed, answers: answers))
        }
        var trends: [Trend] = []
        for run in runs where !trends.contains(where: { $0.scenario == run.scenario }) {
            trends.append(Trend(scenario: run.scenario, title: run.scenarioTitle, runs: runs.filter { $0.scenario == run.scenario }.sorted { $0.startedAt < $1.startedAt }))
        }
        let mostMissed = misses.values.sorted { ($1.count, $0.order) < ($0.count, $1.order) }.map { entry in
            Missed(scenario: entry.scenario, label: entry.label, misses: entry.count, runs: runs.filter { $0.scenario == entry.scenario }.count)
        }
        return DrillReview(runs: runs, trends: trends, mostMissed: mostMissed)
    }
}

// MARK: - Coverage

/// Which steps and deadlines of one playbook the drills of the period exercised: a step by being
/// done in a drill, a deadline by its clock starting in one.
public struct PlaybookCoverage: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public var id: String
        public var title: LocalizedText
        /// The drills that exercised it, oldest first.
        public var drills: [String]
        public var isExercised: Bool { !drills.isEmpty }
    }

    public var playbook: String
    public var title: LocalizedText
    /// The drills of the period that ran this playbook.
    public var drills: [String]
    public var steps: [Item]
    public var deadlines: [Item]

    public var unexercisedSteps: [Item] { steps.filter { !$0.isExercised } }
    public var unexercisedDeadlines: [Item] { deadlines.filter { !$0.isExercised } }

    static func make(_ playbook: Playbook, drills: [ReviewSubject]) -> PlaybookCoverage {
        let runs = drills.filter { $0.playbook.id == playbook.id }
        let started = runs.map { subject in
            (subject.state.id, Set(DeadlineBoard.evaluate(playbook: subject.playbook, state: subject.state, now: subject.state.drill?.endedAt ?? subject.state.lastEventAt).map(\.deadline.id)))
        }
        return PlaybookCoverage(
            playbook: playbook.id, title: playbook.title, drills: runs.map(\.state.id),
            steps: playbook.allSteps.map { entry in
                Item(id: entry.step.id, title: entry.step.title, drills: runs.filter { $0.state.stepState(entry.step.id) == .done }.map(\.state.id))
            },
            deadlines: playbook.deadlines.map { deadline in
                Item(id: deadline.id, title: deadline.title, drills: started.filter { $0.1.contains(deadline.id) }.map(\.0))
            })
    }
}

// MARK: - Actions

public struct ActionReview: Sendable, Hashable {
    /// In the order the review lists them: what needs chasing first.
    public enum Standing: String, Sendable, Hashable, Comparable {
        case overdue, open, done, dropped

        private var rank: Int {
            switch self {
            case .overdue: 0
            case .open: 1
            case .done: 2
            case .dropped: 3
            }
        }

        public static func < (lhs: Standing, rhs: Standing) -> Bool { lhs.rank < rhs.rank }

        public var title: LocalizedText {
            switch self {
            case .overdue: LocalizedText(zh: "已逾期", en: "overdue")
            case .open: LocalizedText(zh: "未完成", en: "open")
            case .done: LocalizedText(zh: "已完成", en: "done")
            case .dropped: LocalizedText(zh: "已放弃", en: "dropped")
            }
        }
    }

    public struct Row: Sendable, Hashable {
        public var incident: String
        public var action: ImprovementAction
        public var standing: Standing
        /// When it was marked done or dropped.
        public var closedAt: Timestamp?
    }

    public struct Lesson: Sendable, Hashable {
        public var incident: String
        public var text: String
        public var by: String
        public var at: Timestamp
    }

    /// Overdue first, then open by due day, then closed.
    public var rows: [Row]
    /// Opened in the period.
    public var opened: Int
    /// Done or dropped in the period.
    public var closed: Int
    /// Still owed and past due now, wherever they were opened.
    public var overdue: Int
    /// Lessons learned recorded in the period's drills.
    public var lessons: [Lesson]

    public func count(_ standing: Standing) -> Int { rows.filter { $0.standing == standing }.count }

    /// Actions opened or closed in the period, and every action still owed.
    static func make(_ subjects: [ReviewSubject], period: ReviewPeriod, now: Timestamp) -> ActionReview {
        var rows: [Row] = []
        var lessons: [Lesson] = []
        for subject in subjects {
            let state = subject.state
            let local = state.local(now)
            for action in state.actions {
                let closedAt = action.status.isOutstanding ? nil : action.updates.last { $0.status == .done || $0.status == .dropped }?.at
                let touched = period.contains(action.addedAt) || closedAt.map(period.contains) == true
                guard touched || action.status.isOutstanding else { continue }
                let standing: Standing = switch action.status {
                case .done: .done
                case .dropped: .dropped
                case .open, .inProgress: action.isOverdue(at: local) ? .overdue : .open
                }
                rows.append(Row(incident: state.id, action: action, standing: standing, closedAt: closedAt))
            }
            if period.contains(state.declaredAt) {
                for note in state.drill?.debrief ?? [] where note.kind == .lesson {
                    lessons.append(Lesson(incident: state.id, text: note.text, by: note.by, at: state.local(note.at)))
                }
            }
        }
        rows.sort { lhs, rhs in
            (lhs.standing, lhs.action.due, lhs.incident, lhs.action.id) < (rhs.standing, rhs.action.due, rhs.incident, rhs.action.id)
        }
        return ActionReview(
            rows: rows,
            opened: rows.filter { period.contains($0.action.addedAt) }.count,
            closed: rows.filter { $0.closedAt.map(period.contains) == true }.count,
            overdue: rows.filter { $0.standing == .overdue }.count,
            lessons: lessons)
    }
}
