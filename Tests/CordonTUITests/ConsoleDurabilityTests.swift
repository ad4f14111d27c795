import CordonTestSupport
import Foundation
import Testing

/// A console shows an action as recorded only after the kernel has `fsync`ed the timeline:
/// the real binary in a real terminal (tmux), its system calls traced with strace, a step done
/// and a note added from the keyboard.
@Suite(.enabled(if: TmuxSession.isAvailable && SyscallTrace.isAvailable, "needs tmux and strace (.ci/run installs both)"))
struct ConsoleDurabilityTests {
    @Test func eachConsoleActionIsSyncedBeforeTheScreenChanges() throws {
        let cordon = try #require(EndToEndTests.binary, "build the cordon executable first (swift build)")
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cordon-fsync-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let declared = try Command.run(cordon, ["declare", "--playbook", "pi-leak", "--title", "断电演练", "--home", home])
        let id = try #require(declared.split(separator: "\n").last.map(String.init))
        let trace = home + "/trace.txt"
        let script = home + "/console.sh"
        let tracing = SyscallTrace.prefix(recordingInto: trace).map { "'\($0)'" }.joined(separator: " ")
        try """
            export LANG=C.UTF-8 LC_ALL=C.UTF-8
            unset NO_COLOR CORDON_LANG LC_MESSAGES
            \(tracing) '\(cordon)' open \(id) --home '\(home)' --lang zh
            echo "CORDON-EXIT:$?"
            exec sleep 600
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let terminal = try TmuxSession(width: 100, height: 30, script: script)
        defer { terminal.close() }

        try terminal.waitFor("步骤 · 遏制", seconds: 30)
        try terminal.type(" ")
        try terminal.waitFor("已记录 #2", seconds: 20)
        try terminal.type("n")
        try terminal.waitFor("添加备注", seconds: 20)
        try terminal.type("fsync probe")
        try terminal.press("Enter")
        try terminal.waitFor("已记录 #3", seconds: 20)
        try terminal.type("q")
        try terminal.waitFor("退出 Cordon？", seconds: 20)
        try terminal.type("y")
        #expect(try terminal.waitFor("CORDON-EXIT:", seconds: 30).contains("CORDON-EXIT:0"))

        let calls = try SyscallTrace(file: trace)
        let timeline = "/\(id)/timeline.jsonl"
        let writes = calls.entries.indices.filter { calls.entries[$0].call == .write && calls.entries[$0].path.hasSuffix(timeline) }
        #expect(writes.count == 2, "one write per action: \(calls.entries)")
        for written in writes {
            let drawn = try #require(calls.firstWrite(after: written, toFileStarting: "/dev/pts/"), "\(calls.entries)")
            #expect(calls.synced(pathEndingIn: timeline, after: written, before: drawn), "the timeline is synced before the screen shows the action: \(calls.entries[written...drawn])")
        }
    }
}
