import CordonCore
import Foundation

/// The folder all incidents and drills live under.
///
/// `--home DIR`, else `$CORDON_HOME`, else `$XDG_DATA_HOME/cordon`, else `~/.local/share/cordon`.
public struct Home: Sendable, Hashable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public static func resolve(explicit: String?, environment: [String: String]) -> Home {
        if let explicit, !explicit.isEmpty { return Home(root: explicit) }
        if let home = environment["CORDON_HOME"], !home.isEmpty { return Home(root: home) }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return Home(root: data + "/cordon") }
        let user = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return Home(root: user + "/.local/share/cordon")
    }

    public var incidents: String { root + "/incidents" }
    public var drills: String { root + "/drills" }
    /// A team's own playbooks, found before the bundled ones.
    public var playbooks: String { root + "/playbooks" }

    public func folder(for kind: IncidentId.Kind) -> String {
        kind == .drill ? drills : incidents
    }

    /// The folder of one incident. Takes a checked `IncidentId`, never raw text.
    public func folder(for id: IncidentId) -> String {
        folder(for: id.kind) + "/" + id.description
    }
}
