import CordonTestSupport
import Foundation
import Testing

/// The layout `scripts/install.sh PREFIX` leaves behind: `PREFIX/bin/cordon` beside
/// `PREFIX/share/cordon/playbooks`. An installed binary must find its playbooks from any
/// folder, with no source checkout and no `playbooks/` in the current folder.
@Suite("Installed layout")
struct InstalledLayoutTests {
    let folder = TemporaryFolder("cordon-install")

    /// The repository's own `playbooks/`.
    static let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../playbooks").standardized.path

    /// Runs `binary` in `directory` with a fresh home and no playbook folders named in the environment.
    func run(_ binary: String, _ arguments: [String], in directory: String) throws -> (status: Int32, stdout: String, stderr: String) {
        var environment = ProcessInfo.processInfo.environment
        environment["CORDON_PLAYBOOKS"] = nil
        environment["CORDON_HOME"] = folder.path + "/home"
        environment["CORDON_LANG"] = "en"
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        // A binary copied a moment ago can still be open for writing in a child that another
        // test's thread forked while the copy was written, until that child execs; exec then
        // fails with ETXTBSY. It passes within milliseconds, so try again with a new process.
        var attempt = 0
        while true {
            attempt += 1
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
            process.environment = environment
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            do {
                try process.run()
            } catch let error as NSError where attempt < 50 && Self.isTextFileBusy(error) {
                usleep(20_000)
                continue
            }
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
        }
    }

    static func isTextFileBusy(_ error: NSError) -> Bool {
        let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
        return (error.domain == NSPOSIXErrorDomain && error.code == Int(ETXTBSY))
            || (underlying?.domain == NSPOSIXErrorDomain && underlying?.code == Int(ETXTBSY))
    }

    @Test("an installed cordon finds PREFIX/share/cordon/playbooks from any folder, and says so when they are missing")
    func findsSharedPlaybooks() throws {
        let files = FileManager.default
        let prefix = folder.path + "/prefix"
        let elsewhere = folder.path + "/elsewhere"
        for path in [prefix + "/bin", prefix + "/share/cordon", elsewhere] {
            try files.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        let binary = prefix + "/bin/cordon"
        try files.copyItem(atPath: CordonBinary.locate(), toPath: binary)

        // Without the shared folder there is nothing to declare from.
        let bare = try run(binary, ["declare", "--playbook", "pi-leak", "--title", "安装测试"], in: elsewhere)
        #expect(bare.status != 0)
        #expect(bare.stderr.contains("pi-leak"), "\(bare.stderr)")

        try files.copyItem(atPath: Self.bundled, toPath: prefix + "/share/cordon/playbooks")
        let listed = try run(binary, ["playbooks", "list"], in: elsewhere)
        #expect(listed.status == 0, "\(listed.stderr)")
        for id in ["pi-leak", "data-room-overshare", "departing-employee", "vendor-breach"] {
            #expect(listed.stdout.contains(id), "\(id) missing from:\n\(listed.stdout)")
        }
        #expect(listed.stdout.contains("share/cordon/playbooks"), "\(listed.stdout)")

        // A folder that has its own copy (a checkout, a team's folder) does not list anything twice:
        // the first of each id in the search order is the one used.
        try files.copyItem(atPath: Self.bundled, toPath: elsewhere + "/playbooks")
        let shadowed = try run(binary, ["playbooks", "list"], in: elsewhere)
        let listing = shadowed.stdout.split(separator: "\n")
        let playbooks = ["pi-leak", "data-room-overshare", "departing-employee", "vendor-breach"].map { id in listing.filter { $0.hasPrefix("\(id)  ") } }
        let drills = ["data-room-overshare", "departing-collections-manager", "collection-agency-breach", "credential-stuffing"].map { id in listing.filter { $0.contains("drill \(id)  ") } }
        for lines in playbooks + drills {
            #expect(lines.count == 1, "listed \(lines.count) times:\n\(shadowed.stdout)")
            #expect(lines.first?.hasSuffix(".yaml") == true && lines.first?.contains(prefix + "/share/cordon/playbooks/") == true, "\(lines)")
        }

        let declared = try run(binary, ["declare", "--playbook", "pi-leak", "--title", "安装测试"], in: elsewhere)
        #expect(declared.status == 0, "\(declared.stderr)")
        #expect(declared.stdout.contains("INC-"))
    }
}

/// The manual `scripts/install.sh` installs, made the same way from the debug build when
/// swift-argument-parser's `generate-manual` has been built beside it
/// (`swift build --product generate-manual`).
@Suite("Installed manual")
struct InstalledManualTests {
    static let tool = URL(fileURLWithPath: CordonBinary.locate()).deletingLastPathComponent().appendingPathComponent("generate-manual").path

    @Test(
        "the manual page names every subcommand with its English summary",
        .enabled(if: FileManager.default.isExecutableFile(atPath: tool), "generate-manual is not built; run swift build --product generate-manual"))
    func manualPage() throws {
        let folder = TemporaryFolder("cordon-manual")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.tool)
        process.arguments = [CordonBinary.locate(), "--output-directory", folder.path]
        var environment = ProcessInfo.processInfo.environment
        environment["CORDON_LANG"] = "en"
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let page = try String(contentsOfFile: folder.path + "/cordon.1", encoding: .utf8)
        #expect(page.contains(".Dt CORDON 1"))
        #expect(page.contains("Incident-response console for personal-information leaks"))
        for (name, summary) in [("status", "Show where an incident stands"), ("classify", "completes the playbook's grading step"), ("replay", "Show an incident as it stood")] {
            #expect(page.contains(".It Em \(name)"), "\(name)")
            #expect(page.contains(summary), "\(summary)")
        }
    }
}
