#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CordonCore
import Foundation

/// The name of the person at the keyboard, shared by everything a console writes with: set
/// once they say who they are, read on every append.
public final class KeyboardName: @unchecked Sendable {
    private let lock = NSLock()
    private var value: String?

    public init(_ name: String? = nil) { value = name }

    public var name: String? {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

/// Who is at the keyboard of a shared login (root, a team account), remembered per terminal so
/// that a console asks once per sitting and never again on that terminal.
///
/// A terminal is its controlling tty's device path together with its session (the session
/// leader's process id): a pseudo-terminal is reused by the next SSH login, but that login is
/// a new session, so the next person is asked again. What was said lives in
/// `<home>/keyboard/<login>`, one line per terminal (`/dev/pts/3<TAB>4711<TAB>王磊`), never in a
/// timeline: it is a convenience, not evidence; `data.as` on each event is the record.
///
/// A login is shared when it is root, or listed in `<home>/shared-logins` (one login a line,
/// `#` starts a comment).
public struct KeyboardMemory: Sendable {
    public let home: Home
    public let login: String
    /// The terminal this console runs on, `nil` when standard input is no terminal.
    public let terminal: String?

    public init(home: Home, login: String, terminal: String?) {
        self.home = home
        self.login = login
        self.terminal = terminal
    }

    /// The memory of this process's controlling terminal (standard input).
    public static func here(home: Home, login: String) -> KeyboardMemory {
        var terminal: String?
        if let path = ttyname(0) { terminal = "\(String(cString: path))\t\(getsid(0))" }
        return KeyboardMemory(home: home, login: login, terminal: terminal)
    }

    /// Whether several people work under this login, so the console must ask who is typing.
    public var loginIsShared: Bool {
        if login == "root" { return true }
        guard let text = try? String(contentsOfFile: home.root + "/shared-logins", encoding: .utf8) else { return false }
        return text.split(separator: "\n").contains { line in
            line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?
                .trimmingCharacters(in: .whitespaces) == login
        }
    }

    private var file: String? {
        // A login is a file name only when it cannot climb out of the folder.
        guard !login.isEmpty, !login.hasPrefix("."), login.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else { return nil }
        return home.root + "/keyboard/" + login
    }

    private func entries() -> [(terminal: String, name: String)] {
        guard let file, let text = try? String(contentsOfFile: file, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let name = IncidentRules.clean(String(parts[2])) else { return nil }
            return ("\(parts[0])\t\(parts[1])", name)
        }
    }

    /// The name last given on this terminal in this session, if any.
    public var remembered: String? {
        guard let terminal else { return nil }
        return entries().last { $0.terminal == terminal }?.name
    }

    /// Keeps `name` for this terminal, replacing what it or an earlier session on the same tty
    /// said; other terminals' entries stay. Written whole beside the file and renamed over it, so
    /// a reader never sees half.
    public func remember(_ name: String) throws {
        guard let terminal, let file else { return }
        let clean = name.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
        let device = terminal.prefix { $0 != "\t" }
        var lines = entries().filter { $0.terminal.prefix { $0 != "\t" } != device }.map { "\($0.terminal)\t\($0.name)" }
        lines.append("\(terminal)\t\(clean)")
        let folder = home.root + "/keyboard"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = "\(file).\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data((lines.joined(separator: "\n") + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw SystemError("write", path: temporary)
        }
        guard rename(temporary, file) == 0 else {
            let failure = SystemError("rename", path: file)
            unlink(temporary)
            throw failure
        }
    }
}
