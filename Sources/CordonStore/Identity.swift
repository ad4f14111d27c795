#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Who is at the keyboard, as the operating system knows them.
public enum Identity {
    /// The login of the real user id; `$USER` or `uid<N>` when the password database has no entry.
    public static func login() -> String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            let login = String(cString: name)
            if !login.isEmpty { return login }
        }
        if let user = ProcessInfo.processInfo.environment["USER"], !user.isEmpty { return user }
        return "uid\(getuid())"
    }
}
