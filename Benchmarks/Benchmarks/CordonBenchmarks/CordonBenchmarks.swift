import Benchmark
import CordonCore
import CordonFixtures
import CordonStore
import CordonTUI
import Foundation

// The internal figures behind BENCHMARKS.md. Each pair that a target compares (100 against
// 100,000 events, 10 against 100,000) runs on seeded incidents written through the real store;
// `scripts/bench-vs-peers` runs them beside the whole-process comparisons.
//
//     swift package --package-path Benchmarks benchmark

nonisolated(unsafe) private var home: FixtureHome!

/// The long incident's size: 100,000 events unless `CORDON_BENCH_EVENTS` says otherwise.
private let big = ProcessInfo.processInfo.environment["CORDON_BENCH_EVENTS"].flatMap(Int.init) ?? 100_000

private func fixtures() -> FixtureHome {
    if home == nil { home = try! FixtureHome(sizes: [10, 100, big]) }
    return home
}

private func stamp() -> Stamp { Stamp(actor: "bench", clock: SystemClock()) }

/// A console on an incident opened as `cordon open` opens it (every event kept), at 100×30,
/// opened once per process so that a benchmark measures frames, not opening.
nonisolated(unsafe) private var consoles: [Int: (ConsoleProgram, MemoryTerminal, ManualClock)] = [:]

private func console(_ events: Int) throws -> (ConsoleProgram, MemoryTerminal, ManualClock) {
    if let open = consoles[events] { return open }
    let clock = ManualClock(Timestamp(iso8601: "2026-12-20T09:00:00.000+08:00")!)
    let session = try fixtures().store.open(fixtures().id(events), stamp: stamp(), keepEvents: true)
    let size = Size(width: 100, height: 30)
    let program = ConsoleProgram(journal: session, language: .zh, size: size, clock: clock)
    let terminal = MemoryTerminal(size: size)
    terminal.present(program.render())
    consoles[events] = (program, terminal, clock)
    return (program, terminal, clock)
}

nonisolated(unsafe) private var replay: IncidentReplay?

private func longReplay() throws -> IncidentReplay {
    if let replay { return replay }
    let session = try fixtures().store.open(fixtures().id(big), stamp: stamp(), keepEvents: true)
    let made = try IncidentReplay(events: session.events)
    replay = made
    return made
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .microseconds,
        maxDuration: .seconds(3),
        maxIterations: 200)

    // MARK: - Open: what `cordon status` does before printing

    Benchmark("Open \(big) events, from its checkpoint") { benchmark in
        let id = fixtures().id(big)
        for _ in benchmark.scaledIterations {
            blackHole(try fixtures().store.open(id, stamp: stamp(), keepEvents: false).state.lastSeq)
        }
    }

    Benchmark("Fold \(big) events from the first line (parse, chain, fold)") { benchmark in
        let path = fixtures().folder(big) + "/" + IncidentStore.timelineFile
        for _ in benchmark.scaledIterations {
            let journal = try Journal(path: path)
            var state: IncidentState?
            try journal.readNew { event in
                if state == nil { state = try? IncidentState(declaration: event) } else { state!.apply(event) }
            }
            blackHole(state?.lastSeq)
        }
    }

    Benchmark("Parse \(big) lines already in memory (Event(line:) alone)") { benchmark in
        let bytes = [UInt8](FileManager.default.contents(atPath: fixtures().folder(big) + "/" + IncidentStore.timelineFile)!)
        let lines = bytes.split(separator: 0x0A)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var parsed = 0
            for line in lines {
                line.withUnsafeBufferPointer { if (try? Event(line: $0)) != nil { parsed += 1 } }
            }
            blackHole(parsed)
        }
        benchmark.stopMeasurement()
    }

    Benchmark("Verify \(big) events (every line read and chained)") { benchmark in
        let folder = fixtures().folder(big)
        for _ in benchmark.scaledIterations {
            blackHole(try Verifier.verify(folder: folder).intactLines)
        }
    }

    // MARK: - Append: open, decide, write, fsync — a note as `cordon note` records it

    for events in [10, big] {
        Benchmark("Append a note, \(events) events") { benchmark in
            let id = fixtures().id(events)
            for iteration in benchmark.scaledIterations {
                let session = try fixtures().store.open(id, stamp: stamp(), keepEvents: false)
                blackHole(try session.perform(.note("基准追加 \(iteration)")))
            }
        }
    }

    // MARK: - Render: one console frame, drawn and diffed against the last one

    for events in [100, big] {
        Benchmark(
            "Render a console frame, \(events) events",
            configuration: .init(scalingFactor: .kilo)
        ) { benchmark in
            let (program, terminal, clock) = try console(events)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                clock.advance(seconds: 1)
                program.tick()
                terminal.present(program.render())
            }
            benchmark.stopMeasurement()
            blackHole(terminal.cellsSent)
        }
    }

    // MARK: - Seek: replay to any event

    Benchmark("Seek a replay of \(big) events to a random event", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let replay = try longReplay()
        var player = ReplayPlayer(timeline: replay.timeline)
        var random = SeededGenerator(seed: 6)
        let wall = Timestamp(millis: 0)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            player.perform(.seek(Int.random(in: 1...replay.count, using: &random)), wall: wall)
            blackHole(replay.moment(at: player.position).state.lastSeq)
        }
        benchmark.stopMeasurement()
    }

    Benchmark("Seek a replay of \(big) events to the slowest event to reach", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let replay = try longReplay()
        // The most events folded forward from the snapshot below: interval - 1 of them.
        let worst = replay.interval * (replay.count / replay.interval)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(replay.moment(at: worst).state.lastSeq)
        }
        benchmark.stopMeasurement()
    }
}
