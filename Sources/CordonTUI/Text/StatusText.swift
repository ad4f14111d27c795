import CordonCore

/// How a step's state looks: the same marks as `cordon status`.
enum StepMark {
    static func mark(_ state: StepState) -> String {
        switch state {
        case .pending: "[ ]"
        case .active: "[>]"
        case .done: "[x]"
        case .skipped: "[-]"
        case .blocked: "[!]"
        }
    }

    static func style(_ state: StepState) -> Style {
        switch state {
        case .pending: .plain
        case .active: Style(.accent, bold: true)
        case .done: Style(.good)
        case .skipped: .muted
        case .blocked: Style(.warning, bold: true)
        }
    }
}

/// How a deadline clock reads: words carry the state, so it is clear without colour too.
enum DeadlineText {
    /// Beside a deadline the playbook marks `verify: true`: the limit is not confirmed law.
    static let unconfirmed = LocalizedText(zh: "⚠待法务确认", en: "⚠ check with legal")

    /// `剩余 3:20:00 · 截止 11-29 13:00`, times at `times` (the incident's offset); before
    /// grading, a clock that would apply says so first: `若定为较大及以上：剩余 1:12:00 · …`.
    static func state(_ status: DeadlineStatus, times: MomentFormat, language: Language) -> String {
        let condition = status.ifGradedAtLeast.map { ifGraded($0)[language] } ?? ""
        return condition + settled(status, times: times, language: language)
    }

    /// `若定为较大及以上：` / `if graded serious or above: `.
    static func ifGraded(_ severity: Severity) -> LocalizedText { DeadlineWords.ifGraded(severity) }

    static func brief(_ status: DeadlineStatus, language: Language) -> String { DeadlineWords.brief(status, language: language) }

    private static func settled(_ status: DeadlineStatus, times: MomentFormat, language: Language) -> String {
        let zh = language == .zh
        switch status.state {
        case .running:
            let left = DurationText.clock(status.remaining, language: language)
            let due = times.short(status.due)
            let hurry = status.isUrgent ? (zh ? "紧急！" : "URGENT ") : ""
            return zh ? "\(hurry)剩余 \(left) · 截止 \(due)" : "\(hurry)\(left) left · due \(due)"
        case .missed:
            let late = DurationText.clock(status.lateness, language: language)
            if let met = status.metAt {
                return zh ? "超时完成（晚 \(late)）· \(times.short(met))" : "met late (by \(late)) · \(times.short(met))"
            }
            return zh ? "已超时 \(late) · 截止 \(times.short(status.due))" : "MISSED by \(late) · was due \(times.short(status.due))"
        case .met:
            let met = status.metAt.map(times.short) ?? ""
            return zh ? "已满足 · \(met)" : "met · \(met)"
        }
    }

    static func style(_ status: DeadlineStatus) -> Style {
        switch status.state {
        case .running: status.isUrgent ? Style(.warning, bold: true) : .plain
        case .missed: Style(.danger, bold: true)
        case .met: Style(.good)
        }
    }
}
