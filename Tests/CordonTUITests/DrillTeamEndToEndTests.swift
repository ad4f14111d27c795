import CordonTestSupport
import Foundation
import Testing

/// A drill run by a team, each at their own console, with the real binary in tmux: the
/// facilitator's console and two participants' (`cordon open DRL-… --actor NAME`).
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux (.ci/run installs it)"))
struct DrillTeamEndToEndTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("cordon-team-\(UUID().uuidString)").path

    func console(_ arguments: String, name: String) throws -> TmuxSession {
        let cordon = try #require(EndToEndTests.binary, "build the cordon executable first (swift build)")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let script = home + "/\(name).sh"
        try """
            export LANG=C.UTF-8 LC_ALL=C.UTF-8
            unset NO_COLOR CORDON_LANG LC_MESSAGES
            '\(cordon)' \(arguments) --home '\(home)'
            echo "CORDON-EXIT:$?"
            exec sleep 600
            """.write(toFile: script, atomically: true, encoding: .utf8)
        return try TmuxSession(width: 100, height: 30, script: script)
    }

    @Test func theBuyersCounselCallToLegalPopsUpForWhoeverHoldsLegalAndTheFacilitatorAndTheEvaluationSaysWhoAnswered() throws {
        defer { try? FileManager.default.removeItem(atPath: home) }
        let facilitator = try console("drill data-room-overshare --speed 600 --seed 7 --lang zh", name: "facilitator")
        defer { facilitator.close() }
        try facilitator.waitFor("演练简报")
        try facilitator.press("Enter")
        try facilitator.waitFor("来自 数据室服务商客户经理", seconds: 5)
        try facilitator.press("Escape")
        try facilitator.type("p")
        try facilitator.waitFor("⏸ 已暂停")
        let id = try #require(((try? FileManager.default.contentsOfDirectory(atPath: home + "/drills")) ?? []).first)
        let assigned = try CordonBinary(home: home).run(["assign", id, "legal", "lina"])
        #expect(assigned.status == 0, "\(assigned.stderr)")

        let legal = try console("open \(id) --actor lina --lang zh", name: "legal")
        defer { legal.close() }
        let other = try console("open \(id) --actor wangwei --lang zh", name: "other")
        defer { other.close() }
        for participant in [legal, other] { try participant.waitFor("T 接管") }

        // The chair's call at 40 minutes is addressed to nobody in particular: everyone sees it.
        try facilitator.type("f")
        for screen in [facilitator, legal, other] {
            try screen.waitFor("来自 数据安全委员会主任")
            try screen.press("Escape")
        }
        // The buyer's counsel at 55 minutes is addressed to legal.
        try facilitator.type("f")
        try facilitator.waitFor("来自 买方律师")
        let popped = try legal.waitFor("来自 买方律师")
        #expect(popped.contains("我方客户想知道"))
        let told = try other.waitFor("注入已送达法务合规（按 i 查看）。")
        #expect(!told.contains("来自 买方律师"), "no popup for someone who does not hold legal")

        try legal.press("Enter")
        try legal.waitFor("回应（写入时间线")
        try legal.type("不构成重大不利变化的结论须待调查完成，明早书面答复")
        try legal.press("Enter")
        try legal.waitFor("已记录")
        try facilitator.press("Escape")
        try facilitator.type("E")
        try facilitator.waitFor("现在结束演练？")
        try facilitator.type("y")
        try facilitator.waitFor("演练评估")
        let report = try CordonBinary(home: home, lang: "en").run(["report", id])
        let row = report.stdout.split(separator: "\n").first { $0.hasPrefix("| T+") && $0.contains("| Buyer's counsel") }
        #expect(row?.hasSuffix(" · \(NSUserName()) (lina) |") == true, "the report names who answered: \(row ?? "no row")")
    }
}
