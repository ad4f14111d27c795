import CordonCore
import CordonStore
import Foundation

/// A home folder holding one seeded incident of each size the benchmarks compare. Reuses the
/// incidents already in `$CORDON_BENCH_HOME` (what `scripts/bench-vs-peers` writes with
/// `cordon-fixture`), else writes them into a fresh temporary folder.
public final class FixtureHome: Sendable {
    public let store: IncidentStore
    public let playbook: LoadedPlaybook
    /// Incident ids by their number of events.
    public let incidents: [Int: IncidentId]

    public static let sizes = [10, 100, 100_000]

    public init(sizes: [Int] = FixtureHome.sizes, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let root = environment["CORDON_BENCH_HOME"] ?? NSTemporaryDirectory() + "cordon-bench-\(getpid())"
        store = IncidentStore(home: Home(root: root))
        playbook = try PlaybookLoader.load(path: FixtureHome.repository + "/playbooks/pi-leak.yaml")
        var incidents: [Int: IncidentId] = [:]
        for summary in store.list(kind: .incident) {
            if let title = summary.state?.title, let size = sizes.first(where: { IncidentFixture.title(events: $0) == title }) {
                incidents[size] = summary.id
            }
        }
        for size in sizes where incidents[size] == nil {
            incidents[size] = try IncidentFixture(events: size).write(to: store, playbook: playbook).id
        }
        self.incidents = incidents
    }

    public func id(_ events: Int) -> IncidentId { incidents[events]! }

    public func folder(_ events: Int) -> String { store.home.folder(for: id(events)) }

    /// The checkout this package sits in.
    public static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()
}
