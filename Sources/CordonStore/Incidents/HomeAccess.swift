#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CordonCore
import Foundation

/// Whether the folders and files of a home may be trusted before anything is read from them or
/// written into them.
///
/// Refused, with a sentence naming the entry and what to do:
/// - anything every login may write (`chmod o+w`): another login could rename an incident away
///   and plant a forgery under its id;
/// - anything owned by a login other than the one running or root, unless the home is shared
///   by a group (its folder has the setgid bit, see `Sharing`) and the entry belongs to that group;
/// - a symbolic link for `incidents/`, `drills/`, an incident folder, a timeline or a frozen
///   file: Cordon never follows one there (the home folder itself may be a link);
/// - an entry the running login may not read, said as a permission problem rather than as an
///   incident that does not exist.
///
/// Checking top-down makes the later opens safe: once no other login may write a folder,
/// nobody else can swap what is in it between the check and the `open` (which also passes
/// `O_NOFOLLOW`).
public struct HomeAccess {
    public let home: Home
    private let uid = geteuid()
    private let login = Identity.login()
    /// The home's group, when it is shared with one.
    private let sharedGroup: gid_t?

    public init(home: Home) {
        self.home = home
        if case .group(let gid) = Sharing(of: home.root) { sharedGroup = gid } else { sharedGroup = nil }
    }

    /// What an entry is, in the words of a refusal.
    enum Role {
        case home
        case kindFolder
        case incidentFolder
        case timeline
        case frozenPlaybook
        case frozenScenario

        var isFolder: Bool { self == .home || self == .kindFolder || self == .incidentFolder }

        var name: LocalizedText {
            switch self {
            case .home: LocalizedText(zh: "主目录", en: "The home folder")
            case .kindFolder: LocalizedText(zh: "事件总目录", en: "The folder of incidents")
            case .incidentFolder: LocalizedText(zh: "事件目录", en: "The incident folder")
            case .timeline: LocalizedText(zh: "时间线", en: "The timeline")
            case .frozenPlaybook: LocalizedText(zh: "冻结的剧本副本", en: "The frozen playbook")
            case .frozenScenario: LocalizedText(zh: "冻结的演练场景副本", en: "The frozen drill scenario")
            }
        }
    }

    /// Checks the home and the folder of incidents (or drills); `false` when either is missing.
    public func checkFolders(for kind: IncidentId.Kind) throws(StoreError) -> Bool {
        guard try check(home.root, as: .home) else { return false }
        return try check(home.folder(for: kind), as: .kindFolder)
    }

    /// Checks everything from the home down to the incident's timeline and frozen files;
    /// `false` when the incident's folder or timeline is missing.
    public func checkIncident(_ id: IncidentId) throws(StoreError) -> Bool {
        guard try checkFolders(for: id.kind) else { return false }
        let folder = home.folder(for: id)
        guard try check(folder, as: .incidentFolder),
              try check(folder + "/" + IncidentStore.timelineFile, as: .timeline)
        else { return false }
        _ = try check(folder + "/" + IncidentStore.playbookFile, as: .frozenPlaybook)
        _ = try check(folder + "/" + IncidentStore.scenarioFile, as: .frozenScenario)
        return true
    }

    /// Checks one entry; `false` when it does not exist.
    func check(_ path: String, as role: Role) throws(StoreError) -> Bool {
        var info = stat()
        // The home itself may be a link (`~/.local/share/cordon` → a data disk); nothing under it may.
        let found = role == .home ? stat(path, &info) : lstat(path, &info)
        guard found == 0 else {
            let number = errno
            if number == ENOENT || number == ENOTDIR { return false }
            throw StoreError.system(SystemError("stat", path: path, code: number), while: LocalizedText(zh: "检查 \(path)", en: "Checking \(path)"))
        }
        let type = info.st_mode & S_IFMT
        let mode = String(info.st_mode & 0o7777, radix: 8)
        if type == S_IFLNK {
            throw StoreError(
                "symlink-refused",
                zh: "\(role.name.zh) \(path) 是符号链接；Cordon 在主目录内从不跟随链接，以免读写别处的文件。未读取也未写入任何内容；请用真实的\(role.isFolder ? "目录" : "文件")替换该链接，并保留它作为证据。",
                en: "\(role.name.en) \(path) is a symbolic link; Cordon never follows links inside a home, so that nothing is read from or written to somewhere else. Nothing was read or written; replace the link with the real \(role.isFolder ? "folder" : "file") and keep it as evidence.")
        }
        guard type == (role.isFolder ? S_IFDIR : S_IFREG) else {
            throw StoreError(
                "not-\(role.isFolder ? "folder" : "file")",
                zh: "\(role.name.zh) \(path) 不是\(role.isFolder ? "目录" : "普通文件")。未读取也未写入任何内容；请检查该路径并保留它作为证据。",
                en: "\(role.name.en) \(path) is not \(role.isFolder ? "a folder" : "a regular file"). Nothing was read or written; check the path and keep it as evidence.")
        }
        guard access(path, role.isFolder ? R_OK | X_OK : R_OK) == 0 else {
            let owner = Self.loginName(info.st_uid)
            let group = Self.groupName(info.st_gid)
            throw StoreError(
                "permission-denied",
                zh: "你（\(login)）无权读取\(role.name.zh) \(path)（属于 \(owner)，组 \(group)，权限 \(mode)）：这是权限问题，事件并未丢失。未读取也未写入任何内容；团队共用主目录需由其所有者设为组共享（chgrp 组 \(home.root) && chmod 2770 \(home.root)，见 README），并把你加入该组。",
                en: "You (\(login)) may not read \(role.name.en.lowercased()) \(path) (owner \(owner), group \(group), mode \(mode)): a permission problem, nothing is lost. Nothing was read or written; to share a home, its owner makes it group-shared (chgrp GROUP \(home.root) && chmod 2770 \(home.root), see the README) and adds you to that group.")
        }
        let fix = fix(for: path, role: role)
        if info.st_mode & S_IWOTH != 0 {
            throw StoreError(
                "writable-by-others",
                zh: "\(role.name.zh) \(path) 允许本机所有登录用户写入（权限 \(mode)），任何人都可以替换其中的事件。未读取也未写入任何内容；请运行 \(fix.zh)。",
                en: "\(role.name.en) \(path) may be written by every login on this machine (mode \(mode)), so anyone could replace an incident in it. Nothing was read or written; run \(fix.en).")
        }
        let ownedByTrusted = info.st_uid == uid || info.st_uid == 0
        let ownedByTeam = sharedGroup.map { $0 == info.st_gid } ?? false
        guard ownedByTrusted || ownedByTeam else {
            let owner = Self.loginName(info.st_uid)
            let group = Self.groupName(info.st_gid)
            let trusted = uid == 0
                ? LocalizedText(zh: "你（root）", en: "you (root)")
                : LocalizedText(zh: "你（\(login)）或 root", en: "you (\(login)) or root")
            if let sharedGroup {
                let team = Self.groupName(sharedGroup)
                throw StoreError(
                    "foreign-owner",
                    zh: "\(role.name.zh) \(path) 属于用户 \(owner) 和组 \(group)，而不是\(trusted.zh)，也不是本主目录共享的组 \(team)。未读取也未写入任何内容；若它确属团队，请运行 chgrp -R \(team) \(home.root) && chmod -R g+rwX,o-rwx \(home.root) && find \(home.root) -type d -exec chmod g+s {} +。",
                    en: "\(role.name.en) \(path) belongs to the login \(owner) and the group \(group), not to \(trusted.en) nor to the group \(team) this home is shared with. Nothing was read or written; if it is the team's, run chgrp -R \(team) \(home.root) && chmod -R g+rwX,o-rwx \(home.root) && find \(home.root) -type d -exec chmod g+s {} +")
            }
            throw StoreError(
                "foreign-owner",
                zh: "\(role.name.zh) \(path) 属于用户 \(owner)，不是\(trusted.zh)，而本主目录没有与组共享：可能是别人放进来的。未读取也未写入任何内容；请保留它作为证据。团队共用主目录请见 README“A home shared by a team”（chgrp 组 目录 && chmod 2770 目录）。",
                en: "\(role.name.en) \(path) belongs to the login \(owner), not to \(trusted.en), and this home is not shared with a group: someone else may have put it there. Nothing was read or written; keep it as evidence. To share a home with a team, see the README's \"A home shared by a team\" (chgrp GROUP DIR && chmod 2770 DIR).")
        }
        return true
    }

    /// The command that makes `path` safe, for a home that is shared or not.
    private func fix(for path: String, role: Role) -> LocalizedText {
        switch (role.isFolder, sharedGroup != nil) {
        case (true, true): LocalizedText(zh: "chmod 2770 \(path)", en: "chmod 2770 \(path)")
        case (true, false):
            LocalizedText(
                zh: "chmod 700 \(path)（团队共用则设为组共享：chgrp 组 \(path) && chmod 2770 \(path)）",
                en: "chmod 700 \(path) (or, for a team, share it with a group: chgrp GROUP \(path) && chmod 2770 \(path))")
        case (false, true): LocalizedText(zh: "chmod 660 \(path)", en: "chmod 660 \(path)")
        case (false, false): LocalizedText(zh: "chmod 600 \(path)", en: "chmod 600 \(path)")
        }
    }

    static func loginName(_ uid: uid_t) -> String {
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(uid)"
    }

    static func groupName(_ gid: gid_t) -> String {
        if let entry = getgrgid(gid), let name = entry.pointee.gr_name { return String(cString: name) }
        return "gid \(gid)"
    }
}
