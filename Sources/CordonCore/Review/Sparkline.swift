/// Scores as a line of block characters, lowest `▁` to highest `█` on a 0–100 scale, so a
/// trend reads at a glance in a terminal: `▃▅▇`.
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public static func text(_ percents: [Int]) -> String {
        String(percents.map { percent in blocks[min(max(percent, 0), 100) * (blocks.count - 1) / 100] })
    }
}

/// How the review says a span: to the minute, as `3 小时 20 分钟` / `3 h 20 min`.
public enum ReviewText {
    public static func span(_ seconds: Int, language: Language) -> String {
        DurationText.spoken(seconds < 60 ? seconds : seconds / 60 * 60, language: language)
    }
}
