/// A clock in words, for the lines that name one beside other things: the home screen's and
/// `cordon list`'s most urgent clock.
public enum DeadlineWords {
    /// `若定为较大及以上：` / `if graded serious or above: `.
    public static func ifGraded(_ severity: Severity) -> LocalizedText {
        LocalizedText(zh: "若定为\(severity.title.zh)及以上：", en: "if graded \(severity.rawValue) or above: ")
    }

    /// `剩余 3:59:12 向省级网信部门报告`, `超时 0:12:00 …`, `若定为较大及以上：剩余 1:12:00 …`.
    public static func brief(_ status: DeadlineStatus, language: Language) -> String {
        let condition = status.ifGradedAtLeast.map { ifGraded($0)[language] } ?? ""
        let title = status.deadline.title[language]
        if status.state == .running {
            let left = DurationText.clock(status.remaining, language: language)
            return condition + (language == .zh ? "剩余 \(left) \(title)" : "\(left) left: \(title)")
        }
        let late = DurationText.clock(status.lateness, language: language)
        return condition + (language == .zh ? "超时 \(late) \(title)" : "MISSED by \(late): \(title)")
    }
}
