import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// A disk that fills up or turns read-only under a running incident, on a real (tmpfs) disk:
/// every command says what happened in words a responder can act on, nothing half-written is
/// left in the timeline, and nothing is reported as recorded that is not on disk.
@Suite("Full and read-only disks", .enabled(if: ScratchMount.isAvailable, "needs root to mount a small tmpfs (CI runs as root)"))
struct DiskFaultTests {
    /// The notes in a timeline, in order.
    func notes(_ cordon: CordonBinary, _ id: String) throws -> [String] {
        let text = try String(contentsOfFile: cordon.timeline(id), encoding: .utf8)
        return try text.split(separator: "\n").compactMap { line in
            let event = try Event(line: Array(line.utf8))
            return event.type == EventType.noteAdded ? event.data.string("text") : nil
        }
    }

    @Test("a full disk refuses the write with a clear message; nothing torn, nothing acknowledged that is not there")
    func fullDisk() throws {
        let disk = try ScratchMount(kilobytes: 640)
        defer { disk.unmount() }
        let cordon = CordonBinary(home: disk.path + "/home")
        let id = try cordon.declare()
        #expect(try cordon.run(["note", id, "磁盘写满之前"]).status == 0)
        let filler = disk.fill()
        let before = try Data(contentsOf: URL(fileURLWithPath: cordon.timeline(id)))

        // Needs new pages the disk no longer has: refused whole, after part of it was written.
        let long = String(repeating: "写满后的一条很长的备注。", count: 500)
        let refused = try cordon.run(["note", id, long])
        #expect(refused.status == 3, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.stderr.contains("the disk is full") && refused.stderr.contains("Nothing was recorded"), "\(refused.stderr)")
        #expect(!refused.stdout.contains("recorded #"), "nothing is reported as recorded")
        #expect(try Data(contentsOf: URL(fileURLWithPath: cordon.timeline(id))) == before, "no partial line stays")
        let zh = try CordonBinary(home: disk.path + "/home", lang: "zh").run(["note", id, long])
        #expect(zh.status == 3 && zh.stderr.contains("磁盘已满"), "\(zh.stderr)")

        // A short note may still fit the room left in the file's last page: then it is on disk
        // and acknowledged; if not, it is refused and absent. Never one without the other.
        let short = try cordon.run(["note", id, "写满后的一条短备注"])
        let kept = try notes(cordon, id).contains("写满后的一条短备注")
        #expect(short.status == 0 ? kept && short.stdout.contains("recorded #3") : !kept && short.status == 3, "\(short.stdout)\(short.stderr)")
        #expect(try cordon.run(["verify", id]).status == 0)

        let declared = try cordon.run(["declare", "--playbook", "pi-leak", "--title", "满盘时宣布"])
        #expect(declared.status == 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path + "/home/incidents") == [id], "a failed declaration leaves no folder")
        #expect(try cordon.run(["status", id, "--json"]).status == 0, "reading still works")
        #expect(try cordon.run(["verify", id]).status == 0)

        try FileManager.default.removeItem(atPath: filler)
        let after = try cordon.run(["note", id, long])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.contains("recorded #\(short.status == 0 ? 4 : 3)"), "the seq carries on with no gap")
        #expect(try notes(cordon, id) == ["磁盘写满之前"] + (short.status == 0 ? ["写满后的一条短备注"] : []) + [long])
        #expect(try cordon.run(["verify", id]).status == 0)
    }

    @Test("a home that turns read-only refuses writes clearly and still reads")
    func readOnlyHome() throws {
        let disk = try ScratchMount(kilobytes: 1024)
        defer { disk.unmount() }
        let cordon = CordonBinary(home: disk.path + "/home")
        let id = try cordon.declare()
        #expect(try cordon.run(["note", id, "只读之前"]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: cordon.timeline(id)))
        try disk.makeReadOnly()

        let refused = try cordon.run(["note", id, "只读之后"])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("read-only") && refused.stderr.contains("nothing can be recorded"), "\(refused.stderr)")
        #expect(!refused.stdout.contains("recorded #"))
        let step = try cordon.run(["step", id, "confirm-leak", "done"])
        #expect(step.status == 3)
        let declared = try cordon.run(["declare", "--playbook", "pi-leak", "--title", "只读时宣布"])
        #expect(declared.status == 3 && declared.stderr.contains("not writable"), "\(declared.stderr)")

        let status = try cordon.run(["status", id, "--json"])
        #expect(status.status == 0, "reading a read-only incident works: \(status.stderr)")
        #expect(try cordon.run(["verify", id]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: cordon.timeline(id))) == before)
        #expect(try notes(cordon, id) == ["只读之前"])
    }
}
