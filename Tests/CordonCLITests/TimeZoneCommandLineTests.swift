import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// One incident worked from two terminals in different zones: a responder in Shanghai declares
/// it, a colleague whose terminal runs in UTC joins. Both read and type the incident's clock.
@Suite("Two writers in different time zones")
struct TimeZoneCommandLineTests {
    let folder = TemporaryFolder()
    /// The incident's offset: its declaration was written in Shanghai.
    let incident = MomentFormat(offsetSeconds: 8 * 3600)

    func cordon(zone: String) -> CordonBinary {
        var binary = CordonBinary(home: folder.path + "/home")
        binary.environment["TZ"] = zone
        return binary
    }

    var shanghai: CordonBinary { cordon(zone: "Asia/Shanghai") }
    var utc: CordonBinary { cordon(zone: "UTC") }

    func events(_ id: String) throws -> [Event] {
        try String(contentsOfFile: shanghai.timeline(id), encoding: .utf8)
            .split(separator: "\n").map { try Event(line: Array($0.utf8)) }
    }

    func succeeds(_ binary: CordonBinary, _ arguments: [String]) throws -> CordonBinary.Result {
        let result = try binary.run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result
    }

    // MARK: - Display

    @Test("status, replay and the report print every time at the declaration's offset and name it, whoever wrote last")
    func display() throws {
        let id = try shanghai.declare(extra: ["--severity", "serious", "--detected-at", "30m ago"])
        _ = try succeeds(utc, ["step", id, "confirm-leak", "done"])
        _ = try succeeds(shanghai, ["note", id, "上海：已通知法务"])
        _ = try succeeds(utc, ["note", id, "伦敦同事：样本比对完成"])
        let events = try events(id)
        #expect(events.map(\.ts.offsetSeconds) == [8 * 3600, 0, 8 * 3600, 0], "each line keeps the offset it was written at")
        let utcClock = MomentFormat(offsetSeconds: 0)

        let status = try succeeds(utc, ["status", id]).stdout
        #expect(status.contains("(times are UTC+08:00)"))
        #expect(status.contains("declared \(incident.minute(events[0].ts))"))
        #expect(status.contains("done \(incident.minute(events[1].ts))"), "the UTC writer's step reads at the incident's hour")
        #expect(!status.contains(utcClock.minute(events[1].ts)))

        let transcript = try succeeds(utc, ["replay", id]).stdout
        #expect(transcript.contains("Times are UTC+08:00"))
        for event in events {
            #expect(transcript.contains("#\(event.seq)  \(incident.second(event.ts))  "), "event \(event.seq)")
        }
        #expect(!transcript.contains(utcClock.second(events[3].ts)))

        let typed = incident.second(events[3].ts.adding(seconds: 1))
        let replayed = try succeeds(utc, ["replay", id, "--at", typed]).stdout
        #expect(replayed.contains("after event 4 of 4 · at \(typed) UTC+08:00"))
        #expect(replayed.contains("(times are UTC+08:00)"))
        let early = try utc.run(["replay", id, "--at", incident.minute(events[0].ts.adding(seconds: -120))])
        #expect(early.status == 64, "typed at the incident's offset, two minutes before the declaration is before it")
        #expect(early.stderr.contains("before the incident was declared"))

        let report = try succeeds(utc, ["report", id]).stdout
        #expect(report.contains("all times are UTC+08:00"))
        for event in events {
            #expect(report.contains(incident.second(event.ts)), "event \(event.seq)")
        }
        #expect(!report.contains(utcClock.second(events[3].ts)))
    }

    // MARK: - Typed times

    @Test("a time typed under TZ=UTC lands where it does under Shanghai; one in the future is refused")
    func typedTimes() throws {
        let id = try shanghai.declare()
        let now = Timestamp(date: Date(), timeZone: try #require(TimeZone(identifier: "Asia/Shanghai")))
        let yesterday = incident.date(now.adding(seconds: -86_400))
        let typed = "\(yesterday) 09:30"
        _ = try succeeds(shanghai, ["finding", id, "add", "--kind", "timeline", "--at", typed, "上海录入：登录堡垒机"])
        _ = try succeeds(utc, ["finding", id, "add", "--kind", "timeline", "--at", typed, "伦敦录入：登录堡垒机"])
        let listed = try JSONReader.parse(try succeeds(utc, ["finding", id, "list", "--json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        let occurred = (listed.array ?? []).compactMap { $0.object?.string("occurred_at").flatMap(Timestamp.init(iso8601:)) }
        let expected = try #require(Timestamp(iso8601: "\(yesterday)T09:30:00+08:00"))
        #expect(occurred.map(\.millis) == [expected.millis, expected.millis])
        let human = try succeeds(utc, ["finding", id, "list"]).stdout
        #expect(human.contains("\(typed)  伦敦录入"))
        #expect(human.contains("(times are UTC+08:00)"))

        let before = try events(id).count
        let tomorrow = incident.date(now.adding(seconds: 2 * 86_400))
        let future = try utc.run(["finding", id, "add", "--kind", "timeline", "--at", "\(tomorrow) 09:30", "尚未发生"])
        #expect(future.status == 2)
        #expect(future.stderr.contains("later than now"), "\(future.stderr)")
        #expect(future.stderr.contains("UTC+08:00"), "the message says at which offset the time was read")
        #expect(try events(id).count == before, "nothing was recorded")

        let early = try utc.run(["declare", "--playbook", "pi-leak", "--title", "未来发现", "--detected-at", "\(tomorrow) 09:30"])
        #expect(early.status == 2)
        #expect(early.stderr.contains("UTC+00:00"), "with no incident yet, the terminal's own zone reads it: \(early.stderr)")
        #expect(try utc.run(["list"]).stdout.split(separator: "\n").count == 1, "no incident was declared")
    }
}
