#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who a new folder or file is made for, read from the folder it is made in: the one place
/// that decides the mode of everything Cordon creates.
///
/// A folder with the setgid bit (`chgrp irteam home && chmod 2770 home`) is shared by its group:
/// what is made in it is `2770` (folders) or `0660` (files), and the kernel gives it the folder's
/// group, so every member can read and append and nobody else can. Anything else is private
/// to the login that runs Cordon: `0700` and `0600`. The mode is set with `fchmod`/`chmod` after
/// creating, so a umask (root's `022`, a member's `077`) cannot narrow it.
///
///     let sharing = Sharing(of: folder)
///     mkdir(path, sharing.folderMode); chmod(path, sharing.folderMode)
enum Sharing: Equatable {
    case personal
    case group(gid_t)

    /// The sharing of what is made inside `folder`; `.personal` when it cannot be read.
    init(of folder: String) {
        var info = stat()
        guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, (info.st_mode & S_ISGID) != 0 else {
            self = .personal
            return
        }
        self = .group(info.st_gid)
    }

    var folderMode: mode_t {
        switch self {
        case .personal: 0o700
        case .group: 0o2770
        }
    }

    var fileMode: mode_t {
        switch self {
        case .personal: 0o600
        case .group: 0o660
        }
    }
}
