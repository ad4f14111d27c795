import Foundation
import Testing
@testable import CordonTUI

/// Compares a canvas with a text file under `Snapshots/`, or writes the file when
/// `CORDON_RECORD_SNAPSHOTS=1`. The files read like the screen, so a review sees what changed.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static var isRecording: Bool { ProcessInfo.processInfo.environment["CORDON_RECORD_SNAPSHOTS"] == "1" }

    static func check(_ canvas: Canvas, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = directory.appendingPathComponent(name + ".txt")
        let actual = canvas.text + "\n"
        if isRecording {
            try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try! actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("No snapshot \(name).txt; record it with CORDON_RECORD_SNAPSHOTS=1 swift test", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        Issue.record(
            "\(name).txt differs from line \(line + 1):\n  expected: \(line < old.count ? old[line] : "(end)")\n  actual:   \(line < new.count ? new[line] : "(end)")\nThe screen now:\(canvas)\nRe-record with CORDON_RECORD_SNAPSHOTS=1 if the change is intended.",
            sourceLocation: sourceLocation)
    }
}
