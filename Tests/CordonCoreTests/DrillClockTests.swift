import CordonCore
import CordonTestSupport
import Testing

/// The drill clock moves only when the wall clock under it is moved by hand.
@Suite("Drill clock")
struct DrillClockTests {
    func started(speed: Int = 600) throws -> (MemoryDrillJournal, DrillConductor) {
        let journal = MemoryDrillJournal(scenario: Fixtures.scenario)
        let conductor = DrillConductor(journal: journal, scenario: Fixtures.scenario)
        try conductor.start(speed: speed, seed: 1)
        return (journal, conductor)
    }

    @Test("before the start the drill clock shows wall time; after it, wall time times the speed")
    func runsAtSpeed() throws {
        let journal = MemoryDrillJournal(scenario: Fixtures.scenario)
        let conductor = DrillConductor(journal: journal, scenario: Fixtures.scenario)
        journal.advanceWall(millis: 5000)
        #expect(conductor.now == journal.wall.now())
        try conductor.start(speed: 600, seed: 1)
        let start = try #require(journal.state.drill?.startedAt)
        #expect(start == journal.wall.now())
        journal.advanceWall(millis: 1000)
        #expect(start.seconds(to: conductor.now) == 600, "one second is ten minutes at 600×")
    }

    @Test("paused, the drill clock stands still however long the facilitator talks; resumed, it goes on from there")
    func pauseAndResume() throws {
        let (journal, conductor) = try started()
        let start = journal.state.drill!.startedAt
        journal.advanceWall(millis: 500)
        try conductor.perform(.pause)
        #expect(journal.events.last?.ts == start.adding(seconds: 300), "the pause is stamped in drill time")
        journal.advanceWall(millis: 3_600_000)
        #expect(start.seconds(to: conductor.now) == 300)
        #expect(conductor.banner.isPaused)
        #expect(conductor.banner.text(.en) == "DRILL · Mini drill · T+0:05:00/4:00:00 · ×600 ⏸ paused · next inject 0:05:00 · score 0/35")
        #expect(conductor.banner.text(.zh) == "演练 · 小演练 · T+0:05:00/4:00:00 · ×600 ⏸ 已暂停 · 下一注入 0:05:00 · 得分 0/35")
        #expect(conductor.banner.details(.zh) == ["T+0:05:00/4:00:00", "×600 ⏸ 已暂停", "下一注入 0:05:00", "得分 0/35"], "for screens whose header already says DRILL")
        #expect(DrillBanner.tag.zh.hasPrefix(DrillBanner.label.zh) && DrillBanner.tag.en.hasPrefix(DrillBanner.label.en))
        #expect(throws: Refusal.self) { try conductor.perform(.pause) }
        try conductor.perform(.resume)
        journal.advanceWall(millis: 100)
        #expect(start.seconds(to: conductor.now) == 360)
    }

    @Test("a new speed applies from the moment it is set, without a jump")
    func changeSpeed() throws {
        let (journal, conductor) = try started(speed: 60)
        let start = journal.state.drill!.startedAt
        journal.advanceWall(millis: 5000)
        try conductor.perform(.speed(600))
        #expect(start.seconds(to: conductor.now) == 300)
        journal.advanceWall(millis: 200)
        #expect(start.seconds(to: conductor.now) == 420)
        #expect(throws: Refusal.self) { try conductor.perform(.speed(0)) }
        #expect(throws: Refusal.self) { try conductor.perform(.speed(20_000)) }
    }

    @Test("f jumps the clock to the next inject, which the next tick delivers at exactly its time")
    func skipToNextInject() throws {
        let (journal, conductor) = try started(speed: 1)
        let start = journal.state.drill!.startedAt
        try conductor.perform(.skipToNextInject)
        #expect(start.seconds(to: conductor.now) == 600)
        let delivered = try conductor.tick()
        #expect(delivered.map(\.type) == [EventType.injectDelivered])
        #expect(delivered[0].ts == start.adding(seconds: 600))
        try conductor.perform(.skipToNextInject)
        try conductor.perform(.skipToNextInject)
        #expect(start.seconds(to: conductor.now) == 1800, "a second f before the tick goes nowhere new")
    }

    @Test("the clock waits at an inject until it is delivered, so it falls at exactly its time however late the tick")
    func waitsForInjects() throws {
        let (journal, conductor) = try started(speed: 600)
        let start = journal.state.drill!.startedAt
        journal.advanceWall(millis: 60_000)
        #expect(start.seconds(to: conductor.now) == 600, "a minute of wall time, but the reporter's call has not been delivered")
        try journal.perform(.note("电话还没接到"))
        #expect(journal.events.last?.ts == start.adding(seconds: 600))
        let delivered = try conductor.tick()
        #expect(delivered.map(\.ts) == [start.adding(seconds: 600)])
        journal.advanceWall(millis: 1000)
        #expect(start.seconds(to: conductor.now) == 1200, "and runs on from there")
    }

    @Test("the clock lives in the timeline: another process folding it reads the same drill time")
    func clockFromTimeline() throws {
        let (journal, conductor) = try started(speed: 120)
        journal.advanceWall(millis: 2000)
        try conductor.perform(.pause)
        try conductor.perform(.resume)
        try conductor.perform(.speed(300))
        journal.advanceWall(millis: 1500)
        let elsewhere = DrillClock(wall: journal.wall, following: try IncidentState.fold(journal.events))
        #expect(elsewhere.now() == conductor.now)
    }

    @Test("a driver can wait exactly until the next inject instead of polling")
    func nextWakeUp() throws {
        let (journal, conductor) = try started(speed: 600)
        let wake = try #require(conductor.nextWakeUp)
        #expect(journal.wall.now().seconds(to: wake) == 1)
        journal.wall.set(wake)
        #expect(try conductor.tick().count == 1)
        try conductor.perform(.pause)
        #expect(conductor.nextWakeUp == nil)
    }
}
