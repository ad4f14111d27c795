import CordonTestSupport
import Foundation
import Testing

/// Nothing acknowledged is lost on a power cut: every command that records something has the
/// kernel `fsync` the timeline (and, when it creates a file or folder, the folder holding it)
/// before it prints that it did. Checked by tracing the real binary's system calls, so a
/// missing `fsync` fails here although every other test would still pass.
@Suite("Durability", .enabled(if: SyscallTrace.isAvailable, "needs strace that may trace here (.ci/run installs it)"))
struct DurabilityTests {
    let folder = TemporaryFolder()
    var cordon: CordonBinary { CordonBinary(home: folder.path + "/home") }

    /// Runs `arguments` under strace; what it printed and the calls it made.
    func traced(_ arguments: [String]) throws -> (CordonBinary.Result, SyscallTrace) {
        let output = folder.path + "/trace-\(UUID().uuidString.prefix(8)).txt"
        var traced = cordon
        traced.prefix = SyscallTrace.prefix(recordingInto: output)
        let result = try traced.run(arguments)
        return (result, try SyscallTrace(file: output))
    }

    @Test("declare syncs the new timeline, the incident folder and the folder of incidents before printing the id")
    func declare() throws {
        _ = try cordon.declare(title: "先有一个，使 incidents/ 已存在")
        let (result, trace) = try traced(["declare", "--playbook", "pi-leak", "--title", "断电测试"])
        #expect(result.status == 0, "\(result.stderr)")
        let id = result.lastLine
        let written = try #require(trace.lastIndex(of: .write, onPathEndingIn: "/\(id)/timeline.jsonl"), "\(trace.entries)")
        let acknowledged = try #require(trace.firstAcknowledgement(after: written), "\(trace.entries)")
        #expect(trace.synced(pathEndingIn: "/\(id)/timeline.jsonl", after: written, before: acknowledged), "the timeline is synced before anything is printed")
        #expect(trace.synced(pathEndingIn: "/incidents/\(id)", after: written, before: acknowledged), "the folder holding the new timeline is synced")
        #expect(trace.synced(pathEndingIn: "/home/incidents", after: -1, before: acknowledged), "the folder holding the new incident folder is synced")
    }

    @Test("every recording command syncs the timeline after its write and before it prints anything")
    func recordingCommands() throws {
        let id = try cordon.declare()
        let evidence = folder.write("dump.csv", "姓名,手机号\n")
        let commands: [[String]] = [
            ["note", id, "断电之前的备注"],
            ["step", id, "confirm-leak", "done"],
            ["assign", id, "commander", "王磊"],
            ["classify", id, "serious", "--reason", "约 3 万条"],
            ["evidence", id, "add", "--file", evidence, "--custodian", "王芳"],
            ["advance", id, "--force", "--reason", "演示"],
        ]
        for arguments in commands {
            let (result, trace) = try traced(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            let written = try #require(trace.lastIndex(of: .write, onPathEndingIn: "/\(id)/timeline.jsonl"), "\(arguments): \(trace.entries)")
            let acknowledged = try #require(trace.firstAcknowledgement(after: written), "\(arguments): \(trace.entries)")
            #expect(trace.synced(pathEndingIn: "/\(id)/timeline.jsonl", after: written, before: acknowledged), "\(arguments): \(trace.entries)")
        }
    }
}
