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
        var info = stat()
        guard stat(absolute, &info) == 0 else {
            let number = errno
            let reason = String(cString: strerror(number))
            throw StoreError(
                "evidence-unreadable",
                zh: "找不到证据文件 \(path)（\(reason)）；未记录。请检查路径。",
                en: "The evidence file \(path) cannot be found (\(reason)); nothing was recorded. Check the path.",
                cause: unreachable(number, reason: reason))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw StoreError(
                "evidence-not-file",
                zh: "\(path) 不是普通文件；未记录。目录请先打包（如 tar）再登记该归档文件。",
                en: "\(path) is not a regular file; nothing was recorded. Pack a folder into an archive (tar, for instance) and register that.",
                cause: LocalizedText(zh: "该路径现在不是普通文件", en: "the path is not a regular file now"))
        }
        let doing = LocalizedText(zh: "读取证据文件", en: "Reading the evidence file")
        var hasher = SHA256()
        var offset = 0
        let total = Int64(info.st_size)
        var stopped = false
        do throws(SystemError) {
            let file = try FileDescriptor(path: absolute, flags: O_RDONLY)
            while true {
                let bytes = try file.read(at: offset, count: chunk)
                if bytes.isEmpty { break }
                hasher.update(data: bytes)
                offset += bytes.count
                guard progress(Int64(offset), max(total, Int64(offset))) else {
                    stopped = true
                    break
                }
            }
        } catch where error.isPermissionDenied {
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
        if stopped { throw cancelled }
        let hex = hasher.finalize().map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
        let name = (absolute as NSString).lastPathComponent
        return EvidenceFile(path: absolute, name: name, sha256: hex, size: offset)
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
