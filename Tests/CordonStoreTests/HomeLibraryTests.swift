import CordonCore
import CordonStore
import Foundation
import Testing

/// The home screen's library over a real home folder.
@Suite struct HomeLibraryTests {
    private let root = FileManager.default.temporaryDirectory.appendingPathComponent("cordon-library-\(UUID().uuidString)").path
    private var playbooks: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("playbooks").path
    }

    private func library() -> HomeLibrary {
        HomeLibrary(
            store: IncidentStore(home: Home(root: root)), catalog: PlaybookCatalog(directories: [playbooks]),
            stamp: Stamp(actor: "tester", clock: SystemClock()))
    }

    @Test func declaresListsAndOpens() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let library = library()
        #expect(library.playbooks().contains { $0.id == "pi-leak" && $0.title.zh == "客户个人信息泄露处置" })
        let journal = try library.declare(DeclareRequest(playbook: "pi-leak", title: "催收外包商客户名单外泄", severity: .serious))
        try journal.perform(.note("已联系外包商"))
        let listed = library.incidents(kind: .incident)
        #expect(listed.count == 1)
        #expect(listed[0].state?.title == "催收外包商客户名单外泄")
        #expect(listed[0].phaseTitle?.zh == "遏制")
        #expect(library.incidents(kind: .drill).isEmpty)
        let reopened = try library.open(listed[0].id)
        #expect(reopened.events.count == 2)
    }

    @Test func aDrillGoesUnderDrills() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let library = library()
        _ = try library.declare(DeclareRequest(playbook: "pi-leak", title: "演练", kind: .drill))
        #expect(library.incidents(kind: .drill).first?.id.hasPrefix("DRL-") == true)
        #expect(library.incidents(kind: .incident).isEmpty)
    }

    @Test func anUnknownPlaybookIsRefusedInBothLanguages() {
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect {
            _ = try library().declare(DeclareRequest(playbook: "no-such", title: "t"))
        } throws: { error in
            guard let failure = error as? any LocalizedFailure else { return false }
            return failure.message.zh.contains("未宣布任何事件") && failure.message.en.contains("nothing was declared")
        }
    }
}
