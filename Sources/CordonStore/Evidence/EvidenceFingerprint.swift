#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CordonCore
import Crypto
import Foundation

/// Hashes an evidence file where it lies: SHA-256 and size, read in chunks so a disk image of
/// many gigabytes needs no more memory than a log excerpt. The file is never copied or changed.
public enum EvidenceFingerprint {
    static let chunk = 1 << 20

    /// Hashing stopped before the end because whoever asked for it no longer wants it.
    public static let cancelled = StoreError(
        "evidence-hash-cancelled", zh: "已取消计算证据文件的哈希，未记录任何内容。", en: "Hashing the evidence file was cancelled; nothing was recorded.")

    /// The file at `path` (relative to the current folder, or absolute) as evidence. After each
    /// chunk, `progress` hears the bytes hashed so far and the file's size; answering `false`
    /// stops the hashing, which then throws `cancelled`.
    ///
    ///     let file = try EvidenceFingerprint.file(at: "disk.img") { hashed, total in !job.isCancelled }
    public static func file(at path: String, progress: (_ hashed: Int64, _ total: Int64) -> Bool = { _, _ in true }) throws(StoreError) -> EvidenceFile {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let doing = LocalizedText(zh: "读取证据文件", en: "Reading the evidence file")
        var hasher = SHA256()
        let read: Reading
        do throws(SystemError) {
            read = try hash(absolute, into: &hasher, progress: progress)
        } catch let error where error.code == ENOENT || error.code == ENOTDIR {
            throw StoreError(
                "evidence-unreadable",
                zh: "找不到证据文件 \(path)（\(error.reason)）；未记录。请检查路径。",
                en: "The evidence file \(path) cannot be found (\(error.reason)); nothing was recorded. Check the path.",
                cause: unreachable(error.code, reason: error.reason))
        } catch let error where error.isPermissionDenied {
            // Not StoreError.system's advice, which is about a home folder that cannot be written.
            throw StoreError(
                "evidence-unreadable",
                zh: "无权读取证据文件 \(path)（\(error.reason)）；未记录。请检查文件权限，或由有权限的人登记。",
                en: "The evidence file \(path) cannot be read (\(error.reason)); nothing was recorded. Check its permissions, or have someone who may read it register it.",
                cause: LocalizedText(zh: "无权读取该文件", en: "permission to read the file is denied"))
        } catch {
            var failure = StoreError.system(error, while: doing)
            failure.cause = LocalizedText(zh: "读取失败（\(error.reason)）", en: "reading failed (\(error.reason))")
            throw failure
        }
        let size: Int
        switch read {
        case .whole(let bytes): size = bytes
        case .stopped: throw cancelled
        case .notAFile: throw notAFile(path)
        case .changed: throw changedWhileRead(path)
        }
        let hex = hasher.finalize().map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
        let name = (absolute as NSString).lastPathComponent
        return EvidenceFile(path: absolute, name: name, sha256: hex, size: size)
    }

    /// How reading a file for its hash ended.
    private enum Reading {
        /// Every byte of one version of it was hashed.
        case whole(Int)
        case stopped
        case notAFile
        case changed
    }

    private static func hash(_ absolute: String, into hasher: inout SHA256, progress: (Int64, Int64) -> Bool) throws(SystemError) -> Reading {
        // O_NONBLOCK: a FIFO swapped in for the file opens at once instead of waiting for a
        // writer, and is then refused by the type of what was opened, not of what was stat'ed.
        let file = try FileDescriptor(path: absolute, flags: O_RDONLY | O_NONBLOCK | O_NOCTTY)
        let before = try Version(of: file)
        guard before.isRegularFile else { return .notAFile }
        var offset = 0
        while true {
            let bytes = try file.read(at: offset, count: chunk)
            if bytes.isEmpty { break }
            hasher.update(data: bytes)
            offset += bytes.count
            // Checked as it goes too, so a disk image being written is given up at once, not
            // after reading gigabytes more.
            guard try Version(of: file) == before else { return .changed }
            guard progress(Int64(offset), max(before.size, Int64(offset))) else { return .stopped }
        }
        // One version of the file or none: a hash of bytes read across a change is of no
        // version the file ever had.
        let after = try Version(of: file)
        var named = stat()
        let stillThere = stat(absolute, &named) == 0 && named.st_dev == before.device && named.st_ino == before.inode
        guard after == before, Int64(offset) == before.size, stillThere else { return .changed }
        return .whole(offset)
    }

    /// What tells one version of a file from another: where it lives, its size, and its
    /// modification and change times (the change time moves on every write, even one that
    /// puts the modification time back).
    private struct Version: Equatable {
        var device: dev_t
        var inode: ino_t
        var size: Int64
        var modified: timespec
        var changed: timespec
        var isRegularFile: Bool

        init(of file: FileDescriptor) throws(SystemError) {
            var info = stat()
            guard fstat(file.fd, &info) == 0 else { throw SystemError("stat", path: file.path) }
            device = info.st_dev
            inode = info.st_ino
            size = Int64(info.st_size)
            modified = info.st_mtim
            changed = info.st_ctim
            isRegularFile = (info.st_mode & S_IFMT) == S_IFREG
        }

        static func == (lhs: Version, rhs: Version) -> Bool {
            lhs.device == rhs.device && lhs.inode == rhs.inode && lhs.size == rhs.size && lhs.isRegularFile == rhs.isRegularFile
                && lhs.modified.tv_sec == rhs.modified.tv_sec && lhs.modified.tv_nsec == rhs.modified.tv_nsec
                && lhs.changed.tv_sec == rhs.changed.tv_sec && lhs.changed.tv_nsec == rhs.changed.tv_nsec
        }
    }

    private static func notAFile(_ path: String) -> StoreError {
        StoreError(
            "evidence-not-file",
            zh: "\(path) 不是普通文件；未记录。目录请先打包（如 tar）再登记该归档文件。",
            en: "\(path) is not a regular file; nothing was recorded. Pack a folder into an archive (tar, for instance) and register that.",
            cause: LocalizedText(zh: "该路径现在不是普通文件", en: "the path is not a regular file now"))
    }

    private static func changedWhileRead(_ path: String) -> StoreError {
        StoreError(
            "evidence-changed",
            zh: "证据文件 \(path) 在计算哈希期间被改动（大小、修改时间或文件本身变了），算出的哈希不属于它的任何一个版本；未记录。请等写入它的程序停下（或先复制一份只读副本），再登记一次。",
            en: "The evidence file \(path) changed while it was read (its size, times or the file itself moved), so the hash belongs to no version of it; nothing was recorded. Wait until whatever writes it has stopped (or register a read-only copy), then register it again.",
            cause: LocalizedText(zh: "文件在读取期间被改动", en: "the file changed while it was read"))
    }

    /// Why `stat` could not reach a file, as a finding.
    private static func unreachable(_ number: Int32, reason: String) -> LocalizedText {
        switch number {
        case ENOENT, ENOTDIR: LocalizedText(zh: "文件已不在原路径", en: "the file is no longer at its path")
        case EACCES, EPERM: LocalizedText(zh: "无权访问该文件", en: "permission to reach the file is denied")
        default: LocalizedText(zh: "无法访问该文件（\(reason)）", en: "the file cannot be reached (\(reason))")
        }
    }
}
