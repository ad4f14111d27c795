extension DurationText {
    /// `clock`, with days counted in 天 for Chinese text: `2天 04:00:00` / `2d 04:00:00`.
    public static func clock(_ seconds: Int, language: Language) -> String {
        let text = clock(seconds)
        guard language == .zh, let day = text.firstIndex(of: "d") else { return text }
        var chinese = text
        chinese.replaceSubrange(day...day, with: "天")
        return chinese
    }
}
