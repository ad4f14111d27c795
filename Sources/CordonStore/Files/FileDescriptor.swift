#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A failed system call, with the file it concerned and the errno text.
public struct SystemError: Error, CustomStringConvertible, Equatable {
    public var operation: String
    public var path: String
    public var code: Int32

    public init(_ operation: String, path: String, code: Int32 = errno) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    public var reason: String { String(cString: strerror(code)) }
    public var description: String { "\(operation) \(path): \(reason)" }
    public var isDiskFull: Bool { code == ENOSPC || code == EDQUOT }
    public var isReadOnly: Bool { code == EROFS || code == EACCES || code == EPERM }
    public var isPermissionDenied: Bool { code == EACCES || code == EPERM }
}

/// An open file, closed when the value is dropped. Only what the journal needs:
/// whole reads and writes, advisory locks, fsync, truncation. Its own fields never change, so
/// another thread may read through it (`PrefixReader`); the kernel orders the calls.
final class FileDescriptor: @unchecked Sendable {
    let fd: Int32
    let path: String

    init(path: String, flags: Int32, mode: mode_t = 0o600) throws(SystemError) {
        let fd = open(path, flags | O_CLOEXEC, mode)
        guard fd >= 0 else { throw SystemError("open", path: path) }
        self.fd = fd
        self.path = path
    }

    /// Opens `path`, which lies under the folder `root`, following no symbolic link below
    /// `root`: each folder on the way is opened with `openat(O_NOFOLLOW | O_DIRECTORY)` from the
    /// one before, and the file itself with `O_NOFOLLOW`, so a folder swapped for a link between
    /// a check and this open is refused (`ELOOP` or `ENOTDIR`) instead of followed.
    init(path: String, beneath root: String, flags: Int32) throws(SystemError) {
        guard path.hasPrefix(root + "/") else { throw SystemError("open", path: path, code: EXDEV) }
        let components = path.dropFirst(root.count + 1).split(separator: "/").map(String.init)
        guard let name = components.last, !components.contains(".."), !components.contains(".") else {
            throw SystemError("open", path: path, code: EINVAL)
        }
        var folder = Glibc.open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw SystemError("open", path: root) }
        for component in components.dropLast() {
            let next = openat(folder, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let number = errno
            close(folder)
            guard next >= 0 else { throw SystemError("open", path: path, code: number) }
            folder = next
        }
        let fd = openat(folder, name, flags | O_NOFOLLOW | O_CLOEXEC)
        let number = errno
        close(folder)
        guard fd >= 0 else { throw SystemError("open", path: path, code: number) }
        self.fd = fd
        self.path = path
    }

    deinit { close(fd) }

    enum LockMode {
        case shared
        case exclusive

        var flag: Int32 { self == .shared ? LOCK_SH : LOCK_EX }
    }

    /// Blocks until the advisory lock is held; it is released by `unlock` or when the file closes.
    func lock(_ mode: LockMode) throws(SystemError) {
        while flock(fd, mode.flag) != 0 {
            guard errno == EINTR else { throw SystemError("lock", path: path) }
        }
    }

    func unlock() {
        _ = flock(fd, LOCK_UN)
    }

    func size() throws(SystemError) -> Int {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw SystemError("stat", path: path) }
        return Int(info.st_size)
    }

    /// Reads `count` bytes at `offset` (fewer only at the end of the file).
    func read(at offset: Int, count: Int) throws(SystemError) -> [UInt8] {
        guard count > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let result = buffer.withUnsafeMutableBytes { raw in
                pread(fd, raw.baseAddress! + filled, count - filled, off_t(offset + filled))
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw SystemError("read", path: path)
            }
            if result == 0 { break }
            filled += result
        }
        if filled < count { buffer.removeLast(count - filled) }
        return buffer
    }

    /// Fills `buffer` from `offset` on; returns how many bytes were read (fewer only at the end of the file).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(SystemError) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var filled = 0
        while filled < buffer.count {
            let result = pread(fd, base + filled, buffer.count - filled, off_t(offset + filled))
            if result < 0 {
                if errno == EINTR { continue }
                throw SystemError("read", path: path)
            }
            if result == 0 { break }
            filled += result
        }
        return filled
    }

    /// Writes every byte (at the end, for files opened with `O_APPEND`), retrying short writes.
    func writeAll(_ bytes: [UInt8]) throws(SystemError) {
        var written = 0
        if let fault = FileFaults.take(.write, path: path) {
            written = min(fault.partial, bytes.count)
            if written > 0 {
                _ = bytes.withUnsafeBytes { raw in Glibc.write(fd, raw.baseAddress!, written) }
            }
            throw SystemError("write", path: path, code: fault.code)
        }
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { raw in
                Glibc.write(fd, raw.baseAddress! + written, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw SystemError("write", path: path)
            }
            written += result
        }
    }

    func sync() throws(SystemError) {
        if let fault = FileFaults.take(.fsync, path: path) { throw SystemError("fsync", path: path, code: fault.code) }
        guard fsync(fd) == 0 else { throw SystemError("fsync", path: path) }
    }

    func truncate(to length: Int) throws(SystemError) {
        if let fault = FileFaults.take(.truncate, path: path) { throw SystemError("truncate", path: path, code: fault.code) }
        guard ftruncate(fd, off_t(length)) == 0 else { throw SystemError("truncate", path: path) }
    }

    func setMode(_ mode: mode_t) throws(SystemError) {
        guard fchmod(fd, mode) == 0 else { throw SystemError("chmod", path: path) }
    }
}

/// Small filesystem operations with the permissions incident files need. Every folder and
/// file Cordon creates is made here, with the mode `Sharing` gives for the folder it is made in.
enum FileSystem {
    /// Creates `path` and missing parents as private (or group-shared, see `Sharing`) folders;
    /// an existing folder is left as it is.
    static func makeDirectory(_ path: String) throws(SystemError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw SystemError("mkdir", path: path, code: ENOTDIR) }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try makeDirectory(parent) }
        _ = try makeNewDirectory(path)
    }

    /// Creates exactly `path` as a new folder, with the mode its parent's sharing gives; `false`
    /// when it already exists.
    static func makeNewDirectory(_ path: String) throws(SystemError) -> Bool {
        let mode = Sharing(of: (path as NSString).deletingLastPathComponent).folderMode
        if mkdir(path, mode) == 0 {
            chmod(path, mode)
            return true
        }
        if errno == EEXIST { return false }
        throw SystemError("mkdir", path: path)
    }

    /// Makes a new file's directory entry durable.
    static func syncDirectory(_ path: String) throws(SystemError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemError("open", path: path) }
        defer { close(fd) }
        if let fault = FileFaults.take(.fsync, path: path + "/.") { throw SystemError("fsync", path: path, code: fault.code) }
        guard fsync(fd) == 0 else { throw SystemError("fsync", path: path) }
    }

    /// Creates `path` for writing; it must not exist (nor be a link). Its mode is what its
    /// folder's sharing gives.
    static func createFile(_ path: String) throws(SystemError) -> FileDescriptor {
        let mode = Sharing(of: (path as NSString).deletingLastPathComponent).fileMode
        let file = try FileDescriptor(path: path, flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode: mode)
        do {
            try file.setMode(mode)
        } catch {
            unlink(path)
            throw error
        }
        return file
    }

    /// Writes a whole new file durably, failing if it exists.
    static func writeNewFile(_ path: String, _ bytes: [UInt8]) throws(SystemError) {
        let file = try createFile(path)
        do {
            try file.writeAll(bytes)
            try file.sync()
        } catch {
            unlink(path)
            throw error
        }
    }

    /// The whole file, at most `limit` bytes; with `followLinks` false a symbolic link is refused
    /// (`ELOOP`) instead of read through.
    static func readFile(_ path: String, limit: Int, followLinks: Bool = true) throws(SystemError) -> [UInt8] {
        let file = try FileDescriptor(path: path, flags: O_RDONLY | (followLinks ? 0 : O_NOFOLLOW))
        let size = try file.size()
        guard size <= limit else { throw SystemError("read", path: path, code: EFBIG) }
        return try file.read(at: 0, count: size)
    }

    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }
}
