import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// The record, notice and report commands as a user runs them: the real binary, a fresh home.
@Suite("Record commands")
struct RecordCommandTests {
    let folder = TemporaryFolder()
    var cordon: CordonBinary { CordonBinary(home: folder.path + "/home") }

    func json(_ text: String) throws -> JSONValue {
        try JSONReader.parse(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    // MARK: - Evidence

    @Test func evidenceIsHashedInPlaceHandedOverAndChecked() throws {
        let id = try cordon.declare()
        let file = folder.write("export.csv", "id,phone\n1,13812345678\n")
        let added = try cordon.run(["evidence", id, "add", "--file", file, "--custodian", "王芳", "--origin", "暗网样本"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("E1"))
        #expect(try cordon.run(["evidence", id, "transfer", "e1", "--to", "李明", "--reason", "送检"]).status == 0)

        let list = try json(try cordon.run(["evidence", id, "--json"]).stdout)
        let item = try #require(list.array?.first?.object)
        #expect(item["file"]?.object?.string("sha256") == "ffab0bf34c490b9ee1cf59d0c98ac72b3ae40cbba02e834a7ce468f212e511a9")
        #expect(item["file"]?.object?.int("size") == 23)
        #expect(item["custody"]?.array?.compactMap { $0.object?.string("to") } == ["王芳", "李明"])
        #expect(try String(contentsOfFile: cordon.timeline(id), encoding: .utf8).contains("13812345678") == false,
                "the file is referenced, never copied into the journal")

        let intact = try cordon.run(["evidence", id, "check", "E1"])
        #expect(intact.status == 0, "\(intact.stderr)")
        #expect(intact.stdout.contains("match: E1 \(file)"))
        try Data("tampered\n".utf8).write(to: URL(fileURLWithPath: file))
        let changed = try cordon.run(["evidence", id, "check", "E1"])
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("CHANGED: E1 differs from when it was registered"))
        let asJSON = try cordon.run(["evidence", id, "check", "E1", "--json"])
        #expect(asJSON.status == 1, "a changed file fails the check in JSON too")
        let recorded = try json(asJSON.stdout).object?["recorded"]?.array?.first?.object
        #expect(recorded?.string("type") == "evidence.checked", "standard output is one JSON document: \(asJSON.stdout)")
        try FileManager.default.removeItem(atPath: file)
        let gone = try cordon.run(["evidence", id, "check", "E1"])
        #expect(gone.status == 1)
        #expect(gone.stdout.contains("UNREADABLE: E1 \(file): the file is no longer at its path"))

        // Every check is on the timeline, whatever it found, and in the list and the report.
        let checks = try #require(try json(try cordon.run(["evidence", id, "--json"]).stdout).array?.first?.object?["checks"]?.array)
        #expect(checks.compactMap { $0.object?.string("outcome") } == ["match", "changed", "changed", "unreadable"])
        #expect(checks[3].object?["problem"]?.object?.string("zh") == "文件已不在原路径", "the reason is kept in both languages")
        #expect(checks.allSatisfy { $0.object?.string("started") != nil }, "when hashing began is kept")
        #expect(checks[1].object?.string("sha256") == "92e78d0b032962f47792a9fa95fd981ef63e1e3ef074d536d6304c75eddbe29f", "the hash found is recorded beside the outcome")
        #expect(try cordon.run(["evidence", id]).stdout.contains("last checked"))
        let report = try cordon.run(["report", id, "--format", "md"])
        #expect(report.stdout.contains("Integrity checks"))
        #expect(report.stdout.contains("| changed | 92e78d0b032962f47792a9fa95fd981ef63e1e3ef074d536d6304c75eddbe29f |"))
        #expect(report.stdout.contains("| unreadable | the file is no longer at its path |"))
        let chinese = try cordon.run(["report", id, "--format", "md", "--lang", "zh"])
        #expect(chinese.stdout.contains("| 无法读取 | 文件已不在原路径 |"), "a reason recorded from an English command reads in Chinese")
        let timeline = try String(contentsOfFile: cordon.timeline(id), encoding: .utf8)
        #expect(timeline.components(separatedBy: "\"type\":\"evidence.checked\"").count - 1 == 4)
        #expect(try cordon.run(["verify", id]).status == 0)
    }

    @Test func aDescribedItemOrAnUnknownOneCannotBeCheckedAndNothingIsWritten() throws {
        let id = try cordon.declare()
        #expect(try cordon.run(["evidence", id, "add", "--description", "封存的笔记本电脑", "--custodian", "李明"]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: cordon.timeline(id)))
        let described = try cordon.run(["evidence", id, "check", "E1"])
        #expect(described.status == 2)
        #expect(described.stderr.contains("E1 is a description, with no file to check."))
        let unknown = try cordon.run(["evidence", id, "check", "E7"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("There is no evidence 'E7'"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: cordon.timeline(id))) == before)
    }

    @Test func evidenceWithoutCustodianIsRefusedAndNothingIsWritten() throws {
        let id = try cordon.declare()
        let refused = try cordon.run(["evidence", id, "add", "--description", "封存的笔记本电脑"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--custodian"))
        #expect(try cordon.run(["evidence", id, "--json"]).stdout.contains("[]"))
    }

    // MARK: - Scope and grading

    @Test func scopeSuggestsASeverityButNeverClassifies() throws {
        let id = try cordon.declare()
        let recorded = try cordon.run(["scope", id, "--category", "身份证号,phone", "--category", "loan-record", "--people", "31000", "--records", "48000", "--confidence", "medium"])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout.contains("suggests: serious"))
        #expect(recorded.stdout.contains("cordon classify \(id) serious"))
        let status = try json(try cordon.run(["status", id, "--json"]).stdout).object
        #expect(status?["severity"] == .null)
        #expect(status?.string("suggested_severity") == "serious")
        #expect(status?["scope"]?.object?.int("people") == 31_000)

        // A higher grade already meets an "at least" threshold: no hint to grade down.
        #expect(try cordon.run(["classify", id, "major", "--reason", "涉及敏感信息"]).status == 0)
        let again = try cordon.run(["scope", id, "--people", "32000"])
        #expect(again.stdout.contains("suggests: serious"))
        #expect(again.stdout.contains("Current severity: major, already at or above the suggestion."), "\(again.stdout)")
        #expect(!again.stdout.contains("cordon classify"))
    }

    // MARK: - Findings and accountability

    @Test func accountabilityShowsOnlyWhereAskedFor() throws {
        let id = try cordon.declare()
        #expect(try cordon.run(["finding", id, "add", "--kind", "root-cause", "外包商账号未启用双因素认证"]).status == 0)
        let timeline = try cordon.run(["finding", id, "add", "--kind", "timeline", "导出客户表"])
        #expect(timeline.status == 2, "a timeline entry needs --at")
        let entry = try cordon.run(["accountability", id, "add", "--person", "赵强", "--duty", "账号权限复核", "--finding", "F1", "--measure", "书面警告"])
        #expect(entry.status == 0, "\(entry.stderr)")
        #expect(!entry.stdout.contains("赵强"), "even the confirmation line names no one")

        #expect(!(try cordon.run(["status", id]).stdout.contains("赵强")))
        #expect(!(try cordon.run(["status", id, "--json"]).stdout.contains("赵强")))
        #expect(!(try cordon.run(["report", id]).stdout.contains("赵强")))
        #expect(try cordon.run(["report", id, "--include-accountability"]).stdout.contains("赵强"))
        #expect(try cordon.run(["accountability", id]).stdout.contains("书面警告"))
        #expect(try cordon.run(["finding", id, "withdraw", "F1", "--reason", "不成立"]).status == 2, "R1 rests on it")
    }

    // MARK: - Actions

    @Test func actionsOutliveIncidentsAndAreListedAcrossThem() throws {
        let first = try cordon.declare(title: "第一起")
        let second = try cordon.declare(title: "第二起")
        #expect(try cordon.run(["action", first, "add", "审计告警接入值班", "--owner", "王芳", "--due", "2020-01-31"]).status == 0)
        #expect(try cordon.run(["action", second, "add", "启用双因素认证", "--owner", "李明", "--due", "+30d"]).status == 0)
        #expect(try cordon.run(["action", second, "add", "已完成的", "--owner", "李明", "--due", "+1d"]).status == 0)
        #expect(try cordon.run(["action", second, "update", "A2", "--status", "done"]).status == 0)

        let across = try cordon.run(["actions"])
        let lines = across.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("\(first)  A1  2020-01-31  OVERDUE") == true, "overdue first")
        #expect(lines.last?.hasPrefix("\(second)  A1") == true)

        for _ in 0..<5 { try cordon.run(["advance", first, "--force", "--reason", "测试关闭"]) }
        #expect(try cordon.run(["action", first, "update", "A1", "--status", "done", "--note", "已上线"]).status == 0)
        let closedAdd = try cordon.run(["action", first, "add", "新措施", "--owner", "王芳", "--due", "+3d"])
        #expect(closedAdd.status == 2)
        #expect(closedAdd.stderr.contains("closed"))
        #expect(try cordon.run(["actions"]).stdout.split(separator: "\n").count == 1)
    }

    // MARK: - Notices

    @Test(arguments: ["regulator", "individuals"])
    func noticesStateEveryArticle57ElementOrMarkIt(audience: String) throws {
        let id = try cordon.declare(extra: ["--severity", "serious"])
        let zh = try cordon.run(["notice", id, audience, "--lang", "zh"])
        #expect(zh.status == 0)
        for marker in ["【待补充：涉及的个人信息种类】", "【待补充：原因】", "【待补充：可能造成的危害】", "【待补充：已采取的补救措施】", "【待补充：联系方式】"] {
            #expect(zh.stdout.contains(marker))
        }
        #expect(zh.stderr.contains("cordon facts"))
        #expect(zh.stdout.hasPrefix("主题："), "the title is labelled as the subject, apart from the letter's own heading")
        #expect(zh.stdout.contains("【待补充：公司名称】"))
        try cordon.run(["scope", id, "--category", "phone", "--people", "100", "--confidence", "high"])
        try cordon.run(["facts", id, "--cause", "接口未鉴权", "--measures", "已下线接口", "--contact", "400-000-0000", "--company", "Example Consumer Finance"])
        let en = try cordon.run(["notice", id, audience, "--lang", "en"])
        #expect(en.stdout.contains("phone numbers"))
        #expect(en.stdout.contains("接口未鉴权"))
        #expect(en.stdout.contains("400-000-0000"))
        #expect(!en.stdout.contains("[TO BE CONFIRMED: cause]"))
        #expect(en.stdout.contains("Example Consumer Finance") && !en.stdout.contains("[TO BE CONFIRMED: company"))
        #expect(en.stdout.hasPrefix("Subject: "))
    }

    // MARK: - Reports

    @Test func theHTMLReportEscapesRedactsAndCarriesTheHeadHash() throws {
        let id = try cordon.declare()
        try cordon.run(["note", id, "<script>alert(1)</script> 手机 13812345678"])
        let html = try cordon.run(["report", id, "--format", "html"])
        #expect(html.status == 0)
        #expect(!html.stdout.contains("<script>"))
        #expect(html.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let redacted = try cordon.run(["report", id, "--format", "html", "--redact"]).stdout
        #expect(!redacted.contains("13812345678"))
        #expect(redacted.contains("138****5678"))
        #expect(redacted.contains(id))

        let verified = try json(try cordon.run(["verify", id, "--json"]).stdout).object
        let report = try json(try cordon.run(["report", id, "--format", "json"]).stdout).object
        #expect(report?["sections"]?.object?["journal"]?.object?.string("head") == verified?.string("head"))
    }

    // MARK: - Playbooks

    @Test func aBrokenGradingSectionIsNamedWithFileAndLine() throws {
        let source = try String(contentsOfFile: Fixtures.repository + "/playbooks/pi-leak.yaml", encoding: .utf8)
        let broken = source.replacingOccurrences(of: "categories: [credentials, biometric]", with: "categories: [credentials, faces]")
        let path = folder.write("broken.yaml", broken)
        let result = try cordon.run(["playbooks", "validate", path])
        #expect(result.status == 1)
        let line = (broken.components(separatedBy: "\n").firstIndex { $0.contains("faces") } ?? -1) + 1
        #expect(result.stdout.contains("broken.yaml:\(line):"))
        #expect(result.stdout.contains("unknown category 'faces'"))
    }
}
