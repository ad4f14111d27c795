import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// Signals that end a command in the middle of an append: caught while it waits for the lock,
/// or at random moments in a crowd of writers. The journal stays whole and every write that
/// was acknowledged (exit 0) is in it.
@Suite("Signals during appends")
struct SignalTests {
    let folder = TemporaryFolder()
    var cordon: CordonBinary { CordonBinary(home: folder.path + "/home") }

    func notes(_ id: String) throws -> [String] {
        let text = try String(contentsOfFile: cordon.timeline(id), encoding: .utf8)
        return text.split(separator: "\n").compactMap { (try? Event(line: Array($0.utf8)))?.data.string("text") }
    }

    @Test("a command signalled while it waits to append writes nothing, or (a crash signal the runtime survives) finishes and says so",
          arguments: [SIGTERM, SIGHUP, SIGINT, SIGKILL, SIGSEGV, SIGABRT])
    func signalledWhileWaiting(signal: Int32) throws {
        let id = try cordon.declare()
        #expect(try cordon.run(["note", id, "之前"]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: cordon.timeline(id)))
        let lock = try TimelineLock(cordon.timeline(id))
        let note = try cordon.spawn(["note", id, "被信号打断"])
        try lock.waitForWaiter(pid: note.pid)
        kill(note.pid, signal)
        // A fatal signal ends the process before it can run again, so letting go of the lock
        // now cannot let it write; one it survives lets it finish.
        lock.release()
        let end = note.wait()
        let after = try Data(contentsOf: URL(fileURLWithPath: cordon.timeline(id)))
        if end == .signalled(signal) {
            #expect(after == before, "nothing written")
            #expect(!note.printed.contains("recorded"))
        } else {
            // Swift's backtracer catches a SIGSEGV or SIGABRT sent by kill(2), prints a
            // backtrace and carries on: then the note is written whole and acknowledged.
            #expect([SIGSEGV, SIGABRT].contains(signal) && end == .exited(0), "\(end): \(note.printed)")
            #expect(note.printed.contains("recorded #3"))
            #expect(try notes(id) == ["之前", "被信号打断"])
        }
        #expect(try cordon.run(["verify", id]).status == 0)
        #expect(try cordon.run(["note", id, "之后"]).status == 0)
        #expect(try cordon.run(["verify", id]).status == 0)
    }

    @Test("writers killed at random moments by any signal lose no acknowledged event")
    func signalStorm() throws {
        let id = try cordon.declare()
        var random = SeededGenerator(seed: 0x516)
        let signals = [SIGTERM, SIGHUP, SIGINT, SIGKILL, SIGSEGV, SIGABRT]
        var acknowledged: [String] = []
        var killed = 0
        for wave in 0..<8 {
            let writers = try (0..<6).map { index -> (SpawnedCommand, String) in
                let text = "第\(wave)波-\(index)"
                return (try cordon.spawn(["note", id, text]), text)
            }
            // Some are signalled at once, some a little later, some left alone.
            for (process, _) in writers where random.draw(0...2) > 0 {
                usleep(useconds_t(random.draw(0...40_000)))
                kill(process.pid, signals[random.draw(0...signals.count - 1)])
            }
            for (process, text) in writers {
                if process.wait() == .exited(0) {
                    #expect(process.printed.contains("recorded #"))
                    acknowledged.append(text)
                } else {
                    killed += 1
                }
            }
        }
        #expect(killed > 0)
        let verify = try cordon.run(["verify", id, "--json"])
        #expect(verify.status == 0, "\(verify.stdout)")
        // The next write moves any torn tail aside; then every acknowledged note is there, once.
        #expect(try cordon.run(["note", id, "事后核对"]).status == 0)
        let recorded = try notes(id)
        #expect(acknowledged.allSatisfy { recorded.contains($0) }, "lost: \(acknowledged.filter { !recorded.contains($0) })")
        #expect(Set(recorded).count == recorded.count, "no note is recorded twice")
        #expect(try cordon.run(["verify", id]).status == 0)
    }
}
