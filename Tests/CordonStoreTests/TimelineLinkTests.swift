import CordonCore
@testable import CordonStore
import CordonTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A timeline opened beneath its home follows no symbolic link on the way, so an incident
/// folder swapped for a link after the home was checked is refused at the `open` itself.
@Suite("Timelines opened beneath the home")
struct TimelineLinkTests {
    let folder = TemporaryFolder()

    @Test("a link for the incident folder or the timeline is refused; the real path opens")
    func linksAreNotFollowed() throws {
        let home = folder.path + "/home"
        let store = IncidentStore(home: Home(root: home))
        let stamp = Stamp(actor: "zhangwei", clock: ManualClock(Fixtures.start))
        let playbook = try PlaybookLoader.load(path: Fixtures.repository + "/playbooks/pi-leak.yaml")
        let session = try store.declare(Declaration(playbook: playbook, title: "链接"), stamp: stamp)
        let timeline = session.journal.path
        #expect(try Journal(path: timeline, beneath: home).readNew().count == 1)

        let moved = folder.path + "/moved"
        #expect(rename(session.folder, moved) == 0)
        #expect(symlink(moved, session.folder) == 0)
        #expect(throws: StoreError.self) { try Journal(path: timeline, beneath: home) }
        #expect(try Journal(path: timeline).readNew().count == 1, "without beneath, only the file itself must not be a link")

        #expect(unlink(session.folder) == 0 && rename(moved, session.folder) == 0)
        let real = session.folder + "/real.jsonl"
        #expect(rename(timeline, real) == 0 && symlink(real, timeline) == 0)
        #expect(throws: StoreError.self) { try Journal(path: timeline, beneath: home) }
        #expect(throws: StoreError.self) { try Journal(path: timeline) }
    }
}
