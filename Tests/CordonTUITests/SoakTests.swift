import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// Several consoles and command-line writers on one incident for a while (60 seconds, or
/// `CORDON_SOAK_SECONDS`): afterwards the chain is whole, every acknowledged note is in the
/// timeline exactly once, and every console shows the same timeline as the file.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux (.ci/run installs it)"))
struct SoakTests {
    static var seconds: Double {
        ProcessInfo.processInfo.environment["CORDON_SOAK_SECONDS"].flatMap(Double.init) ?? 60
    }

    @Test("three consoles and two command-line writers on one incident lose nothing and agree")
    func consolesAndWritersTogether() throws {
        let binary = try #require(EndToEndTests.binary, "build the cordon executable first (swift build)")
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cordon-soak-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        var cordon = CordonBinary(home: home)
        cordon.environment["CORDON_BIN"] = binary
        let id = try cordon.declare(title: "浸泡测试", extra: ["--severity", "serious"])
        let script = home + "/console.sh"
        try """
            export LANG=C.UTF-8 LC_ALL=C.UTF-8
            unset NO_COLOR CORDON_LANG LC_MESSAGES
            '\(binary)' open \(id) --home '\(home)' --lang zh --actor 值班员
            echo "CORDON-EXIT:$?"
            exec sleep 600
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let consoles = try (0..<3).map { _ in try TmuxSession(width: 100, height: 30, script: script) }
        defer { consoles.forEach { $0.close() } }
        for console in consoles { try console.waitFor("步骤 · 遏制") }

        var typed: [String] = []
        var acknowledged: [String] = []
        var writers: [(SpawnedCommand, String)] = []
        var written = 0
        let deadline = Date().addingTimeInterval(Self.seconds)
        var round = 0
        while Date() < deadline {
            // Each console adds a note, as a responder typing would.
            for (index, console) in consoles.enumerated() {
                let text = "控制台\(index)-\(round)"
                try console.type("n")
                try console.type(text)
                try console.press("Enter")
                typed.append(text)
            }
            // Two command-line writers stay busy beside them.
            writers.removeAll { writer, text in
                guard let end = writer.poll() else { return false }
                #expect(end == .exited(0), "\(text): \(end) \(writer.printed)")
                if end == .exited(0) { acknowledged.append(text) }
                return true
            }
            while writers.count < 2 {
                let text = "命令行-\(written)"
                written += 1
                writers.append((try cordon.spawn(["note", id, text, "--actor", "值班"]), text))
            }
            round += 1
            usleep(150_000)
        }
        for (writer, text) in writers where writer.wait() == .exited(0) { acknowledged.append(text) }

        // Everything typed reaches the file, and every console shows the file's length.
        let timeline = cordon.timeline(id)
        func notes() throws -> [String] {
            try String(contentsOfFile: timeline, encoding: .utf8).split(separator: "\n")
                .compactMap { try Event(line: Array($0.utf8)).data.string("text") }
        }
        let settle = Date().addingTimeInterval(30)
        while Set(try notes()).isSuperset(of: typed) == false, Date() < settle { usleep(100_000) }
        let recorded = try notes()
        let lines = try String(contentsOfFile: timeline, encoding: .utf8).split(separator: "\n").count
        for console in consoles { try console.waitFor("时间线 · \(lines) 条", seconds: 5) }

        #expect(Set(recorded).isSuperset(of: typed), "console notes lost: \(Set(typed).subtracting(recorded).sorted().prefix(10))")
        #expect(Set(recorded).isSuperset(of: acknowledged), "acknowledged notes lost: \(Set(acknowledged).subtracting(recorded).sorted().prefix(10))")
        #expect(Set(recorded).count == recorded.count, "no note is recorded twice")
        #expect(acknowledged.count > 10 && typed.count > 10)

        for console in consoles {
            try console.type("q")
            try console.waitFor("退出 Cordon？")
            try console.type("y")
            try console.waitFor("CORDON-EXIT:0")
        }
        let verify = try cordon.run(["verify", id, "--json"])
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(try JSONReader.parse(verify.stdout).object?.int("lines") == lines)
    }
}
