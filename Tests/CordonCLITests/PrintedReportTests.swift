import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// The HTML report as a team prints it: rendered by headless Chromium to a PDF and a screenshot,
/// then read back the way a person would look at the first page. Skipped, saying why, where
/// Chromium or pdftotext is not installed (`.ci/run` installs them).
@Suite("Printed report", .serialized)
struct PrintedReportTests {
    let folder = TemporaryFolder()
    var cordon: CordonBinary { CordonBinary(home: folder.path + "/home", lang: "zh") }

    /// Where the PDF and the screenshot are kept for a person to look at: under the build folder,
    /// never committed.
    static let output = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../.build/test-output/printed-report").standardized.path

    static func tool(_ name: String) -> String? {
        for folder in ["/usr/bin", "/usr/local/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
            return "\(folder)/\(name)"
        }
        return nil
    }

    static var missingTools: String? {
        let missing = ["chromium", "pdftotext"].filter { tool($0) == nil }
        return missing.isEmpty ? nil : "needs \(missing.joined(separator: " and ")) (apt-get install chromium poppler-utils fonts-noto-cjk)"
    }

    @discardableResult
    func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self))
    }

    /// An incident with everything a board report states: scope, cause, measures, the initial
    /// report and the letter to customers sent, a long timeline.
    func reportedIncident() throws -> String {
        let id = try cordon.declare(title: "催收外包商客户名单外泄", extra: ["--severity", "serious", "--detected-at", "3h ago"])
        var commands: [[String]] = [
            ["facts", id, "--company", "某某消费金融股份有限公司", "--contact", "个人信息保护负责人 400-000-0000", "--system", "催收外包 SFTP 服务器"],
            ["scope", id, "--category", "id-number,loan-record", "--people", "31000", "--records", "48000", "--confidence", "medium"],
            ["finding", id, "add", "--kind", "root-cause", "外包商共享账号未启用双因素认证"],
            ["assign", id, "commander", "王磊"],
            ["step", id, "isolate-source", "done"],
            ["step", id, "revoke-access", "done"],
            ["notify", id, "regulator", "--channel", "网信办报送系统", "--reference", "粤网信〔2026〕17号"],
            ["notify", id, "individuals", "--channel", "短信"],
        ]
        commands += (1...40).map { ["note", id, "第 \($0) 次电话会议：核对外包商导出的批次与字段"] }
        for arguments in commands {
            let result = try cordon.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        return id
    }

    @Test(.enabled(if: missingTools == nil, "\(missingTools ?? "")"))
    func theExecutiveSummaryIsOnTheFirstPrintedPage() throws {
        let id = try reportedIncident()
        let report = try cordon.run(["report", id, "--format", "html"])
        #expect(report.status == 0, "\(report.stderr)")
        try FileManager.default.createDirectory(atPath: Self.output, withIntermediateDirectories: true)
        let html = Self.output + "/report.html", pdf = Self.output + "/report.pdf", png = Self.output + "/first-screen.png"
        for file in [pdf, png] { try? FileManager.default.removeItem(atPath: file) }
        try report.stdout.write(toFile: html, atomically: true, encoding: .utf8)
        print("printed report kept in \(Self.output)")

        let chromium = try #require(Self.tool("chromium"))
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(folder.path)/chromium"]
        try run(chromium, common + ["--print-to-pdf=\(pdf)", "file://\(html)"])
        try run(chromium, common + ["--screenshot=\(png)", "--window-size=1280,1600", "file://\(html)"])
        #expect(FileManager.default.fileExists(atPath: png), "Chromium drew the report")

        let first = try run(try #require(Self.tool("pdftotext")), ["-f", "1", "-l", "1", "-layout", pdf, "-"]).output
        #expect(first.contains("摘要"), "the executive summary heads the first page")
        #expect(first.contains("某某消费金融股份有限公司于"), "it opens by saying who found what")
        #expect(first.contains("31,000"), "and how many people")
        #expect(first.contains("向省级网信部门报告：已于"), "and which duties were met and when")
        #expect(first.contains("1 / "), "pages are numbered")

        let all = try run(try #require(Self.tool("pdftotext")), ["-layout", pdf, "-"]).output
        let pages = all.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        #expect(pages.count > 2, "a long timeline runs over several pages")
        let annex = try #require(pages.firstIndex { $0.contains("附件：完整时间线") })
        #expect(pages[annex].trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("附件：完整时间线"), "the annex starts a page of its own")
        let appendix = try #require(pages.firstIndex { $0.contains("附录：内部标识") })
        #expect(appendix < annex)
        #expect(!pages[..<appendix].joined().contains("isolate-source"), "step ids stay out of the main text")
        #expect(pages[appendix].contains("isolate-source"), "they are in the appendix")
        for eventName in ["note.added", "notice.sent"] {
            #expect(!all.contains(eventName), "no internal event name (\(eventName)) reaches the printed report")
        }
    }
}
