import CordonCore
import CordonTestSupport
import Testing

/// The player and scrub bar, driven by a wall clock moved by hand.
@Suite("Replay player")
struct ReplayPlayerTests {
    /// 09:00 declared · 09:01 note · 09:05 isolate done · 09:06 into notification + a note at the
    /// same moment · (a night) · 23:06 note · 23:10 into improvement.
    static func incident() throws -> (replay: IncidentReplay, timeline: ReplayTimeline) {
        let journal = MemoryJournal()
        journal.clock.advance(seconds: 60)
        try journal.perform(.note("一"))
        journal.clock.advance(seconds: 240)
        try journal.perform(.step("isolate", .done))
        journal.clock.advance(seconds: 60)
        try journal.perform(.advance(force: true, reason: "先通报"))
        try journal.perform(.note("同一时刻"))
        journal.clock.advance(seconds: 14 * 3600)
        try journal.perform(.note("次日"))
        journal.clock.advance(seconds: 240)
        try journal.perform(.advance(force: true, reason: "复盘"))
        let replay = try IncidentReplay(events: journal.events)
        return (replay, replay.timeline)
    }

    let wall = ManualClock(Timestamp(iso8601: "2027-01-05T10:00:00Z")!)

    func advance(_ player: inout ReplayPlayer, millis: Int64) {
        wall.set(Timestamp(millis: wall.now().millis + millis))
        player.tick(wall: wall.now())
    }

    // MARK: - Playing

    @Test("at 10× a minute of the incident takes six seconds, and the deadline clocks run in between")
    func playsAtSpeed() throws {
        let (replay, timeline) = try Self.incident()
        var player = ReplayPlayer(timeline: timeline, speed: 10)
        player.perform(.togglePlay, wall: wall.now())
        advance(&player, millis: 5999)
        #expect(player.position.seq == 1)
        #expect(Fixtures.start.seconds(to: player.position.time) == 59)
        let contain = { DeadlineBoard.evaluate(playbook: Fixtures.playbook, state: replay.moment(at: player.position).state, now: replay.moment(at: player.position).now).first { $0.deadline.id == "contain" }!.remaining }
        #expect(contain() == 3540, "59.999 s into the hour the clock shows 59:00 left, counting down between events")
        advance(&player, millis: 1)
        #expect(player.position.seq == 2)
        #expect(player.position.time == timeline.time(of: 2))
    }

    @Test("events of one moment appear together; a night is crossed in two seconds and shown as a gap")
    func compressesLongGaps() throws {
        let (_, timeline) = try Self.incident()
        #expect(timeline.gaps == [ReplayGap(after: 5, seconds: 14 * 3600)])
        var player = ReplayPlayer(timeline: timeline, at: 3, speed: 10)
        player.perform(.togglePlay, wall: wall.now())
        advance(&player, millis: 6000)
        #expect(player.position.seq == 5, "the advance and the note of the same moment arrive together")
        #expect(player.gap == nil)
        advance(&player, millis: 1000)
        #expect(player.gap == ReplayGap(after: 5, seconds: 14 * 3600))
        #expect(player.position.seq == 5)
        advance(&player, millis: 1000)
        #expect(player.position.seq == 6)
        #expect(player.gap == nil)
    }

    @Test("playing stops at the end; playing again starts over")
    func stopsAtEnd() throws {
        let (_, timeline) = try Self.incident()
        var player = ReplayPlayer(timeline: timeline, speed: 1000)
        player.perform(.togglePlay, wall: wall.now())
        advance(&player, millis: 60_000)
        #expect(player.isAtEnd)
        #expect(!player.isPlaying)
        player.perform(.togglePlay, wall: wall.now())
        #expect(player.isPlaying)
        #expect(player.position.seq == 1)
    }

    // MARK: - Moving by hand

    @Test("stepping pauses; a step back from inside a gap lands on the event before it")
    func stepping() throws {
        let (_, timeline) = try Self.incident()
        var player = ReplayPlayer(timeline: timeline, at: 5, speed: 10)
        player.perform(.togglePlay, wall: wall.now())
        advance(&player, millis: 500)
        #expect(player.position.time > timeline.time(of: 5))
        player.perform(.stepBack, wall: wall.now())
        #expect(!player.isPlaying)
        #expect(player.position == ReplayPosition(seq: 5, time: timeline.time(of: 5)))
        player.perform(.stepBack, wall: wall.now())
        #expect(player.position.seq == 4)
        player.perform(.stepForward, wall: wall.now())
        player.perform(.stepForward, wall: wall.now())
        #expect(player.position.seq == 6)
        player.perform(.toStart, wall: wall.now())
        player.perform(.stepBack, wall: wall.now())
        #expect(player.position.seq == 1, "nothing before the declaration")
        player.perform(.toEnd, wall: wall.now())
        player.perform(.stepForward, wall: wall.now())
        #expect(player.position.seq == 7)
    }

    @Test("phase jumps land on the events that changed phase")
    func phaseJumps() throws {
        let (_, timeline) = try Self.incident()
        #expect(timeline.phaseBoundaries == [1, 4, 7])
        var player = ReplayPlayer(timeline: timeline)
        player.perform(.nextPhase, wall: wall.now())
        #expect(player.position.seq == 4)
        player.perform(.nextPhase, wall: wall.now())
        #expect(player.position.seq == 7)
        player.perform(.nextPhase, wall: wall.now())
        #expect(player.position.seq == 7)
        player.perform(.seek(6), wall: wall.now())
        player.perform(.previousPhase, wall: wall.now())
        #expect(player.position.seq == 4)
        player.perform(.previousPhase, wall: wall.now())
        #expect(player.position.seq == 1)
    }

    @Test("speed steps from 1× to 1000× and no further")
    func speeds() throws {
        let (_, timeline) = try Self.incident()
        var player = ReplayPlayer(timeline: timeline, speed: 1)
        player.perform(.slower, wall: wall.now())
        #expect(player.speed == 1)
        for _ in 0..<20 { player.perform(.faster, wall: wall.now()) }
        #expect(player.speed == 1000)
        player.perform(.slower, wall: wall.now())
        #expect(player.speed == 500)
        player.perform(.speed(5000), wall: wall.now())
        #expect(player.speed == 1000)
    }

    @Test("the console can be handed a moment as a read-only journal whose clock reads that moment")
    func replayJournal() throws {
        let (replay, timeline) = try Self.incident()
        var player = ReplayPlayer(timeline: timeline, at: 3)
        let journal = ReplayJournal(playbook: Fixtures.playbook, moment: replay.moment(at: player.position))
        #expect(journal.events.count == 3)
        #expect(journal.state.stepState("isolate") == .done)
        #expect(journal.clock.now() == timeline.time(of: 3))
        #expect(throws: Refusal.self) { try journal.perform(.note("回放中不能记录")) }
        player.perform(.stepBack, wall: wall.now())
        journal.show(replay.moment(at: player.position))
        #expect(journal.events.count == 2)
        #expect(journal.state.stepState("isolate") == .pending)
    }

    // MARK: - Scrub bar

    @Test("the scrub bar marks phases and the compressed night, and a column leads back to its event")
    func scrubBar() throws {
        let (_, timeline) = try Self.incident()
        let bar = ScrubBar(timeline: timeline, width: 40)
        let start = ReplayPosition(seq: 1, time: timeline.time(of: 1))
        let text = bar.text(at: start)
        #expect(text.count == 40)
        #expect(text.first == "@")
        #expect(text.last == "|", "the last phase change is the last event")
        #expect(text.contains("~"), "the night is marked as a compressed gap")
        #expect(text.filter { $0 == "|" }.count == 2, "two phase changes; the head covers the declaration: \(text)")
        // The night counts as ten minutes, so the morning's six minutes keep a good part of the bar.
        #expect(bar.column(of: 4) >= 10, "\(text)")
        for seq in 1...timeline.count {
            #expect(bar.seq(atColumn: bar.column(of: seq)) >= seq)
            #expect(bar.column(of: bar.seq(atColumn: bar.column(of: seq))) == bar.column(of: seq))
        }
        let playing = ReplayPosition(seq: 5, time: timeline.time(of: 5).adding(seconds: 7 * 3600))
        #expect(bar.column(of: playing) > bar.column(of: 5))
        #expect(bar.column(of: playing) < bar.column(of: 6))
        #expect(bar.text(at: ReplayPosition(seq: 7, time: timeline.time(of: 7))).hasPrefix("|==="))
    }
}
