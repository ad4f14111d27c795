import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// The paperwork as a team sends it: staged CAC reports drafted from a worked incident, what was
/// sent kept word for word in the timeline, and refusals that write nothing. The real binary.
@Suite("Paperwork commands")
struct PaperworkCommandLineTests {
    let folder = TemporaryFolder()
    var cordon: CordonBinary { CordonBinary(home: folder.path + "/home", lang: "zh") }

    /// An incident worked as far as the initial report: facts, scope, a root cause, a time the
    /// investigation established, the source isolated.
    func workedIncident() throws -> String {
        let id = try cordon.declare(title: "催收外包商客户名单外泄", extra: ["--severity", "serious", "--detected-at", "2h ago"])
        for arguments in [
            ["facts", id, "--company", "某某消费金融股份有限公司", "--contact", "个人信息保护负责人 400-000-0000", "--system", "催收外包 SFTP 服务器"],
            ["scope", id, "--category", "id-number,loan-record", "--people", "31000", "--records", "48000", "--confidence", "medium"],
            ["finding", id, "add", "--kind", "root-cause", "外包商共享账号未启用双因素认证"],
            ["finding", id, "add", "--kind", "timeline", "--at", "3h ago", "使用外包商账号登录堡垒机"],
            ["step", id, "isolate-source", "done"],
        ] {
            let result = try cordon.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        return id
    }

    func body(_ notice: CordonBinary.Result) -> String {
        // The subject line and the rule under it come first; the letter follows.
        notice.stdout.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false).dropFirst(2).joined()
    }

    func sentNotices(_ id: String) throws -> [JSONObject] {
        try String(contentsOfFile: cordon.timeline(id), encoding: .utf8).split(separator: "\n").compactMap { line in
            let event = try JSONReader.parse(String(line)).object
            return event?.string("type") == "notice.sent" ? event?["data"]?.object : nil
        }
    }

    func sha256(_ text: String) throws -> String {
        let file = folder.write("digest-\(UUID().uuidString)", text)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", file]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: out, as: UTF8.self).prefix(64))
    }

    // MARK: - The three CAC stages

    @Test func theInitialReportStatesWhatIsKnownInTheThirdPerson() throws {
        let id = try workedIncident()
        let notice = try cordon.run(["notice", id, "regulator"])
        #expect(notice.status == 0, "\(notice.stderr)")
        let text = notice.stdout
        #expect(text.contains("初次报告"))
        for element in ["报告单位：某某消费金融股份有限公司", "受影响的设施、系统或平台：催收外包 SFTP 服务器", "发现时间：", "发生时间：",
                        "事件类型：数据安全事件（客户个人信息泄露）", "事件级别：较大", "约 31,000 人", "事件原因（初步分析）：外包商共享账号未启用双因素认证",
                        "已造成和可能造成的危害：身份信息被冒用", "已采取的处置措施：已关闭暴露的接口", "联系人及联系方式：个人信息保护负责人 400-000-0000"] {
            #expect(text.contains(element), "the initial report states \(element)")
        }
        #expect(!text.contains("您"), "a report to the regulator speaks of the customers, not to them")
        #expect(!text.contains("【待补充"), "everything the initial report asks for is known here")
        #expect(notice.stderr.contains("cordon notify \(id) regulator --stage initial"))

        let letter = try cordon.run(["notice", id, "individuals"])
        #expect(letter.stdout.contains("尊敬的客户") && letter.stdout.contains("留意以您名义办理的业务"), "the letter to customers addresses them")
    }

    @Test func aFollowUpSaysWhatChangedSinceTheLastReportThatWentOut() throws {
        let id = try workedIncident()
        #expect(try cordon.run(["notify", id, "regulator", "--channel", "网信办报送系统"]).status == 0)
        #expect(try cordon.run(["classify", id, "major", "--reason", "涉及人数增至 120 万"]).status == 0)
        #expect(try cordon.run(["scope", id, "--category", "id-number,loan-record", "--people", "1200000", "--confidence", "high"]).status == 0)

        let notice = try cordon.run(["notice", id, "regulator"])
        #expect(notice.status == 0, "\(notice.stderr)")
        #expect(notice.stdout.contains("续报"), "once the initial report went out, the follow-up is the one due")
        let changes = try #require(notice.stdout.components(separatedBy: "一、自上次报告以来的变化：").last?.components(separatedBy: "二、").first)
        #expect(changes.contains("事件级别调整为重大（涉及人数增至 120 万）"))
        #expect(changes.contains("1,200,000 人"))
        #expect(!changes.contains("外包商共享账号未启用双因素认证"), "the root cause was in the initial report, not a change since")
        #expect(notice.stdout.contains("已于"), "it names when the last report went out")

        let status = try cordon.run(["status", id, "--json"])
        let deadlines = try JSONReader.parse(status.stdout).object?["deadlines"]?.array?.compactMap { $0.object } ?? []
        let followup = try #require(deadlines.first { $0.string("id") == "cac-followup" }, "the follow-up clock runs once a report went out")
        #expect(followup.string("state") == "running")
    }

    @Test func theSummaryReportCoversCauseHandlingHarmResponsibilityRectificationAndLessons() throws {
        let id = try workedIncident()
        #expect(try cordon.run(["notify", id, "regulator", "--channel", "网信办报送系统"]).status == 0)
        for arguments in [
            ["finding", id, "add", "--kind", "contributing", "外包商账号长期未复核"],
            ["accountability", id, "add", "--person", "赵强", "--duty", "账号权限复核", "--finding", "F3", "--measure", "书面警告"],
            ["action", id, "add", "外包商账号启用双因素认证", "--owner", "李明", "--due", "+30d"],
            ["facts", id, "--lessons", "外包商账号须纳入季度权限复核"],
        ] {
            let result = try cordon.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        for _ in 0..<5 {
            #expect(try cordon.run(["advance", id, "--force", "--reason", "演示"]).status == 0)
        }
        let final = try cordon.run(["notice", id, "regulator"])
        #expect(final.status == 0, "\(final.stderr)")
        #expect(final.stdout.contains("总结报告"), "once closed, the summary report is the one due")
        for element in ["二、事件原因：外包商共享账号未启用双因素认证", "三、处置经过：", "启动应急响应", "处置结束", "四、造成的危害：",
                        "六、整改措施：外包商账号启用双因素认证（负责人 李明", "七、经验教训：外包商账号须纳入季度权限复核"] {
            #expect(final.stdout.contains(element), "the summary states \(element)")
        }
        #expect(final.stdout.contains("五、责任处理：【待补充：责任处理"), "responsibility stays out without --include-accountability")
        #expect(!final.stdout.contains("赵强"))
        #expect(final.stderr.contains("--include-accountability"))

        let accountable = try cordon.run(["notice", id, "regulator", "--stage", "final", "--include-accountability"])
        #expect(accountable.stdout.contains("五、责任处理：赵强（账号权限复核）：书面警告"))

        #expect(try cordon.run(["notify", id, "regulator", "--channel", "网信办报送系统"]).status == 0)
        let sent = try sentNotices(id)
        #expect(sent.map { $0.string("stage") } == ["initial", "final"])
        let status = try JSONReader.parse(try cordon.run(["status", id, "--json"]).stdout).object?["deadlines"]?.array?.compactMap { $0.object } ?? []
        #expect(status.first { $0.string("id") == "cac-final" }?.string("state") == "met")
        #expect(!status.contains { $0.string("id") == "cac-followup" }, "no follow-up runs once the incident is closed")
    }

    // MARK: - What was sent is kept

    @Test func notifyKeepsTheDraftAsItWentOutWithItsHash() throws {
        let id = try workedIncident()
        let draft = try cordon.run(["notice", id, "individuals"])
        let notified = try cordon.run(["notify", id, "individuals", "--channel", "短信"])
        #expect(notified.status == 0, "\(notified.stderr)")
        let sent = try #require(try sentNotices(id).last)
        let text = try #require(sent.string("text"))
        #expect(text.trimmingCharacters(in: .newlines) == body(draft).trimmingCharacters(in: .newlines), "the text kept is the draft as it stood")
        #expect(sent.string("sha256") == (try sha256(text)))
        #expect(sent.string("subject") == "关于您个人信息安全的通知")
        #expect(sent.string("source") == "draft")

        let report = try cordon.run(["report", id])
        #expect(report.stdout.contains(try sha256(text)))
        #expect(report.stdout.contains("> 尊敬的客户："), "the report shows the notice as it went out")
    }

    @Test func notifyKeepsTheEditedFileTheTeamSent() throws {
        let id = try workedIncident()
        let edited = "尊敬的客户：\n\n这是经法务修改后发出的通知全文。\n"
        let file = folder.write("sent.txt", edited)
        #expect(try cordon.run(["notify", id, "individuals", "--channel", "短信", "--file", file]).status == 0)
        let sent = try #require(try sentNotices(id).last)
        #expect(sent.string("text") == edited)
        #expect(sent.string("sha256") == (try sha256(edited)))
        #expect(sent.string("source") == "file")

        let piped = try cordon.run(["notify", id, "police", "--channel", "现场报案", "--file", "-"], stdin: "报案材料全文\n")
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(try sentNotices(id).last?.string("text") == "报案材料全文\n")
    }

    @Test func aNoticeThatCannotBeKeptIsRefusedAndNothingIsWritten() throws {
        let id = try workedIncident()
        let before = try String(contentsOfFile: cordon.timeline(id), encoding: .utf8)
        let missing = try cordon.run(["notify", id, "regulator", "--channel", "网信办报送系统", "--file", folder.path + "/nope.txt"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("nope.txt"))
        let huge = folder.write("huge.txt", String(repeating: "很长的附件内容。", count: 4000))
        let tooLong = try cordon.run(["notify", id, "regulator", "--channel", "网信办报送系统", "--file", huge])
        #expect(tooLong.status == 2, "\(tooLong.stderr)")
        #expect(tooLong.stderr.contains("64 KB"))
        #expect(tooLong.stderr.split(separator: "\n").count == 1, "one line that says why and what to do")
        let wrongStage = try cordon.run(["notify", id, "individuals", "--channel", "短信", "--stage", "final"])
        #expect(wrongStage.status == 2)
        #expect(try String(contentsOfFile: cordon.timeline(id), encoding: .utf8) == before)
    }
}

// MARK: - Situation reports

@Suite("Sitrep command")
struct SitrepCommandLineTests {
    let folder = TemporaryFolder()
    var cordon: CordonBinary { CordonBinary(home: folder.path + "/home", lang: "zh") }

    @Test func aSitrepSaysWhereThingsStandAndWhatChangedSinceTheLastOneSent() throws {
        let id = try cordon.declare(title: "催收外包商客户名单外泄", extra: ["--severity", "serious"])
        #expect(try cordon.run(["step", id, "isolate-source", "block", "--reason", "外包商未提供服务器权限"]).status == 0)
        let first = try cordon.run(["sitrep", id])
        #expect(first.status == 0, "\(first.stderr)")
        for line in ["事件态势报告（第 1 期）", "状态：处置中，第 1/5 阶段：遏制", "事件级别：较大", "向省级网信部门报告：剩余",
                     "受阻：隔离泄露源（外包商未提供服务器权限）", "进入下一阶段前须完成：", "四、自宣布事件以来的变化"] {
            #expect(first.stdout.contains(line), "the sitrep says \(line)")
        }
        let before = try String(contentsOfFile: cordon.timeline(id), encoding: .utf8)
        #expect(try cordon.run(["sitrep", id]).status == 0)
        #expect(try String(contentsOfFile: cordon.timeline(id), encoding: .utf8) == before, "drafting records nothing")

        let sent = try cordon.run(["sitrep", id, "--channel", "企业微信群"])
        #expect(sent.status == 0, "\(sent.stderr)")
        let line = try #require(try String(contentsOfFile: cordon.timeline(id), encoding: .utf8).split(separator: "\n").last)
        let data = try #require(try JSONReader.parse(String(line)).object?["data"]?.object)
        #expect(data.string("audience") == "management")
        #expect(data.string("text") == sent.stdout, "the sitrep kept is the one printed")
        #expect(data.string("sha256")?.count == 64)

        #expect(try cordon.run(["classify", id, "major", "--reason", "涉及人数增至 120 万"]).status == 0)
        let second = try cordon.run(["sitrep", id])
        #expect(second.stdout.contains("事件态势报告（第 2 期）"))
        let changes = try #require(second.stdout.components(separatedBy: "四、自上期态势报告").last)
        #expect(changes.contains("事件级别调整为重大"))
        #expect(!changes.contains("受阻"), "the block came before the last sitrep")
        let report = try cordon.run(["report", id])
        #expect(report.stdout.contains("管理层（态势报告）"), "a sitrep sent is in the report like a notice")
    }
}
