import CordonCore
import CordonStore
import CordonTestSupport
import Foundation
import Testing

/// Who is at the keyboard of a shared login, remembered per terminal under the home.
@Suite struct KeyboardMemoryTests {
    private func memory(_ folder: TemporaryFolder, login: String = "root", terminal: String? = "/dev/pts/3\t4711") -> KeyboardMemory {
        KeyboardMemory(home: Home(root: folder.path), login: login, terminal: terminal)
    }

    @Test func aNameIsRememberedForItsTerminalAndSessionOnly() throws {
        let folder = TemporaryFolder()
        try memory(folder).remember("王磊")
        #expect(memory(folder).remembered == "王磊")
        #expect(memory(folder, terminal: "/dev/pts/4\t4800").remembered == nil, "another terminal is asked")
        #expect(memory(folder, terminal: "/dev/pts/3\t5200").remembered == nil, "a new login on the same tty is asked")
        #expect(memory(folder, login: "oncall").remembered == nil, "another login keeps its own file")
    }

    @Test func aNewSessionOnATtyReplacesTheOldOneAndOtherTerminalsStay() throws {
        let folder = TemporaryFolder()
        try memory(folder).remember("王磊")
        try memory(folder, terminal: "/dev/pts/4\t4800").remember("刘洋")
        try memory(folder, terminal: "/dev/pts/3\t5200").remember("李娜")
        let text = try String(contentsOfFile: folder.path + "/keyboard/root", encoding: .utf8)
        #expect(text == "/dev/pts/4\t4800\t刘洋\n/dev/pts/3\t5200\t李娜\n")
        #expect(memory(folder, terminal: "/dev/pts/4\t4800").remembered == "刘洋")
    }

    @Test func theFileIsPrivateToTheLogin() throws {
        let folder = TemporaryFolder()
        try memory(folder).remember("王磊")
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.path + "/keyboard/root")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func rootAndTheLoginsTheHomeListsAreShared() throws {
        let folder = TemporaryFolder()
        #expect(memory(folder).loginIsShared)
        #expect(!memory(folder, login: "zhangwei").loginIsShared, "a personal login is never asked")
        try "# team accounts\noncall   # the night shift\n\nirteam\n".write(toFile: folder.path + "/shared-logins", atomically: true, encoding: .utf8)
        #expect(memory(folder, login: "oncall").loginIsShared)
        #expect(memory(folder, login: "irteam").loginIsShared)
        #expect(!memory(folder, login: "zhangwei").loginIsShared)
    }

    @Test func aLoginThatIsNoFileNameAndNoTerminalRememberNothing() throws {
        let folder = TemporaryFolder()
        try memory(folder, login: "../etc").remember("王磊")
        try memory(folder, terminal: nil).remember("王磊")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/keyboard/root"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/etc"))
        #expect(memory(folder, terminal: nil).remembered == nil)
    }
}
