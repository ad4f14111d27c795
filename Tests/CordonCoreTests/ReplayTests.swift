import CordonCore
import CordonTestSupport
import Testing

/// Replay gives exactly what the live incident showed: the same state, the same status bytes.
@Suite("Replay")
struct ReplayTests {
    /// One random incident worked through the rules, with what `status --json` printed after every
    /// event and at moments between events.
    struct LiveRecording {
        var events: [Event] = []
        /// `status --json` bytes right after each event, read at that event's time (index seq - 1).
        var afterEvent: [String] = []
        /// `status --json` bytes at moments in between, with the moment.
        var between: [(time: Timestamp, status: String)] = []
    }

    static func record(seed: UInt64, commands: Int) throws -> LiveRecording {
        var random = SeededGenerator(seed: seed)
        let journal = MemoryJournal()
        let playbook = journal.playbook
        var recording = LiveRecording()
        var live = journal.state
        func snapshot(_ state: IncidentState, _ now: Timestamp) -> String {
            JSONWriter.string(StatusDocument.make(playbook: playbook, state: state, now: now))
        }
        recording.events.append(journal.events[0])
        recording.afterEvent.append(snapshot(live, journal.events[0].ts))
        let steps = playbook.allSteps.map(\.step.id) + ["no-such-step"]
        for _ in 0..<commands {
            // Same-moment batches, minutes apart, and now and then a night or a weekend.
            let pauses: [Int] = [0, 0, 1, 45, 300, 900, 3600, 4 * 3600, 14 * 3600, 60 * 3600]
            let pause = pauses[random.draw(0...pauses.count - 1)]
            if pause > 60 {
                journal.clock.advance(seconds: random.draw(1...pause - 1))
                recording.between.append((journal.clock.now(), snapshot(journal.state, journal.clock.now())))
                journal.clock.advance(seconds: 1)
            } else {
                journal.clock.advance(seconds: pause)
            }
            let command: Command
            switch random.draw(0...9) {
            case 0...3:
                let action = StepAction.allCases[random.draw(0...StepAction.allCases.count - 1)]
                command = .step(steps[random.draw(0...steps.count - 1)], action, reason: random.draw(0...1) == 0 ? "原因" : nil)
            case 4: command = .note("备注 \(random.draw(1...999))")
            case 5: command = .assign(role: ["commander", "legal"][random.draw(0...1)], person: ["王磊", "李娜", "陈晨"][random.draw(0...2)])
            case 6: command = .classify(Severity.allCases[random.draw(0...3)], reason: nil)
            case 7: command = .advance(force: random.draw(0...2) == 0, reason: "时限压力")
            default: command = .notify(audience: "regulator", channel: "报送系统")
            }
            guard let written = try? journal.perform(command) else { continue }
            for event in written {
                live.apply(event)
                recording.events.append(event)
                recording.afterEvent.append(snapshot(live, event.ts))
            }
            #expect(live == journal.state)
        }
        return recording
    }

    // MARK: - The property

    @Test("replay at every seq prints the status the live incident printed then, byte for byte", arguments: [1, 7, 256])
    func replayEqualsLive(interval: Int) throws {
        var types: Set<String> = []
        for seed in UInt64(1)...24 {
            let recording = try Self.record(seed: seed, commands: 120)
            types.formUnion(recording.events.map(\.type))
            let replay = try IncidentReplay(events: recording.events, interval: interval)
            let differs = (1...replay.count).first { seq in
                JSONWriter.string(replay.moment(at: seq).status(playbook: Fixtures.playbook)) != recording.afterEvent[seq - 1]
            }
            #expect(differs == nil, "seed \(seed): replay differs from the live status first at seq \(differs ?? 0)")
            let differsAt = recording.between.first { time, status in
                replay.moment(at: time).map { JSONWriter.string($0.status(playbook: Fixtures.playbook)) } != status
            }
            #expect(differsAt == nil, "seed \(seed): replay differs from the live status at \(differsAt?.time.iso8601 ?? "")")
        }
        let worked: Set = [EventType.stepCompleted, EventType.stepReopened, EventType.classified, EventType.phaseAdvanced, EventType.closed, EventType.noticeSent]
        #expect(worked.isSubset(of: types), "the random incidents reach every kind of change: \(worked.subtracting(types))")
    }

    @Test("a time takes every event recorded by then, and nothing before the declaration exists")
    func timeLookup() throws {
        let journal = MemoryJournal()
        journal.clock.advance(seconds: 60)
        try journal.perform(.note("一"))
        try journal.perform(.note("二"))
        journal.clock.advance(seconds: 60)
        try journal.perform(.note("三"))
        let replay = try IncidentReplay(events: journal.events)
        #expect(replay.seq(at: Fixtures.start.adding(seconds: -1)) == nil)
        #expect(replay.seq(at: Fixtures.start) == 1)
        #expect(replay.seq(at: Fixtures.start.adding(seconds: 60)) == 3, "both notes of the same moment")
        #expect(replay.seq(at: Fixtures.start.adding(seconds: 119)) == 3)
        #expect(replay.seq(at: Fixtures.start.adding(seconds: 86_400)) == 4)
        let moment = try #require(replay.moment(at: Timestamp(iso8601: "2026-11-29T02:01:30Z")!))
        #expect(moment.now.iso8601 == "2026-11-29T10:01:30.000+08:00", "read in the zone of the incident's own events")
    }

    @Test("a timeline with a gap in its seqs is refused rather than replayed wrongly")
    func refusesGaps() throws {
        let journal = MemoryJournal()
        try journal.perform(.note("一"))
        try journal.perform(.note("二"))
        #expect(throws: IncidentState.FoldError.self) { try IncidentReplay(events: [journal.events[0], journal.events[2]]) }
    }
}
