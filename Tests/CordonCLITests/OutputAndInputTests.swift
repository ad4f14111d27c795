import CordonCore
import CordonTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What the command line writes and reads, tried as a bad day would: output into a full disk or
/// `/dev/full` is a failure (exit 3), never a half report with exit 0; input has limits, and
/// endless input is refused without piling up; text that reorders or hides itself is shown for
/// what it is wherever a person reads it, and kept as typed in the timeline.
@Suite("Output that cannot be cut off, bounded input, visible bidi")
struct OutputAndInputTests {
    let folder = TemporaryFolder()
    var cordon: CordonBinary { CordonBinary(home: folder.path + "/home") }

    /// Runs `cordon` as a shell would, with standard output into `stdout` (a path such as
    /// `/dev/full`); returns the exit status and what it printed on standard error.
    func run(_ arguments: [String], stdout: String, binary: CordonBinary? = nil) throws -> (status: Int32, stderr: String) {
        let binary = binary ?? cordon
        let errors = folder.path + "/stderr-\(UUID().uuidString.prefix(8))"
        let pid = try ShellSpawn.start(binary.path, arguments, environment: binary.environment, output: stdout, errors: errors).get()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let stderr = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        switch SpawnedCommand.End(status: status) {
        case .exited(let code): return (code, stderr)
        case .signalled(let signal): return (128 + signal, stderr)
        }
    }

    func timelineBytes(_ id: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: cordon.timeline(id)))
    }

    // MARK: - Output that was cut off

    @Test("every command that prints exits 3 with one line on stderr when standard output is /dev/full")
    func devFull() throws {
        let id = try cordon.declare()
        #expect(try cordon.run(["note", id, "已联系外包商"]).status == 0)
        let before = try timelineBytes(id)
        let commands: [[String]] = [
            ["status", id, "--json"], ["status", id], ["verify", id], ["notice", id, "regulator"], ["replay", id, "--json"],
            ["replay", id, "--at", "2"], ["report", id, "--format", "html"], ["report", id, "--format", "json"], ["list"],
            ["evidence", id], ["playbooks", "list"], ["--help"],
        ]
        for arguments in commands {
            let result = try run(arguments, stdout: "/dev/full")
            #expect(result.status == 3, "\(arguments): exit \(result.status), \(result.stderr)")
            // `notice` also says on stderr what the draft still lacks; the failure is one line.
            let lines = result.stderr.split(separator: "\n").filter { arguments[0] != "notice" || $0.contains("Standard output") }
            #expect(lines.count == 1 && lines[0].contains("Standard output could not be written in full (No space left on device)"),
                    "\(arguments): \(result.stderr)")
        }
        #expect(try timelineBytes(id) == before, "reading commands wrote nothing")

        // A command that records says that what it recorded stands, and it does.
        let note = try run(["note", id, "写入 /dev/full 的备注"], stdout: "/dev/full")
        #expect(note.status == 3 && note.stderr.contains("anything recorded stays recorded"), "\(note.stderr)")
        #expect(try String(contentsOfFile: cordon.timeline(id), encoding: .utf8).contains("写入 /dev/full 的备注"))

        let zh = try run(["status", id, "--json"], stdout: "/dev/full", binary: CordonBinary(home: folder.path + "/home", lang: "zh"))
        #expect(zh.status == 3 && zh.stderr.contains("标准输出未能完整写出"), "\(zh.stderr)")
        let json = try run(["status", id, "--json"], stdout: "/dev/null")
        #expect(json.status == 0 && json.stderr.isEmpty, "output that is written in full still exits 0: \(json.stderr)")
    }

    @Test("a report onto a full disk: exit 3 through a redirection, and --output keeps the previous whole file",
          .enabled(if: ScratchMount.isAvailable, "needs root to mount a small tmpfs (CI runs as root)"))
    func reportOntoAFullDisk() throws {
        let disk = try ScratchMount(kilobytes: 256)
        defer { disk.unmount() }
        let id = try cordon.declare()
        let target = disk.path + "/总结报告.html"
        let first = try cordon.run(["report", id, "--format", "html", "--output", target])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("Wrote \(target) ("), "\(first.stdout)")
        let whole = try Data(contentsOf: URL(fileURLWithPath: target))
        #expect(String(decoding: whole, as: UTF8.self).hasSuffix("</html>\n"))
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
        #expect(mode == 0o600, "a report holds personal information")

        // The report grows past what the disk has left.
        for index in 1...40 { #expect(try cordon.run(["note", id, "第 \(index) 条：" + String(repeating: "外包商客户名单外泄的处置记录。", count: 20)]).status == 0) }
        let filler = disk.fill()
        let refused = try cordon.run(["report", id, "--format", "html", "--output", target])
        #expect(refused.status == 3, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(refused.stderr.contains("Could not write \(target) (the disk is full); the previous \(target) is unchanged"), "\(refused.stderr)")
        #expect(refused.stdout.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == whole, "the previous report is whole and in place")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path).sorted() == ["filler", "总结报告.html"], "no temporary file is left behind")
        let zh = try CordonBinary(home: folder.path + "/home", lang: "zh").run(["report", id, "--output", target])
        #expect(zh.status == 3 && zh.stderr.contains("磁盘已满") && zh.stderr.contains("原有的 \(target) 保持不变"), "\(zh.stderr)")

        // The attack as reported: a redirection into the full disk exits 0 no more.
        let redirected = try run(["report", id, "--format", "html"], stdout: disk.path + "/redirected.html")
        #expect(redirected.status == 3 && redirected.stderr.contains("Standard output could not be written in full"), "\(redirected.stderr)")

        try FileManager.default.removeItem(atPath: filler)
        let again = try cordon.run(["report", id, "--format", "html", "--output", target])
        #expect(again.status == 0, "\(again.stderr)")
        let replaced = try String(contentsOfFile: target, encoding: .utf8)
        #expect(replaced.contains("第 40 条") && replaced.hasSuffix("</html>\n"))
    }

    @Test("notice --output writes the same draft that would have been printed")
    func noticeOutput() throws {
        let id = try cordon.declare()
        let printed = try cordon.run(["notice", id, "regulator"])
        #expect(printed.status == 0)
        let file = folder.path + "/notice.txt"
        let written = try cordon.run(["notice", id, "regulator", "--output", file])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.hasPrefix("Wrote \(file) ("))
        let draft = try String(contentsOfFile: file, encoding: .utf8)
        #expect(draft == printed.stdout, "\(draft.difference(from: printed.stdout))")
        let intoFolder = try cordon.run(["notice", id, "regulator", "--output", folder.path])
        #expect(intoFolder.status == 3 && intoFolder.stderr.contains("is a folder"), "\(intoFolder.stderr)")
    }

    // MARK: - Bounded input

    @Test("`yes | cordon note ID -` is refused with bounded memory and records nothing")
    func endlessStandardInput() throws {
        let id = try cordon.declare()
        let before = try timelineBytes(id)
        let output = folder.path + "/yes.out"
        let pid = try ShellSpawn.start(
            "/bin/sh", ["-c", "yes | \"$0\" note \"$1\" -", cordon.path, id], environment: cordon.environment, output: output).get()
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1, errno == EINTR {}
        let printed = try String(contentsOfFile: output, encoding: .utf8)
        #expect(SpawnedCommand.End(status: status) == .exited(2), "\(printed)")
        #expect(printed.contains("Standard input is over 80,000 bytes"), "\(printed)")
        #expect(try timelineBytes(id) == before, "nothing was written")
        // ru_maxrss is in kilobytes and covers the shell's children: cordon read 80 KB, not gigabytes.
        #expect(usage.ru_maxrss < 256 * 1024, "peak memory \(usage.ru_maxrss) KB")

        let fits = try cordon.run(["note", id, "-"], stdin: String(repeating: "长", count: TextLimits.text))
        #expect(fits.status == 0, "the longest note still fits: \(fits.stderr)")
        let over = try cordon.run(["note", id, "-"], stdin: String(repeating: "长", count: TextLimits.text + 1))
        #expect(over.status == 2 && over.stderr.contains("over 20,000 characters"), "\(over.stderr)")
    }

    @Test("a headless drill's line longer than any text is refused as it comes in, and the lines after it still count")
    func headlessDrillLongLine() throws {
        let long = "l " + String(repeating: "x", count: TextLimits.standardInputBytes * 3)
        let input = "f\n" + long + "\nl 对外口径应预先准备\nq\n"
        let result = try cordon.run(["drill", "data-room-overshare", "--headless", "--speed", "10000", "--seed", "7", "--json"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "That line of input is over 80,000 bytes and was not used").count == 2, "refused once: \(result.stderr)")
        let id = try #require(try JSONReader.parse(String(result.stdout.split(separator: "\n")[0])).object?.string("drill"))
        let timeline = try String(contentsOfFile: cordon.timeline(id), encoding: .utf8)
        #expect(!timeline.contains("xxxxxxxx"), "nothing of the long line was recorded")
        #expect(timeline.contains("对外口径应预先准备"), "the next line is read whole")
    }

    @Test("titles and names over their limits or with control characters are refused, and nothing is written")
    func titlesAndNames() throws {
        let home = folder.path + "/home"
        let long = try cordon.run(["declare", "--playbook", "pi-leak", "--title", String(repeating: "标", count: 30_000)])
        #expect(long.status == 3 && long.stderr.contains("The title is 30,000 characters, over the limit of 200"), "\(long.stderr)")
        for title in ["第一行\n第二行", "标题\u{1B}[31m红色"] {
            let refused = try cordon.run(["declare", "--playbook", "pi-leak", "--title", title])
            #expect(refused.status == 3 && refused.stderr.contains("is a control character"), "\(refused.stderr)")
        }
        #expect((try? FileManager.default.contentsOfDirectory(atPath: home + "/incidents"))?.isEmpty ?? true, "no incident was declared")
        #expect(try cordon.run(["declare", "--playbook", "pi-leak", "--title", String(repeating: "标", count: TextLimits.title)]).status == 0)

        let id = try cordon.declare()
        let before = try timelineBytes(id)
        let cases: [(arguments: [String], says: String)] = [
            (["note", id, "代记", "--actor", String(repeating: "a", count: 100_000)], "The --actor name is 100,000 characters, over the limit of 64"),
            (["note", id, "代记", "--actor", "王磊\n伪造的第二行"], "Character 3 of the --actor name is a control character"),
            (["note", id, "代记", "--actor", "王磊\u{1B}[2J"], "is a control character"),
            (["assign", id, "commander", String(repeating: "王", count: 65)], "over the limit of 64"),
            (["assign", id, "commander", "王\u{7}磊"], "is a control character"),
            (["evidence", id, "add", "--description", "笔记本电脑", "--custodian", "王芳\r"], ""),
            (["action", id, "add", String(repeating: "改", count: 201), "--owner", "李明", "--due", "+30d"], "over the limit of 200"),
        ]
        for (arguments, says) in cases where !says.isEmpty {
            let refused = try cordon.run(arguments)
            #expect(refused.status == 2, "\(arguments.prefix(3)): exit \(refused.status) \(refused.stderr)")
            #expect(refused.stderr.contains(says) && refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        }
        #expect(try timelineBytes(id) == before, "nothing was written")
        // A trailing carriage return is trimmed like any surrounding white space, not refused.
        #expect(try cordon.run(["evidence", id, "add", "--description", "笔记本电脑", "--custodian", "王芳\r"]).status == 0)
        #expect(try cordon.run(["note", id, "代记", "--actor", String(repeating: "王", count: TextLimits.name)]).status == 0)
    }

    @Test("an argument that is not UTF-8 is refused in the language --lang asks for")
    func notUTF8FollowsLang() throws {
        let zhHome = CordonBinary(home: folder.path + "/home", lang: "zh")
        for arguments in [["--lang", "en"], ["--lang=en"]] {
            let process = try ShellSpawn.start(
                "/bin/sh", ["-c", "exec \"$0\" note INC-20261129-001 \"$(printf '\\267\\361')\" \"$@\"", zhHome.path] + arguments,
                environment: zhHome.environment, output: folder.path + "/gbk.out").get()
            var status: Int32 = 0
            while waitpid(process, &status, 0) == -1, errno == EINTR {}
            let printed = try String(contentsOfFile: folder.path + "/gbk.out", encoding: .utf8)
            #expect(SpawnedCommand.End(status: status) == .exited(2))
            #expect(printed == "cordon: Argument 3 is not UTF-8 text; nothing was done. Set the terminal to UTF-8 (e.g. LANG=zh_CN.UTF-8) and try again.\n", "\(printed)")
        }
    }

    // MARK: - Nothing is reordered invisibly

    @Test("bidi and zero-width characters show as ⟨U+…⟩ in list, status, replay, evidence and the reports; the timeline keeps them")
    func bidiShownVisibly() throws {
        let id = try cordon.declare(title: "Vendor\u{200B} leak \u{202E}lanif\u{202C}")
        let evidence = folder.write("inv\u{202E}gpj.exe", "sample")
        #expect(try cordon.run(["note", id, "Called regulator at \u{202E}00:90\u{202C}"]).status == 0)
        #expect(try cordon.run(["evidence", id, "add", "--file", evidence, "--custodian", "王芳"]).status == 0)

        let outputs: [(String, String)] = [
            ("list", try cordon.run(["list"]).stdout),
            ("status", try cordon.run(["status", id]).stdout),
            ("replay", try cordon.run(["replay", id]).stdout),
            ("replay --at", try cordon.run(["replay", id, "--at", "3"]).stdout),
            ("evidence", try cordon.run(["evidence", id]).stdout),
            ("report md", try cordon.run(["report", id, "--format", "md"]).stdout),
            ("report html", try cordon.run(["report", id, "--format", "html"]).stdout),
        ]
        for (name, text) in outputs {
            #expect(!text.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x202C || $0.value == 0x200B }, "\(name) prints a raw control")
        }
        for (name, text) in outputs where name != "evidence" {
            #expect(text.contains("Vendor⟨U+200B⟩ leak ⟨U+202E⟩lanif⟨U+202C⟩"), "\(name) shows the title visibly:\n\(text)")
        }
        for (name, text) in outputs where name.hasPrefix("replay") || name.hasPrefix("report") {
            #expect(text.contains("Called regulator at ⟨U+202E⟩00:90⟨U+202C⟩"), "\(name) shows the note visibly")
        }
        for (name, text) in outputs where name == "evidence" || name.hasPrefix("report") {
            #expect(text.contains("inv⟨U+202E⟩gpj.exe"), "\(name) shows the file name visibly")
        }
        let timeline = try String(contentsOfFile: cordon.timeline(id), encoding: .utf8)
        #expect(timeline.contains("Vendor\u{200B} leak \u{202E}lanif\u{202C}") && timeline.contains("at \u{202E}00:90\u{202C}"), "the timeline keeps the bytes as typed")
        #expect(!timeline.contains("⟨U+"))
        let json = try cordon.run(["status", id, "--json"]).stdout
        #expect(json.contains("\u{202E}lanif"), "JSON carries the value as typed, for programs")
    }

    // MARK: - Redaction

    @Test("a --redact report leaks no UnionPay number, whatever its check digit or grouping")
    func redactedReport() throws {
        let id = try cordon.declare()
        #expect(try cordon.run(["note", id, "客户卡号 6222021234567890123，另一张 6222 0202 0011 2233 445，邮箱zhang.san@example.com"]).status == 0)
        let report = try cordon.run(["report", id, "--redact"])
        #expect(report.status == 0)
        #expect(!report.stdout.contains("6222021234567890123") && !report.stdout.contains("0011 2233"), "\(report.stdout)")
        #expect(report.stdout.contains("622202\\*\\*\\*\\*\\*\\*\\*\\*\\*0123") || report.stdout.contains("622202*********0123"), "\(report.stdout)")
        #expect(report.stdout.contains("邮箱z"), "the character before the address stays")
        #expect(report.stdout.contains(id), "the incident id stays")
    }
}
