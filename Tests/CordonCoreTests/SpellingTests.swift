import CordonCore
import Testing

@Suite("Counts, spans and days as responders type them")
struct SpellingTests {
    // MARK: - Counts

    @Test("counts take digits, separators and 万/亿, and refuse what is not a whole count")
    func counts() {
        #expect(Spelling.count("48000") == 48_000)
        #expect(Spelling.count("48,000") == 48_000)
        #expect(Spelling.count("48，000") == 48_000)
        #expect(Spelling.count("4.8万") == 48_000)
        #expect(Spelling.count("3.1万") == 31_000)
        #expect(Spelling.count("１.２亿") == 120_000_000, "full-width digits from a Chinese input method")
        #expect(Spelling.count("3 万") == 30_000)
        #expect(Spelling.count("-5") == nil)
        #expect(Spelling.count("1.5") == nil)
        #expect(Spelling.count("1.23456万") == nil)
        #expect(Spelling.count("约五万") == nil)
        #expect(Spelling.count("") == nil)
    }

    // MARK: - Spans

    @Test("spans read the same in either language and in combinations")
    func spans() {
        #expect(Spelling.span("4h") == 4 * 3600)
        #expect(Spelling.span("4小时") == 4 * 3600)
        #expect(Spelling.span("4 个小时") == 4 * 3600)
        #expect(Spelling.span("30m") == 1800)
        #expect(Spelling.span("30分钟") == 1800)
        #expect(Spelling.span("30min") == 1800)
        #expect(Spelling.span("1h30m") == 5400)
        #expect(Spelling.span("1小时30分") == 5400)
        #expect(Spelling.span("1天 2小时") == 26 * 3600)
        #expect(Spelling.span("3d") == 3 * 86_400)
        #expect(Spelling.span("2周") == 14 * 86_400)
        #expect(Spelling.span("90s") == 90)
        #expect(Spelling.span("0m") == nil, "a clock of no time is not a clock")
        #expect(Spelling.span("4") == nil, "a number without a unit is ambiguous")
        #expect(Spelling.span("h") == nil)
        #expect(Spelling.span("4hours") == nil)
        #expect(Spelling.span("-4h") == nil)
        #expect(DurationText.seconds("4小时") == 4 * 3600, "playbooks read spans through the same parser")
    }

    @Test("moments before now take Chinese spans: 2小时前 is 2h ago")
    func momentsAgo() {
        let now = Timestamp(iso8601: "2026-11-29T10:00:00+08:00")!
        #expect(MomentText.parse("2小时前", now: now) == MomentText.parse("2h ago", now: now))
        #expect(MomentText.parse("2小时前", now: now) == Timestamp(iso8601: "2026-11-29T08:00:00+08:00"))
        #expect(MomentText.parse("90 分钟前", now: now) == Timestamp(iso8601: "2026-11-29T08:30:00+08:00"))
    }

    // MARK: - Days

    @Test("days ahead take d, 天 and 周, with or without a plus, and only whole days")
    func days() {
        #expect(Spelling.days("+30d") == 30)
        #expect(Spelling.days("30d") == 30)
        #expect(Spelling.days("+30天") == 30)
        #expect(Spelling.days("＋30 天") == 30)
        #expect(Spelling.days("2周") == 14)
        #expect(Spelling.days("+0d") == 0)
        #expect(Spelling.days("+36h") == nil)
        #expect(Spelling.days("30") == nil)
        #expect(Spelling.days("2026-12-31") == nil)
    }

    @Test("a due date is the same day whichever way it is spelt")
    func dueDates() {
        let now = Timestamp(iso8601: "2026-11-29T23:30:00+08:00")!
        let expected = DueDate(year: 2026, month: 12, day: 29)
        #expect(DueDate(parsing: "+30d", now: now) == expected)
        #expect(DueDate(parsing: "+30天", now: now) == expected)
        #expect(DueDate(parsing: "30 天", now: now) == expected)
        #expect(DueDate(parsing: "2026-12-29", now: now) == expected)
        #expect(DueDate(parsing: "+3651d", now: now) == nil, "ten years is the furthest a due date may lie")
        #expect(DueDate(parsing: "下个月", now: now) == nil)
    }
}
