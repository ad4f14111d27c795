import CordonCore
@testable import CordonStore
import CordonTestSupport
import Foundation
import Testing

/// The timeline as evidence, attacked the way issue 10 found it could be: a slow clock, a cut
/// tail, a forged and re-sealed checkpoint, a line that says two things at once. Each attack is
/// made with real processes against the real binary, and each must be caught or refused.
@Suite("Timeline integrity")
struct TimelineIntegrityTests {
    let folder = TemporaryFolder()
    var home: String { folder.path + "/home" }
    var cordon: CordonBinary { CordonBinary(home: home) }

    static let playbook: LoadedPlaybook = try! PlaybookLoader.load(path: Fixtures.repository + "/playbooks/pi-leak.yaml")

    func status(_ id: String) throws -> JSONObject {
        let result = try cordon.run(["status", id, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONReader.parse(result.stdout).object)
    }

    /// The timeline's lines, as bytes without their newlines.
    func lines(_ id: String) throws -> [[UInt8]] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: cordon.timeline(id))))
        return bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map(Array.init)
    }

    func events(_ id: String) throws -> [Event] {
        try lines(id).map { try Event(line: $0) }
    }

    /// What an attacker who can hash does: rewrites the timeline as `change` says and chains
    /// every line again, so that the chain holds.
    func forge(_ id: String, _ change: (inout [Event]) -> Void) throws {
        var events = try events(id)
        change(&events)
        var prev = Event.genesisHash
        var bytes: [UInt8] = []
        for index in events.indices {
            events[index].seq = index + 1
            events[index].prev = prev
            let line = events[index].line
            prev = LineHash.hex(line)
            bytes += line + [0x0A]
        }
        try Data(bytes).write(to: URL(fileURLWithPath: cordon.timeline(id)))
    }

    /// An incident with `count` lines written through the store (a checkpoint is written at 256),
    /// still in containment with its required steps open.
    func longIncident(lines count: Int) throws -> String {
        let store = IncidentStore(home: Home(root: home))
        let clock = ManualClock(Timestamp(date: Date().addingTimeInterval(-3_600), timeZone: TimeZone(identifier: "Asia/Shanghai")!))
        let stamp = Stamp(actor: "zhangwei", clock: clock)
        let session = try store.declare(Declaration(playbook: Self.playbook, title: "长时间线", severity: .serious), stamp: stamp)
        while session.state.lastSeq < count {
            clock.advance(seconds: 5)
            try session.perform(.note("进展 \(session.state.lastSeq)"))
        }
        return session.id.description
    }

    func checkpointPath(_ id: String) -> String {
        (cordon.timeline(id) as NSString).deletingLastPathComponent + "/" + Checkpoint.fileName
    }

    // MARK: - Time only moves forward

    /// Builds an `LD_PRELOAD` library that moves the wall clock by `CLOCK_SHIM_SECONDS`.
    static func clockShim(in folder: TemporaryFolder) throws -> String? {
        let source = folder.write("clock-shim.c", """
            #define _GNU_SOURCE
            #include <dlfcn.h>
            #include <stdlib.h>
            #include <sys/time.h>
            #include <time.h>

            static long shift(void) {
                const char *text = getenv("CLOCK_SHIM_SECONDS");
                return text ? atol(text) : 0;
            }

            int clock_gettime(clockid_t id, struct timespec *ts) {
                static int (*real)(clockid_t, struct timespec *);
                if (!real) real = (int (*)(clockid_t, struct timespec *))dlsym(RTLD_NEXT, "clock_gettime");
                int result = real(id, ts);
                if (result == 0 && (id == CLOCK_REALTIME || id == CLOCK_REALTIME_COARSE)) ts->tv_sec += shift();
                return result;
            }

            int gettimeofday(struct timeval *tv, void *tz) {
                struct timespec now;
                clock_gettime(CLOCK_REALTIME, &now);
                if (tv) { tv->tv_sec = now.tv_sec; tv->tv_usec = now.tv_nsec / 1000; }
                (void)tz;
                return 0;
            }

            time_t time(time_t *out) {
                struct timespec now;
                clock_gettime(CLOCK_REALTIME, &now);
                if (out) *out = now.tv_sec;
                return now.tv_sec;
            }
            """)
        let library = folder.path + "/clock-shim.so"
        let compile = Process()
        compile.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        compile.arguments = ["cc", "-shared", "-fPIC", "-o", library, source, "-ldl"]
        try compile.run()
        compile.waitUntilExit()
        return compile.terminationStatus == 0 ? library : nil
    }

    static var hasCompiler: Bool {
        ["/usr/bin/cc", "/usr/local/bin/cc"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(
        "a clock three hours slow records the notice at the last line's time with its own reading beside it; the CAC deadline is met after the incident existed",
        .enabled(if: hasCompiler, "needs a C compiler (cc) to build the LD_PRELOAD clock shim"))
    func slowClockNeverDatesALineBack() throws {
        let library = try #require(try Self.clockShim(in: folder), "cc could not build the clock shim")
        let id = try cordon.declare(extra: ["--severity", "serious"])
        var slow = cordon
        slow.environment["LD_PRELOAD"] = library
        slow.environment["CLOCK_SHIM_SECONDS"] = "-10800"
        let notified = try slow.run(["notify", id, "regulator", "--channel", "网信办报送系统"])
        #expect(notified.status == 0, "\(notified.stderr)")
        let timeline = try events(id)
        for (before, after) in zip(timeline, timeline.dropFirst()) {
            #expect(after.ts >= before.ts, "line \(after.seq) is dated \(after.ts.iso8601), before line \(before.seq) at \(before.ts.iso8601)")
        }
        let notice = try #require(timeline.first { $0.type == EventType.noticeSent })
        let skew = try #require(notice.data[Journal.clockKey]?.object, "the machine's own reading is kept beside the line")
        let behind = try #require(skew.int("behind_ms"))
        #expect((10_700_000...10_900_000).contains(behind), "\(behind)")
        let read = try #require(skew.string("read").flatMap(Timestamp.init(iso8601:)))
        #expect(read.seconds(to: timeline[0].ts) > 10_000)

        let doc = try status(id)
        let declared = try #require(doc.string("declared_at").flatMap(Timestamp.init(iso8601:)))
        let cac = try #require(doc["deadlines"]?.array?.compactMap(\.object).first { $0.string("id") == "cac-report" })
        #expect(cac.string("state") == "met")
        let met = try #require(cac.string("met_at").flatMap(Timestamp.init(iso8601:)))
        #expect(met >= declared, "met at \(met.iso8601), before the incident was declared at \(declared.iso8601)")
        #expect(try cordon.run(["verify", id]).status == 0)
    }

    @Test("verify reports a line dated before the one it follows, with both times, and exits 1")
    func verifyCatchesTimeGoingBack() throws {
        let id = try cordon.declare(extra: ["--severity", "serious"])
        #expect(try cordon.run(["notify", id, "regulator", "--channel", "网信办报送系统"]).status == 0)
        #expect(try cordon.run(["verify", id]).status == 0)
        // What a slow clock wrote before this fix: the notice three hours before the declaration.
        try forge(id) { events in
            for index in events.indices.dropFirst() { events[index].ts = events[0].ts.adding(seconds: -10_800) }
        }
        let verify = try cordon.run(["verify", id])
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("line 2 is dated"), "\(verify.stdout)")
        #expect(verify.stdout.contains("before line 1 at"), "\(verify.stdout)")
        let json = try #require(try JSONReader.parse(try cordon.run(["verify", id, "--json"]).stdout).object)
        #expect(json.bool("intact") == false)
        #expect(json["objections"]?.array?.first?.object?.string("code") == "time-backwards")
    }

    // MARK: - Anchors catch a cut tail

    @Test("verify prints its head as SEQ:HASH, and --expect catches a tail cut with head -n")
    func expectCatchesACutTail() throws {
        let id = try longIncident(lines: 290)
        let intact = try cordon.run(["verify", id])
        #expect(intact.status == 0, "\(intact.stdout)")
        let head = try #require(intact.stdout.split(separator: "\n").first { $0.hasPrefix("head") }?.split(separator: " ").last.map(String.init))
        #expect(head.hasPrefix("290:"), "\(intact.stdout)")
        #expect(head.count == 4 + 64)
        let line283 = "283:" + LineHash.hex(try lines(id)[282])
        #expect(try cordon.run(["verify", id, "--expect", head, "--expect", line283]).status == 0)

        let path = cordon.timeline(id)
        let cut = try cordon.runShell("head -n 283 '\(path)' > '\(path).t' && mv '\(path).t' '\(path)'")
        #expect(cut == 0)
        // The chain alone still holds: that is the attack.
        let alone = try cordon.run(["verify", id])
        #expect(alone.status == 0, "\(alone.stdout)")
        #expect(alone.stdout.contains("283:"))

        let anchored = try cordon.run(["verify", id, "--expect", head])
        #expect(anchored.status == 1)
        #expect(anchored.stdout.contains("line 290, noted elsewhere as \(head), is not in the timeline (it holds 283 intact lines)"), "\(anchored.stdout)")
        #expect(try cordon.run(["verify", id, "--expect", line283]).status == 0)

        let wrong = "283:" + String(repeating: "ab", count: 32)
        let differs = try cordon.run(["verify", id, "--expect", wrong])
        #expect(differs.status == 1)
        #expect(differs.stdout.contains("line 283 hashes to \(line283.dropFirst(4)), not \(String(repeating: "ab", count: 32))"), "\(differs.stdout)")

        let malformed = try cordon.run(["verify", id, "--expect", "283"])
        #expect(malformed.status == 64)
        #expect(malformed.stderr.contains("--expect takes SEQ:HASH"), "\(malformed.stderr)")
    }

    @Test("a checkpoint that covers more lines than the timeline holds is reported as truncation, refuses writes and is left as it was")
    func checkpointBeyondTheEndIsTruncation() throws {
        let id = try longIncident(lines: 290)
        let checkpoint = checkpointPath(id)
        let before = try Data(contentsOf: URL(fileURLWithPath: checkpoint))
        let timeline = cordon.timeline(id)
        #expect(try cordon.runShell("head -n 200 '\(timeline)' > '\(timeline).t' && mv '\(timeline).t' '\(timeline)'") == 0)
        let cut = try Data(contentsOf: URL(fileURLWithPath: timeline))

        let verify = try cordon.run(["verify", id])
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("checkpoint.json covers lines up to 256, more than the timeline now holds: lines were likely cut from its end"), "\(verify.stdout)")
        let json = try #require(try JSONReader.parse(try cordon.run(["verify", id, "--json"]).stdout).object)
        #expect(json.string("checkpoint") == "truncated")

        for command in [["note", id, "截断之后"], ["status", id], ["advance", id, "--force", "--reason", "试图覆盖"]] {
            let refused = try cordon.run(command)
            #expect(refused.status == 3, "\(command)")
            #expect(refused.stderr.contains("is shorter than its checkpoint.json says"), "\(refused.stderr)")
            #expect(refused.stderr.split(separator: "\n").count == 1)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: checkpoint)) == before, "the checkpoint was overwritten")
        #expect(try Data(contentsOf: URL(fileURLWithPath: timeline)) == cut, "something was written")
    }

    // MARK: - A cache never decides a write

    /// The checkpoint with `change` made to its state, sealed again with the unkeyed XXH64 that
    /// anyone can compute (what sealed checkpoints before), or under a key of the attacker's own.
    func forgeCheckpoint(_ id: String, sealWith key: CheckpointKey?, _ change: (inout IncidentState) -> Void) throws {
        let folder = (cordon.timeline(id) as NSString).deletingLastPathComponent
        var checkpoint = try #require(Checkpoint.read(folder: folder))
        change(&checkpoint.state)
        let body = JSONWriter.encode(try ValueCoding.encode(checkpoint))
        let bytes: [UInt8]
        if let key {
            bytes = Checkpoint.sealed(body, key: key)
        } else {
            var seal = PrefixFingerprint()
            seal.update(body)
            bytes = Array(seal.hex.utf8) + [0x0A] + body
        }
        try Data(bytes).write(to: URL(fileURLWithPath: checkpointPath(id)))
    }

    @Test("a checkpoint with the required steps marked done and sealed again does not let advance past them")
    func forgedCheckpointDoesNotDecideAdvance() throws {
        let id = try longIncident(lines: 260)
        let open = IncidentRules.openRequiredSteps(state: try IncidentState.fold(try events(id)), playbook: Self.playbook.playbook)
        #expect(open.count >= 4)
        try FileManager.default.createDirectory(atPath: folder.path + "/elsewhere", withIntermediateDirectories: true)
        let stranger = try #require(CheckpointKey.make(forIncidentFolder: folder.path + "/elsewhere/incidents/x"))
        for key in [nil, stranger] {
            try forgeCheckpoint(id, sealWith: key) { state in
                for step in open { state.steps[step.id] = StepProgress(state: .done, at: state.lastEventAt, by: "zhangwei", seq: 2, reason: nil, completedAt: state.lastEventAt) }
            }
            let advance = try cordon.run(["advance", id])
            #expect(advance.status == 2, "\(advance.stdout)")
            #expect(advance.stderr.contains("Required steps are still open"), "\(advance.stderr)")
        }
        #expect(try status(id).string("phase") == "containment")
        #expect(try cordon.run(["verify", id]).status == 0)
    }

    @Test("a checkpoint forged with the home's own key (the same login) cannot hide what it let through: verify names the line, with or without the checkpoint")
    func forgeryWithTheKeyIsCaughtByVerify() throws {
        let id = try longIncident(lines: 260)
        let open = IncidentRules.openRequiredSteps(state: try IncidentState.fold(try events(id)), playbook: Self.playbook.playbook)
        let key = try #require(CheckpointKey.existing(forIncidentFolder: (cordon.timeline(id) as NSString).deletingLastPathComponent))
        try forgeCheckpoint(id, sealWith: key) { state in
            for step in open { state.steps[step.id] = StepProgress(state: .done, at: state.lastEventAt, by: "zhangwei", seq: 2, reason: nil, completedAt: state.lastEventAt) }
        }
        let advance = try cordon.run(["advance", id])
        try FileManager.default.removeItem(atPath: checkpointPath(id))
        let verify = try cordon.run(["verify", id])
        let named = verify.status == 1 && verify.stdout.contains("line 261 (phase.advanced) is one the rules would have refused there")
        #expect(advance.status == 2 || named, "advance: \(advance.status) \(advance.stderr)\nverify: \(verify.stdout)")
    }

    @Test("verify flags an unforced advance past open required steps even with no checkpoint at all")
    func verifyReplaysTheRules() throws {
        let id = try cordon.declare(extra: ["--severity", "serious"])
        #expect(try cordon.run(["advance", id]).status == 2)
        #expect(try cordon.run(["advance", id, "--force", "--reason", "指挥长决定先通报"]).status == 0)
        // Forced with a reason: what the rules accept.
        #expect(try cordon.run(["verify", id]).status == 0)

        try forge(id) { events in
            events[1].data = ["from": "containment", "to": "notification"]
        }
        #expect(!FileManager.default.fileExists(atPath: checkpointPath(id)))
        let verify = try cordon.run(["verify", id])
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("BROKEN: line 2 (phase.advanced) is one the rules would have refused there: Required steps are still open"), "\(verify.stdout)")
        #expect(!verify.stdout.contains("intact: "))
    }

    @Test("verify flags a step completed twice without a reopen, and a phase skipped")
    func verifyFlagsWhatTheRulesRefuse() throws {
        let id = try cordon.declare(extra: ["--severity", "serious"])
        #expect(try cordon.run(["step", id, "preserve-evidence", "done"]).status == 0)
        #expect(try cordon.run(["step", id, "preserve-evidence", "reopen"]).status == 0)
        #expect(try cordon.run(["step", id, "preserve-evidence", "done"]).status == 0)
        #expect(try cordon.run(["verify", id]).status == 0)
        try forge(id) { events in
            events.remove(at: 2)
        }
        let twice = try cordon.run(["verify", id, "--json"])
        #expect(twice.status == 1)
        let objections = try #require(try JSONReader.parse(twice.stdout).object?["objections"]?.array?.compactMap(\.object))
        #expect(objections.map { $0.int("seq") } == [3])
        #expect(objections.first?.string("code") == "step-settled")

        let skipped = try cordon.declare(extra: ["--severity", "serious"])
        #expect(try cordon.run(["advance", skipped, "--force", "--reason", "先通报"]).status == 0)
        try forge(skipped) { events in
            events[1].data = ["from": "containment", "to": "investigation", "forced": true, "open_steps": .array([.string("preserve-evidence")]), "reason": "先通报"]
        }
        let jumped = try cordon.run(["verify", skipped])
        #expect(jumped.status == 1)
        #expect(jumped.stdout.contains("is not what the rules record there (that is phase.advanced → notification)"), "\(jumped.stdout)")
    }

    // MARK: - One reading of a line

    @Test("a chained line carrying data twice is damage at that line, for verify and every command")
    func duplicateKeysAreDamage() throws {
        let id = try cordon.declare()
        #expect(try cordon.run(["note", id, "原话"]).status == 0)
        var all = try lines(id)
        let line = String(decoding: all[1], as: UTF8.self)
        let doubled = line.replacingOccurrences(of: #","prev":"#, with: #","data":{"text":"改过的话"},"prev":"#)
        #expect(doubled != line)
        all[1] = Array(doubled.utf8)
        // Chained on, so that only the doubled key is wrong.
        let next = Event(seq: 3, ts: try events(id)[1].ts, actor: "zhangwei", type: EventType.noteAdded, data: ["text": "之后"], prev: LineHash.hex(all[1]))
        all.append(next.line)
        try Data(all.flatMap { $0 + [0x0A] }).write(to: URL(fileURLWithPath: cordon.timeline(id)))
        // jq and Python take the last "data"; the first was what Cordon used to read.
        let verify = try cordon.run(["verify", id])
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("BROKEN at line 2"), "\(verify.stdout)")
        #expect(verify.stdout.contains(#"the key "data" appears twice in one object"#), "\(verify.stdout)")
        let status = try cordon.run(["status", id])
        #expect(status.status == 3)
        #expect(status.stderr.contains("damaged at line 2"), "\(status.stderr)")
    }
}

extension CordonBinary {
    /// Runs `script` with bash, in this binary's environment; returns its exit status.
    func runShell(_ script: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
