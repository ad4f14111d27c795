import CordonCore
import CordonTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Several responders, each under their own login, on one jump host: a home shared through a
/// Unix group works for all of them, and a home shared with the world (or planted by another
/// login) is refused before anything is read from it or written into it.
@Suite("A home shared by a team", .enabled(if: TestLogins.isAvailable, "needs root to create logins with useradd (CI runs as root)"))
struct SharedHomeTests {
    let folder = TemporaryFolder()

    init() {
        // Other logins must be able to reach the home through the test's own folder.
        chmod(folder.path, 0o755)
    }

    func events(_ cordon: CordonBinary, _ id: String) throws -> [Event] {
        let text = try String(contentsOfFile: cordon.timeline(id), encoding: .utf8)
        return try text.split(separator: "\n").map { try Event(line: Array($0.utf8)) }
    }

    /// A home folder made for `login`, as its owner would make it.
    func makeHome(_ path: String, for login: String) {
        mkdir(path, 0o700)
        if let entry = getpwnam(login) { chown(path, entry.pointee.pw_uid, entry.pointee.pw_gid) }
    }

    func mode(_ path: String) -> (mode: mode_t, gid: gid_t) {
        var info = stat()
        lstat(path, &info)
        return (info.st_mode & 0o7777, info.st_gid)
    }

    @Test("two logins in one group both append to one incident, each under their own name")
    func twoLoginsOneIncident() throws {
        let team = try TestLogins(logins: 2, group: true)
        defer { team.remove() }
        let (wang, liu) = (team.logins[0], team.logins[1])
        let group = try #require(team.group)
        let gid = try #require(getgrnam(group)).pointee.gr_gid
        // The README's three commands.
        let home = folder.path + "/home"
        #expect(mkdir(home, 0o755) == 0)
        #expect(chown(home, uid_t.max, gid) == 0)
        #expect(chmod(home, 0o2770) == 0)

        let cordon = CordonBinary(home: home)
        let declared = try cordon.run(as: wang, ["declare", "--playbook", "pi-leak", "--title", "催收外包泄露"])
        #expect(declared.status == 0, "\(declared.stderr)")
        let id = declared.lastLine
        let first = try cordon.run(as: liu, ["note", id, "刘洋：已联系外包方"])
        #expect(first.status == 0, "the second login appends: \(first.stderr)")
        // Root in a shared home still makes lines the group can read after it (umask 022 or not).
        #expect(try cordon.run(["note", id, "root 的备注"]).status == 0)

        // Both at once, many times: the journal's lock holds across logins.
        let racers = (0..<6).map { index in cordon.start(as: index % 2 == 0 ? wang : liu, ["note", id, "并发备注 \(index)"]) }
        for racer in racers { try racer.run() }
        for racer in racers {
            racer.waitUntilExit()
            #expect(racer.terminationStatus == 0)
        }
        let verified = try cordon.run(as: liu, ["verify", id])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")

        let timeline = try events(cordon, id)
        #expect(timeline.count == 1 + 2 + 6)
        #expect(timeline[0].actor == wang)
        #expect(timeline[1].actor == liu && timeline[1].data.string("text") == "刘洋：已联系外包方")
        #expect(timeline[2].actor == "root")
        let racing = timeline.dropFirst(3)
        #expect(racing.filter { $0.actor == wang }.count == 3 && racing.filter { $0.actor == liu }.count == 3)

        // Every folder 2770 and every file 0660, all in the team's group: nobody else can read.
        let incidentFolder = home + "/incidents/" + id
        for path in [home + "/incidents", incidentFolder] {
            #expect(mode(path) == (0o2770, gid), "\(path)")
        }
        for name in ["timeline.jsonl", "playbook.yaml"] {
            #expect(mode(incidentFolder + "/" + name) == (0o660, gid), "\(name)")
        }

        // A torn tail that one login's crash left is moved aside by another, into a file the
        // whole team can read.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: cordon.timeline(id)))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"v":1,"seq":10,"ts":"#.utf8))
        try handle.close()
        #expect(try cordon.run(as: wang, ["note", id, "崩溃之后"]).status == 0)
        let side = try #require(try FileManager.default.contentsOfDirectory(atPath: incidentFolder).first { $0.hasPrefix("timeline.torn-") })
        #expect(mode(incidentFolder + "/" + side) == (0o660, gid))

        // Root with a umask that would make files private still makes them the team's.
        var strict = cordon
        strict.prefix = ["/bin/sh", "-c", "umask 077; exec \"$0\" \"$@\""]
        let rootDeclared = try strict.run(["declare", "--playbook", "pi-leak", "--title", "root 宣布"])
        #expect(rootDeclared.status == 0, "\(rootDeclared.stderr)")
        let rootFolder = home + "/incidents/" + rootDeclared.lastLine
        #expect(mode(rootFolder) == (0o2770, gid))
        #expect(mode(rootFolder + "/timeline.jsonl") == (0o660, gid))
        #expect(try cordon.run(as: liu, ["note", rootDeclared.lastLine, "成员可以接着写"]).status == 0)
    }

    @Test("the journal's lock holds across logins: one login's lock keeps another's append waiting until it is released")
    func lockAcrossLogins() throws {
        let team = try TestLogins(logins: 2, group: true)
        defer { team.remove() }
        let (wang, liu) = (team.logins[0], team.logins[1])
        let group = try #require(team.group)
        let gid = try #require(getgrnam(group)).pointee.gr_gid
        let home = folder.path + "/locked"
        #expect(mkdir(home, 0o755) == 0 && chown(home, uid_t.max, gid) == 0 && chmod(home, 0o2770) == 0)
        let cordon = CordonBinary(home: home)
        let id = try cordon.run(as: wang, ["declare", "--playbook", "pi-leak", "--title", "锁"]).lastLine
        let timeline = cordon.timeline(id)

        // wang holds the timeline's lock, the way a writer does, until its input closes.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        holder.arguments = ["--reuid=\(wang)", "--regid=\(gid)", "--init-groups", "--", "/usr/bin/flock", "-x", timeline, "/bin/cat"]
        let release = Pipe()
        holder.standardInput = release
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        defer { if holder.isRunning { holder.terminate() } }
        func held() throws -> Bool {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
            probe.arguments = ["-n", "-x", timeline, "/bin/true"]
            try probe.run()
            probe.waitUntilExit()
            return probe.terminationStatus != 0
        }
        var deadline = Date().addingTimeInterval(30)
        while try !held(), Date() < deadline { usleep(5000) }
        #expect(try held(), "wang holds the lock")

        let note = cordon.start(as: liu, ["note", id, "等锁之后写入"])
        try note.run()
        func waitingOnLock() -> Bool {
            ((try? String(contentsOfFile: "/proc/\(note.processIdentifier)/wchan", encoding: .utf8)) ?? "").contains("lock")
        }
        deadline = Date().addingTimeInterval(30)
        while note.isRunning, !waitingOnLock(), Date() < deadline { usleep(5000) }
        #expect(note.isRunning && waitingOnLock(), "liu's append waits on wang's lock instead of writing past it")
        #expect(try String(contentsOfFile: timeline, encoding: .utf8).split(separator: "\n").count == 1)

        try release.fileHandleForWriting.close()
        note.waitUntilExit()
        #expect(note.terminationStatus == 0)
        let lines = try String(contentsOfFile: timeline, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let appended = try Event(line: Array(lines[lines.count - 1].utf8))
        #expect(appended.actor == liu && appended.data.string("text") == "等锁之后写入")
    }

    @Test("a private home turned into a shared one with the README's commands is used by both logins")
    func privateHomeConverted() throws {
        let team = try TestLogins(logins: 2, group: true)
        defer { team.remove() }
        let (wang, liu) = (team.logins[0], team.logins[1])
        let group = try #require(team.group)
        let home = folder.path + "/converted"
        makeHome(home, for: wang)
        let cordon = CordonBinary(home: home)
        let declared = try cordon.run(as: wang, ["declare", "--playbook", "pi-leak", "--title", "先私有后共享"])
        let id = declared.lastLine
        let before = try cordon.run(as: liu, ["note", id, "还不能写"])
        #expect(before.status != 0 && before.stderr.contains("a permission problem"), "\(before.stderr)")

        let convert = Process()
        convert.executableURL = URL(fileURLWithPath: "/bin/sh")
        convert.arguments = ["-c", "chgrp -R \(group) \"$1\" && chmod -R g+rwX,o-rwx \"$1\" && find \"$1\" -type d -exec chmod g+s {} +", "sh", home]
        try convert.run()
        convert.waitUntilExit()
        #expect(convert.terminationStatus == 0)

        let after = try cordon.run(as: liu, ["note", id, "现在可以写了"])
        #expect(after.status == 0, "\(after.stderr)")
        let second = try cordon.run(as: liu, ["declare", "--playbook", "pi-leak", "--title", "刘洋宣布"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try cordon.run(as: wang, ["note", second.lastLine, "王磊接着写"]).status == 0)
        #expect(try cordon.run(as: wang, ["verify", id]).status == 0)
    }

    @Test("a second login on a private home is told it is a permission problem, not that there is no incident")
    func privateHomeSaysPermission() throws {
        let logins = try TestLogins(logins: 2, group: false)
        defer { logins.remove() }
        let home = folder.path + "/private"
        makeHome(home, for: logins.logins[0])
        let cordon = CordonBinary(home: home)
        let declared = try cordon.run(as: logins.logins[0], ["declare", "--playbook", "pi-leak", "--title", "私有主目录"])
        #expect(declared.status == 0, "\(declared.stderr)")
        let id = declared.lastLine
        #expect(mode(home + "/incidents").mode == 0o700)
        let before = try Data(contentsOf: URL(fileURLWithPath: cordon.timeline(id)))

        let refused = try cordon.run(as: logins.logins[1], ["note", id, "我看不到它"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("a permission problem") && refused.stderr.contains("chmod 2770"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("There is no incident"), "\(refused.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: cordon.timeline(id))) == before)
    }

    @Test("a home others may write is refused; an incident planted there by another login is never read or appended to")
    func worldWritableHomeAndAPlantedIncident() throws {
        let logins = try TestLogins(logins: 1, group: false)
        defer { logins.remove() }
        let intruder = logins.logins[0]
        let home = folder.path + "/open"
        let cordon = CordonBinary(home: home)
        let id = try cordon.declare(title: "真正的事件")
        #expect(chmod(home, 0o777) == 0 && chmod(home + "/incidents", 0o777) == 0)

        // The attack: rename the incident away and plant a forgery under the same id.
        makeHome(folder.path + "/forger", for: intruder)
        let forger = CordonBinary(home: folder.path + "/forger")
        let forged = try forger.run(as: intruder, ["declare", "--playbook", "pi-leak", "--title", "伪造的事件"])
        #expect(forged.status == 0, "\(forged.stderr)")
        let real = home + "/incidents/" + id
        let planted = folder.path + "/forger/incidents/" + forged.lastLine
        #expect(try TestLogins.run(as: intruder, "/bin/mv", [real, real + ".moved"]) == 0)
        #expect(try TestLogins.run(as: intruder, "/bin/mv", [planted, real]) == 0)

        for arguments in [["list"], ["verify", id], ["note", id, "写到哪里去了？"], ["status", id]] {
            let refused = try cordon.run(arguments)
            #expect(refused.status != 0, "\(arguments)")
            #expect(refused.stderr.contains("may be written by every login") && refused.stderr.contains("chmod 700 \(home)"), "\(arguments): \(refused.stderr)")
            #expect(!refused.stdout.contains("伪造的事件"))
        }
        let declared = try cordon.run(["declare", "--playbook", "pi-leak", "--title", "不该写进去"])
        #expect(declared.status != 0 && declared.stderr.contains("may be written by every login"), "\(declared.stderr)")

        // Made private again, the planted folder is still not the owner's: named, never used.
        #expect(chmod(home, 0o700) == 0 && chmod(home + "/incidents", 0o700) == 0)
        let plantedTimeline = try Data(contentsOf: URL(fileURLWithPath: real + "/timeline.jsonl"))
        let note = try cordon.run(["note", id, "写到哪里去了？"])
        #expect(note.status != 0 && note.stderr.contains("belongs to the login \(intruder)"), "\(note.stderr)")
        let verify = try cordon.run(["verify", id])
        #expect(verify.status != 0 && !verify.stdout.contains("intact"), "\(verify.stdout)")
        let list = try cordon.run(["list"])
        #expect(list.stdout.contains("belongs to the login \(intruder)") && !list.stdout.contains("伪造的事件"), "\(list.stdout)\(list.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: real + "/timeline.jsonl")) == plantedTimeline, "nothing appended to the planted file")
    }
}

/// Symbolic links inside a home are never followed: not for the folder of incidents, not for
/// a timeline, not for a frozen playbook.
@Suite("Links inside a home")
struct HomeLinkTests {
    let folder = TemporaryFolder()
    var cordon: CordonBinary { CordonBinary(home: folder.path + "/home") }

    @Test("verify through a timeline that is a link to another incident's is refused, not called intact")
    func linkedTimeline() throws {
        let real = try cordon.declare(title: "甲")
        let other = try cordon.declare(title: "乙")
        let linked = cordon.timeline(other)
        #expect(unlink(linked) == 0 && symlink(cordon.timeline(real), linked) == 0)
        for arguments in [["verify", other], ["status", other], ["note", other, "经链接写入"]] {
            let refused = try cordon.run(arguments)
            #expect(refused.status != 0, "\(arguments)")
            #expect(refused.stderr.contains("is a symbolic link") && refused.stderr.contains("never follows links"), "\(arguments): \(refused.stderr)")
            #expect(!refused.stdout.contains("intact"))
        }
        #expect(try String(contentsOfFile: cordon.timeline(real), encoding: .utf8).split(separator: "\n").count == 1)
    }

    @Test("declare refuses an incidents folder that is a link, and writes nothing where it points")
    func linkedIncidentsFolder() throws {
        let elsewhere = folder.path + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder.path + "/home", withIntermediateDirectories: true)
        #expect(symlink(elsewhere, folder.path + "/home/incidents") == 0)
        let refused = try cordon.run(["declare", "--playbook", "pi-leak", "--title", "不该写到别处"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("The folder of incidents") && refused.stderr.contains("is a symbolic link"), "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
    }

    @Test("a frozen playbook linked to a file only root may read is refused without printing a line of it")
    func linkedPlaybook() throws {
        let id = try cordon.declare()
        let secret = folder.write("secret.txt", "root-only-secret-line: hunter2\n")
        chmod(secret, 0o600)
        let playbook = (cordon.timeline(id) as NSString).deletingLastPathComponent + "/playbook.yaml"
        #expect(unlink(playbook) == 0 && symlink(secret, playbook) == 0)
        let refused = try cordon.run(["status", id])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("The frozen playbook") && refused.stderr.contains("is a symbolic link"), "\(refused.stderr)")
        #expect(!(refused.stdout + refused.stderr).contains("hunter2"))
        let verify = try cordon.run(["verify", id])
        #expect(verify.status != 0 && !(verify.stdout + verify.stderr).contains("hunter2"))
    }
}
