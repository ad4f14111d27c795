import CordonCore
import CordonStore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct EvidenceFingerprintTests {
    func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("evidence-\(UUID().uuidString).bin").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aFileLargerThanOneChunkHashesAsAWhole() throws {
        let bytes = (0..<(3 * 1024 * 1024 + 7)).map { UInt8($0 % 251) }
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try EvidenceFingerprint.file(at: path)
        #expect(file.sha256 == "f578a61853ca2f4272dba551bd868420e22302fbb6d6dfc0cc80da1d2c7b779f")
        #expect(file.size == bytes.count)
        #expect(file.path == URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
        #expect(file.name.hasPrefix("evidence-"))
    }

    @Test func progressIsReportedChunkByChunkUpToTheFilesSize() throws {
        let bytes = (0..<(3 * 1024 * 1024 + 7)).map { UInt8($0 % 251) }
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reports: [Int64] = []
        let file = try EvidenceFingerprint.file(at: path) { hashed, total in
            #expect(total == Int64(bytes.count))
            reports.append(hashed)
            return true
        }
        #expect(reports == [1 << 20, 2 << 20, 3 << 20, Int64(bytes.count)])
        #expect(file.sha256 == "f578a61853ca2f4272dba551bd868420e22302fbb6d6dfc0cc80da1d2c7b779f")
    }

    @Test func hashingStopsWhenAskedAndGivesNoFingerprint() throws {
        let path = try temporaryFile((0..<(3 * 1024 * 1024)).map { UInt8($0 % 7) })
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reports = 0
        #expect { try EvidenceFingerprint.file(at: path) { _, _ in reports += 1; return false } } throws: { error in
            (error as? StoreError)?.code == "evidence-hash-cancelled"
        }
        #expect(reports == 1, "it stops at the chunk it was told to")
    }

    @Test func anEmptyFileHasTheEmptyHash() throws {
        let path = try temporaryFile([])
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try EvidenceFingerprint.file(at: path).sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func aMissingFileOrAFolderIsRefusedWithWhatToDo() {
        #expect { try EvidenceFingerprint.file(at: "/nonexistent/evidence.csv") } throws: { error in
            (error as? StoreError)?.code == "evidence-unreadable"
        }
        #expect { try EvidenceFingerprint.file(at: FileManager.default.temporaryDirectory.path) } throws: { error in
            (error as? StoreError)?.message.en.contains("archive") == true
        }
    }

    // MARK: - One version of the file

    /// Writes `text` at `offset` of `path` from another process, as a log shipper or a copy
    /// still running would, and waits for it.
    func writeFromAnotherProcess(_ path: String, _ text: String, at offset: Int) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "printf '%s' \"$1\" | dd of=\"$2\" bs=1 seek=\"$3\" conv=notrunc status=none", "sh", text, path, String(offset)]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func aSparseFileWrittenPartWayThroughHashingGivesNoFingerprint() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("evidence-\(UUID().uuidString).img").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(truncate(path, 64 << 20) == 0)
        // Into a part already hashed, and past the end: either way no version had that hash.
        for (offset, label) in [(16, "inside what was hashed"), ((64 << 20) + 5, "growing the file")] {
            var wrote = false
            #expect { try EvidenceFingerprint.file(at: path) { hashed, _ in
                if hashed >= 2 << 20, !wrote {
                    wrote = true
                    try? writeFromAnotherProcess(path, "tampered", at: offset)
                }
                return true
            } } throws: { error in
                let failure = error as? StoreError
                return failure?.code == "evidence-changed" && failure?.message.en.contains("changed while it was read") == true
            }
            #expect(wrote, "\(label)")
        }
        // Left alone, the same file hashes.
        #expect(try EvidenceFingerprint.file(at: path).size == (64 << 20) + 13)
    }

    @Test func aFIFOOpensWithoutWaitingAndIsRefusedAsNotAFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("evidence-\(UUID().uuidString).fifo").path
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        #expect { try EvidenceFingerprint.file(at: path) } throws: { error in
            (error as? StoreError)?.code == "evidence-not-file"
        }
    }
}
