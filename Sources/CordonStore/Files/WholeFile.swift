import CordonCore
import Foundation

/// A file written whole or not at all (`cordon report --output`): the bytes go to a new
/// temporary file in the same folder, which is synced and then renamed over the old one, and the
/// folder is synced after, so that a full disk or a crash at any point leaves either the previous
/// file or the new one, never a part of either. New files are `0600`: a report holds personal
/// information.
public enum WholeFile {
    public static func replace(_ path: String, with bytes: [UInt8]) throws(StoreError) {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var isDirectory: ObjCBool = false
        let existed = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if existed && isDirectory.boolValue {
            throw StoreError(
                "output-is-folder",
                zh: "\(path) 是一个文件夹；请在 --output 后给出文件名，如 \(path)/report.html。",
                en: "\(path) is a folder; give --output a file name, such as \(path)/report.html.")
        }
        var template = Array((folder + "/." + name + ".cordon-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure(SystemError("create", path: folder), path: path, existed: existed) }
        close(fd)
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do throws(SystemError) {
            let file = try FileDescriptor(path: temporary, flags: O_WRONLY | O_TRUNC | O_NOFOLLOW)
            try file.writeAll(bytes)
            try file.sync()
            guard rename(temporary, path) == 0 else { throw SystemError("rename", path: path) }
        } catch {
            unlink(temporary)
            throw failure(error, path: path, existed: existed)
        }
        do throws(SystemError) {
            try FileSystem.syncDirectory(folder)
        } catch {
            throw StoreError(
                "output-not-durable",
                zh: "\(path) 已写入，但其所在文件夹未能同步到磁盘（\(error.reason)）；断电后可能仍是旧文件。请再运行一次。",
                en: "\(path) was written, but its folder could not be synced to disk (\(error.reason)); a power cut may still bring back the old file. Run it again.")
        }
    }

    private static func failure(_ error: SystemError, path: String, existed: Bool) -> StoreError {
        let kept = existed
            ? LocalizedText(zh: "原有的 \(path) 保持不变", en: "the previous \(path) is unchanged")
            : LocalizedText(zh: "没有留下不完整的文件", en: "no partial file was left")
        let what = error.isDiskFull ? LocalizedText(zh: "磁盘已满", en: "the disk is full") : LocalizedText(zh: error.reason, en: error.reason)
        return StoreError(
            "output-failed",
            zh: "无法写入 \(path)（\(what.zh)）；\(kept.zh)。请腾出空间或换一个位置后重试。",
            en: "Could not write \(path) (\(what.en)); \(kept.en). Free some space or choose another place and run it again.")
    }
}
