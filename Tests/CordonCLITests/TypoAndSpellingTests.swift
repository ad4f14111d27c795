import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// Typos, ids in any case and numbers spelt as people write them, through the real binary.
@Suite("Typos and spellings on the command line")
struct TypoAndSpellingTests {
    let folder = TemporaryFolder()
    var cordon: CordonBinary { CordonBinary(home: folder.path + "/home") }
    var chinese: CordonBinary { CordonBinary(home: folder.path + "/home", lang: "zh") }

    func timelineBytes(_ id: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: cordon.timeline(id)))
    }

    // MARK: - Did you mean

    @Test("a mistyped step, role or audience is refused with the nearest id, and nothing is written")
    func nearestIds() throws {
        let id = try cordon.declare()
        let before = try timelineBytes(id)
        let step = try cordon.run(["step", id, "prepare-suport", "done"])
        #expect(step.status == 2)
        #expect(step.stderr.contains("There is no step 'prepare-suport'. Did you mean 'prepare-support'?"), "\(step.stderr)")
        let zh = try chinese.run(["step", id, "prepare-suport", "done"])
        #expect(zh.stderr.contains("没有编号为“prepare-suport”的步骤；您是要“prepare-support”吗？"), "\(zh.stderr)")
        let role = try cordon.run(["assign", id, "comander", "王磊"])
        #expect(role.status == 2)
        #expect(role.stderr.contains("Did you mean 'commander'?"), "\(role.stderr)")
        let audience = try cordon.run(["notify", id, "regulater", "--channel", "网信办报送系统"])
        #expect(audience.status == 2)
        #expect(audience.stderr.contains("Did you mean 'regulator'?"), "\(audience.stderr)")
        let notice = try cordon.run(["notice", id, "individual"])
        #expect(notice.status == 2)
        #expect(notice.stderr.contains("Did you mean 'individuals'?"), "\(notice.stderr)")
        let far = try cordon.run(["step", id, "xyz", "done"])
        #expect(!far.stderr.contains("Did you mean"), "nothing is suggested when nothing is close")
        #expect(try timelineBytes(id) == before)
    }

    @Test("a mistyped subcommand names the nearest one and exits 64 instead of reaching the home screen")
    func subcommands() throws {
        let id = try cordon.declare()
        let typo = try cordon.run(["stauts", id])
        #expect(typo.status == 64)
        #expect(typo.stderr == "cordon: There is no subcommand 'stauts'. Did you mean: cordon status? cordon --help lists them all.\n", "\(typo.stderr)")
        let zh = try chinese.run(["stauts", id])
        #expect(zh.stderr.contains("没有子命令“stauts”；您是要 cordon status 吗？"), "\(zh.stderr)")
        let nested = try cordon.run(["playbooks", "lsit"])
        #expect(nested.status == 64)
        #expect(nested.stderr.contains("Did you mean: cordon playbooks list?"), "\(nested.stderr)")
        let scenario = try cordon.run(["drill", "data-room-overshar", "--headless"])
        #expect(scenario.status == 3)
        #expect(scenario.stderr.contains("did you mean 'data-room-overshare'?"), "\(scenario.stderr)")
    }

    // MARK: - Ids and exit codes

    @Test("an incident id is read in any case")
    func idsInAnyCase() throws {
        let id = try cordon.declare()
        let lower = try cordon.run(["note", id.lowercased(), "外包商已关闭 SFTP 账号"])
        #expect(lower.status == 0, "\(lower.stderr)")
        #expect(try cordon.run(["status", id.lowercased()]).stdout.contains(id))
    }

    @Test("a malformed id and a replay position past the end exit 64, as the README says for bad usage")
    func usageExitCodes() throws {
        let id = try cordon.declare()
        let malformed = try cordon.run(["status", "INC-2026-1"])
        #expect(malformed.status == 64)
        #expect(malformed.stderr.contains("is not an incident id"))
        let past = try cordon.run(["replay", id, "--at", "99"])
        #expect(past.status == 64)
        #expect(past.stderr.contains("The timeline has 1 events; give a seq from 1 to 1."), "\(past.stderr)")
        let unreadable = try cordon.run(["replay", id, "--at", "昨天下午"])
        #expect(unreadable.status == 64)
    }

    // MARK: - One way to write a number or a date

    @Test("scope takes 3.1万 as the console's form does, and an action's due date takes +30天")
    func chineseSpellings() throws {
        let id = try cordon.declare()
        let scope = try cordon.run(["scope", id, "--category", "身份证号", "--people", "3.1万", "--records", "48,000", "--confidence", "medium"])
        #expect(scope.status == 0, "\(scope.stderr)")
        let status = try #require(try JSONReader.parse(try cordon.run(["scope", id, "--json"]).stdout).object)
        #expect(status["scope"]?.object?["people"] == .int(31_000), "\(status)")
        #expect(status["scope"]?.object?["records"] == .int(48_000))

        let action = try cordon.run(["action", id, "add", "外包商账号启用双因素认证", "--owner", "李明", "--due", "+30天", "--json"])
        #expect(action.status == 0, "\(action.stderr)")
        let spelt = try cordon.run(["action", id, "add", "审计告警接入值班系统", "--owner", "赵磊", "--due", "+30d", "--json"])
        let dues = try [action, spelt].map { try JSONReader.parse($0.stdout).object?["recorded"]?.array?.first?.object?["data"]?.object?["due"] }
        #expect(dues[0] != nil && dues[0] == dues[1], "+30天 and +30d are the same day: \(dues)")

        let bad = try cordon.run(["scope", id, "--people", "约三万"])
        #expect(bad.status == 64)
    }

    // MARK: - The CAC clock before grading

    @Test("status before grading shows the CAC clock that applies if it is graded 较大 or above")
    func ifGradedInStatus() throws {
        let id = try cordon.declare(extra: ["--detected-at", "2h48m ago"])
        let status = try chinese.run(["status", id])
        #expect(status.stdout.contains("时限：尚未定级；以下时限自发现时起已在计时，定级后即适用："), "\(status.stdout)")
        #expect(status.stdout.contains("cac-report  向省级网信部门报告  若定为较大及以上：剩余 1:1"), "\(status.stdout)")
        #expect(!status.stdout.contains("1d") && !status.stdout.contains("29d"), "Chinese text says 天")
        let json = try #require(try JSONReader.parse(try cordon.run(["status", id, "--json"]).stdout).object)
        let pending = try #require(json["if_graded"]?.array?.compactMap(\.object).first { $0.string("id") == "cac-report" })
        #expect(pending.string("severity_at_least") == "serious")
        #expect(pending.string("state") == "running")
        #expect(json["deadlines"]?.array?.contains { $0.object?.string("id") == "cac-report" } == false, "it does not apply yet")

        let listed = try chinese.run(["list"])
        #expect(listed.stdout.contains("\(id)  遏制  [未定级]  测试事件  ⏱ 若定为较大及以上：剩余 1:1"), "phase title, not containment, and the clock: \(listed.stdout)")

        let graded = try chinese.run(["classify", id, "serious"])
        #expect(graded.stdout.contains("完成 初步定级（随定级完成）"), "\(graded.stdout)")
        #expect(!graded.stdout.contains("classified") && !graded.stdout.contains("step.completed"), "no internal event names")
        let again = try chinese.run(["step", id, "grade-incident", "done"])
        #expect(again.stderr.contains("步骤“grade-incident”已完成。"), "\(again.stderr)")
        #expect(!again.stderr.contains("已已"))
    }
}
