import Foundation
import Testing

/// The real `cordon` in tmux at 80×24: evidence is registered from the console by typing a
/// file's path, the binary hashes it, and the SHA-256 is in the timeline, on screen and on disk.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux (.ci/run installs it)"))
struct RecordsEndToEndTests {
    @Test func evidenceTypedIntoTheConsoleIsHashedIntoTheTimeline() throws {
        let cordon = try #require(EndToEndTests.binary, "build the cordon executable first (swift build)")
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cordon-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home + "/导出", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let declared = try Command.run(cordon, ["declare", "--playbook", "pi-leak", "--title", "催收外包商客户名单外泄", "--home", home])
        let id = try #require(declared.split(separator: "\n").last.map(String.init))
        try "2026-11-28 23:10 vendor01 sftp get customers.csv\n".write(toFile: home + "/导出/访问日志.log", atomically: true, encoding: .utf8)
        let expected = try #require(try Command.run("sha256sum", [home + "/导出/访问日志.log"]).split(separator: " ").first.map(String.init))
        let script = home + "/console.sh"
        try """
            export LANG=C.UTF-8 LC_ALL=C.UTF-8
            unset NO_COLOR CORDON_LANG LC_MESSAGES
            cd '\(home)'
            '\(cordon)' open \(id) --home '\(home)' --lang zh
            echo "CORDON-EXIT:$?"
            exec sleep 600
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let terminal = try TmuxSession(width: 80, height: 24, script: script)
        defer { terminal.close() }

        try terminal.waitFor("步骤 · 遏制")
        try terminal.type("r")
        try terminal.waitFor("证据与保管链")
        try terminal.type("2")
        try terminal.waitFor("尚未登记证据")
        try terminal.type("n")
        try terminal.waitFor("登记证据")
        try terminal.type("导出/访问日志.log")
        try terminal.press("Tab", "Tab", "Tab")
        try terminal.type("王芳")
        try terminal.press("Enter")
        try terminal.waitFor("E1  访问日志.log · sha256 \(expected.prefix(12))… · 保管人 王芳")

        try terminal.press("Escape")
        try terminal.waitFor("1-7/Enter 打开")
        try terminal.press("Escape")
        try terminal.waitFor("证据 1 ──")
        try terminal.press("Tab")
        try terminal.press("Enter")
        try terminal.waitFor("sha256: \(expected)")

        let timeline = try String(contentsOfFile: "\(home)/incidents/\(id)/timeline.jsonl", encoding: .utf8)
        let line = try #require(timeline.split(separator: "\n").first { $0.contains("\"type\":\"evidence.added\"") })
        #expect(line.contains("\"sha256\":\"\(expected)\""))
        #expect(line.contains("\"custodian\":\"王芳\""))

        try terminal.press("Escape")
        try terminal.type("q")
        try terminal.waitFor("退出 Cordon？")
        try terminal.type("y")
        try terminal.waitFor("CORDON-EXIT:0")
    }
}
