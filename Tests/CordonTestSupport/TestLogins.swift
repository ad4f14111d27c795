import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Real logins and a group made for one test with `useradd` and `groupadd`, and removed again
/// by `remove()` (call it in a `defer`, so a failing test removes them too). Names are `crdn`
/// and six random lowercase letters, so parallel tests and earlier crashed runs never collide.
/// Needs root (CI runs as root); `isAvailable` says whether this machine allows it.
///
///     let team = try TestLogins(logins: 2, group: true)
///     defer { team.remove() }
///     try cordon.run(as: team.logins[0], ["note", id, "…"])
public final class TestLogins: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static var isAvailable: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd")
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    }

    public private(set) var logins: [String] = []
    /// The group every login is a member of, when one was asked for.
    public private(set) var group: String?

    public init(logins count: Int, group withGroup: Bool) throws {
        do {
            if withGroup {
                let name = Self.randomName()
                try Self.tool("/usr/sbin/groupadd", [name])
                group = name
            }
            for _ in 0..<count {
                let name = Self.randomName()
                try Self.tool("/usr/sbin/useradd", ["-M", "-N", "-s", "/usr/sbin/nologin"] + (group.map { ["-G", $0] } ?? []) + [name])
                logins.append(name)
            }
        } catch {
            remove()
            throw error
        }
    }

    /// Removes the logins and the group; safe to call twice.
    public func remove() {
        for login in logins { _ = try? Self.tool("/usr/sbin/userdel", ["-r", login], quiet: true) }
        logins = []
        if let group { _ = try? Self.tool("/usr/sbin/groupdel", [group], quiet: true) }
        group = nil
    }

    deinit { remove() }

    /// Runs `program` as `login` with that login's groups; its exit status.
    @discardableResult
    public static func run(as login: String, _ program: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=\(login)", "--regid=\(CordonBinary.primaryGroup(of: login))", "--init-groups", "--", program] + arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    private static func randomName() -> String {
        "crdn" + String((0..<6).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement()! })
    }

    @discardableResult
    private static func tool(_ path: String, _ arguments: [String], quiet: Bool = false) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        if quiet { process.standardError = FileHandle.nullDevice }
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 || quiet else {
            throw Failure(description: "\(path) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return process.terminationStatus
    }
}

extension CordonBinary {
    /// Runs `cordon` as `login`, with that login's groups, through `setpriv`; the environment
    /// (the home, the language) stays as it is.
    @discardableResult
    public func run(as login: String, _ arguments: [String]) throws -> Result {
        var inner = self
        inner.prefix = ["/usr/bin/setpriv", "--reuid=\(login)", "--regid=\(Self.primaryGroup(of: login))", "--init-groups", "--"]
        return try inner.run(arguments)
    }

    /// The same as `run(as:_:)`, started and not waited for.
    public func start(as login: String, _ arguments: [String]) -> Process {
        var inner = self
        inner.prefix = ["/usr/bin/setpriv", "--reuid=\(login)", "--regid=\(Self.primaryGroup(of: login))", "--init-groups", "--"]
        return inner.start(arguments)
    }

    static func primaryGroup(of login: String) -> String {
        guard let entry = getpwnam(login) else { return "nogroup" }
        return String(entry.pointee.pw_gid)
    }
}
