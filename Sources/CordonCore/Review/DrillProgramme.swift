/// The drills a team plans to run in a year (`playbooks/drills/plan.yaml`), and where each
/// stands: done by a drill, still due, or overdue.
///
///     let programme = DrillProgramme(entries: [PlannedDrill(scenario: "credential-stuffing", due: march)])
///     programme.progress(drills: states, today: today).first?.status   // .done(drill: "DRL-…", …)
public struct DrillProgramme: Sendable, Hashable {
    public var entries: [PlannedDrill]

    /// How long before its due day a drill may be run and still count for a planned one.
    public static let reach = 365

    public init(entries: [PlannedDrill]) {
        self.entries = entries
    }

    /// Each planned drill, in order of its due day, matched to the drills that ran.
    ///
    /// Planned drills of one scenario are claimed in order of their due days by the drills of
    /// that scenario in order of their start: a drill counts for the earliest planned one it can,
    /// but not for one whose previous planned run of the same scenario fell due after the drill
    /// ended, nor for one due more than a year after it ended, so last spring's drill never
    /// answers this autumn's plan. A drill still running counts once it has ended.
    public func progress(drills: [IncidentState], today: DueDate) -> [PlannedDrillProgress] {
        let ordered = entries.enumerated().sorted { ($0.element.due, $0.offset) < ($1.element.due, $1.offset) }
        var claimed: Set<String> = []
        var previousDue: [String: DueDate] = [:]
        var rows: [PlannedDrillProgress] = []
        // Ended drills, in the order they started, with the day each ended on its own calendar.
        let runs = drills.compactMap { state -> (id: String, drill: DrillState, ended: DueDate)? in
            guard let drill = state.drill, let ended = drill.endedAt else { return nil }
            return (state.id, drill, DueDate.today(state.local(ended)))
        }.sorted { ($0.drill.startedAt, $0.id) < ($1.drill.startedAt, $1.id) }
        for (_, entry) in ordered {
            let after = previousDue[entry.scenario]
            previousDue[entry.scenario] = entry.due
            let match = runs.first { run in
                run.drill.scenario == entry.scenario && !claimed.contains(run.id)
                    && (after.map { run.ended > $0 } ?? true) && run.ended > entry.due.adding(days: -Self.reach)
            }
            if let match {
                claimed.insert(match.id)
                rows.append(PlannedDrillProgress(entry: entry, status: .done(
                    drill: match.id, on: match.ended, score: match.drill.score, maximumScore: match.drill.maximumScore, late: match.ended > entry.due)))
            } else {
                rows.append(PlannedDrillProgress(entry: entry, status: today > entry.due ? .overdue(days: entry.due.days(to: today)) : .due(inDays: today.days(to: entry.due))))
            }
        }
        return rows
    }
}

/// One line of the plan: run this scenario by this day, with these roles or people.
public struct PlannedDrill: Sendable, Hashable {
    public var scenario: String
    public var due: DueDate
    /// Roles (`commander`) or people (`王磊`) who take part.
    public var with: [String]

    public init(scenario: String, due: DueDate, with: [String] = []) {
        self.scenario = scenario
        self.due = due
        self.with = with
    }
}

/// Where a planned drill stands.
public struct PlannedDrillProgress: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        /// Run by `drill`, which ended on `on`; `late` when that was after the due day.
        case done(drill: String, on: DueDate, score: Int?, maximumScore: Int?, late: Bool)
        /// Not run yet; due in this many days (0 is today).
        case due(inDays: Int)
        /// Not run, and its due day passed this many days ago.
        case overdue(days: Int)
    }

    public var entry: PlannedDrill
    public var status: Status

    public var isDone: Bool { if case .done = status { true } else { false } }
    public var isOverdue: Bool { if case .overdue = status { true } else { false } }

    /// `done` · `due` · `overdue`, for JSON.
    public var statusKey: String {
        switch status {
        case .done: "done"
        case .due: "due"
        case .overdue: "overdue"
        }
    }

    /// `已完成：DRL-20261129-001（2026-11-29，得分 70/100）` / `due in 12 days`.
    public func statusText(_ language: Language) -> String {
        let zh = language == .zh
        switch status {
        case .done(let drill, let on, let score, let maximum, let late):
            let points = score.map { (zh ? "，得分 " : ", score ") + "\($0)/\(maximum ?? 0)" } ?? ""
            let lateness = late ? (zh ? "，晚于计划" : ", later than planned") : ""
            return zh ? "已完成：\(drill)（\(on)\(points)\(lateness)）" : "done: \(drill) (\(on)\(points)\(lateness))"
        case .due(let days):
            if days == 0 { return zh ? "今天到期" : "due today" }
            return zh ? "\(days) 天后到期" : "due in \(days) day\(days == 1 ? "" : "s")"
        case .overdue(let days):
            return zh ? "已逾期 \(days) 天" : "overdue by \(days) day\(days == 1 ? "" : "s")"
        }
    }
}

extension Array where Element == PlannedDrillProgress {
    /// The planned drills not done whose day has passed, the most overdue first.
    public var overdue: [PlannedDrillProgress] {
        filter(\.isOverdue).sorted { $0.entry.due < $1.entry.due }
    }

    /// The next planned drill not yet done and not overdue.
    public var nextDue: PlannedDrillProgress? {
        first { if case .due = $0.status { true } else { false } }
    }
}
