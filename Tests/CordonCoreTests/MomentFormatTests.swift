import CordonCore
import CordonTestSupport
import Testing

@Suite("Times shown and typed at the incident's offset")
struct MomentFormatTests {
    /// 2026-11-29 01:30:07.250 UTC: 09:30 in Shanghai, 20:30 the day before in New York.
    let moment = Timestamp(iso8601: "2026-11-29T01:30:07.250Z")!
    let shanghai = MomentFormat(offsetSeconds: 8 * 3600)

    // MARK: - Formatting

    @Test("every shape shows the same instant at the format's offset, whatever offset the moment carries")
    func shapes() {
        for carried in [moment, moment.shown(atOffset: -5 * 3600), moment.shown(atOffset: 8 * 3600)] {
            #expect(shanghai.date(carried) == "2026-11-29")
            #expect(shanghai.minute(carried) == "2026-11-29 09:30")
            #expect(shanghai.second(carried) == "2026-11-29 09:30:07")
            #expect(shanghai.clock(carried) == "09:30")
            #expect(shanghai.short(carried) == "11-29 09:30")
            #expect(shanghai.shortWithSeconds(carried) == "11-29 09:30:07")
        }
        let newYork = MomentFormat(offsetSeconds: -5 * 3600)
        #expect(newYork.minute(moment) == "2026-11-28 20:30", "the calendar day follows the offset")
        #expect(newYork.short(moment) == "11-28 20:30")
    }

    @Test("the offset label names hours and minutes, either side of UTC")
    func labels() {
        #expect(shanghai.label == "UTC+08:00")
        #expect(MomentFormat(offsetSeconds: 0).label == "UTC+00:00")
        #expect(MomentFormat(offsetSeconds: -(3 * 3600 + 30 * 60)).label == "UTC-03:30")
        #expect(MomentFormat(offsetSeconds: 5 * 3600 + 45 * 60).label == "UTC+05:45")
        #expect(MomentFormat.isoOffset(-5 * 3600) == "-05:00")
        #expect(shanghai.minuteWithLabel(moment, language: .en) == "2026-11-29 09:30 (UTC+08:00)")
        #expect(shanghai.minuteWithLabel(moment, language: .zh) == "2026-11-29 09:30（UTC+08:00）")
        #expect(shanghai.secondWithLabel(moment, language: .en) == "2026-11-29 09:30:07 (UTC+08:00)")
    }

    @Test("calendar days and ids pad as before")
    func days() {
        #expect(MomentFormat.date(year: 2026, month: 3, day: 7) == "2026-03-07")
        #expect(MomentFormat.date(year: 812, month: 12, day: 31, separator: "") == "08121231")
        #expect(DueDate(year: 2027, month: 1, day: 5)!.description == "2027-01-05")
        #expect(IncidentId(kind: .drill, on: moment.shown(atOffset: -5 * 3600), number: 7).description == "DRL-20261128-007")
    }

    // MARK: - The incident's offset

    @Test("an incident's times are its declaration's offset, whoever wrote later events")
    func incidentOffset() throws {
        var state = try IncidentState(declaration: Fixtures.declaration())
        state.apply(Event(seq: 2, ts: Fixtures.start.shown(atOffset: 0).adding(seconds: 60), actor: "lina", type: EventType.noteAdded, data: ["text": "在伦敦"], prev: ""))
        #expect(state.timeZoneOffset == 8 * 3600)
        #expect(state.times.short(state.lastEventAt) == "11-29 09:01", "a UTC writer's event reads at the incident's 09:01, not 01:01")
        #expect(state.local(state.lastEventAt).offsetSeconds == 8 * 3600)
        #expect(state.local(state.lastEventAt).millis == state.lastEventAt.millis)
    }

    // MARK: - Typed times

    @Test("the same typed time means the same instant for writers in any zone, once read at the incident's offset")
    func typedAtIncidentOffset() throws {
        let state = try IncidentState(declaration: Fixtures.declaration())
        let inUTC = Fixtures.start.shown(atOffset: 0).adding(seconds: 600)
        let inShanghai = Fixtures.start.adding(seconds: 600)
        let typedInUTC = try MomentText.happened("2026-11-29 08:45", now: state.local(inUTC))
        let typedInShanghai = try MomentText.happened("2026-11-29 08:45", now: state.local(inShanghai))
        #expect(typedInUTC.millis == typedInShanghai.millis)
        #expect(typedInUTC.millis == Timestamp(iso8601: "2026-11-29T08:45:00+08:00")!.millis)
    }

    @Test("a time that has happened may not lie in the future, beyond a minute of clock skew")
    func future() throws {
        let now = Fixtures.start
        #expect(try MomentText.happened("2026-11-29 09:01", now: now).millis == now.adding(seconds: 60).millis, "a minute of skew passes")
        #expect(try MomentText.happened("2h ago", now: now).millis == now.adding(seconds: -7200).millis)
        let refusal = try #require(throws: Refusal.self) { try MomentText.happened("2026-11-29 09:30", now: now) }
        #expect(refusal.code == "time-in-future")
        #expect(refusal.message.en.contains("2026-11-29 09:30 (UTC+08:00), later than now (2026-11-29 09:00)"))
        #expect(refusal.message.zh.contains("晚于现在"))
        let unreadable = try #require(throws: Refusal.self) { try MomentText.happened("昨天晚上", now: now) }
        #expect(unreadable.code == "bad-time")
        #expect(unreadable.message.en.contains("read at UTC+08:00"))
    }
}
