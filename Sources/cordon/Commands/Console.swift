import ArgumentParser
import CordonCore
import CordonStore
import CordonTUI
import Foundation

struct HomeScreen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "home",
        abstract: "The home screen: incidents, drills, declaring a new one (the default). 主界面。")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try ConsoleLauncher.run(global) { context in
            // A home others may write is refused before the screen lists what they could have planted.
            try context.store.checkFolders(for: .incident)
            try context.store.checkFolders(for: .drill)
            let library = HomeLibrary(store: context.store, catalog: context.catalog, stamp: context.stamp)
            let program = ConsoleProgram(library: library, language: context.language, size: ConsoleLauncher.initialSize, clock: context.stamp.clock)
            program.participants = context.participants
            return program
        }
    }
}

struct OpenConsole: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Work an incident in the live console. 打开事件控制台。",
        discussion: "Example: cordon open INC-20261129-001   (press ? in the console for every key)")

    @Argument(help: "Incident id.") var id: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try ConsoleLauncher.run(global) { context in
            // A drill with its scenario opens as one, so its injects can be answered from here.
            let journal = try context.store.openForConsole(id, stamp: context.stamp)
            let program = ConsoleProgram(journal: journal, language: context.language, size: ConsoleLauncher.initialSize, clock: context.stamp.clock)
            program.participants = context.participants
            if let torn = (journal as? IncidentSession)?.tornTail ?? (journal as? DrillSession)?.session.tornTail {
                // Said on stderr too, but the console's screen would hide it at once.
                program.send(.failed(LocalizedText(
                    zh: "时间线末尾有一行不完整（\(torn.length) 字节，可能是写入时崩溃），不属于已确认记录；下一次记录会把它移到旁边的文件中。",
                    en: "The timeline ends in an incomplete line (\(torn.length) bytes, probably a crash mid-write); it was never acknowledged, and the next action moves it to a side file.")))
            }
            return program
        }
    }
}

/// Starts the console on the terminal, or refuses in both languages when there is none.
enum ConsoleLauncher {
    /// The loop resizes the program to the terminal before the first frame.
    static let initialSize = Size(width: 80, height: 24)

    static func run(_ options: GlobalOptions, _ makeProgram: (Context) throws -> ConsoleProgram) throws {
        try CordonCLI.run(options) { context in
            try console(context) { try makeProgram(context) }
        }
    }

    /// Runs the program `makeProgram` builds once a terminal is known to be there, so that
    /// nothing is created (no drill declared) when there is none. A console that records
    /// (`asksWhoIsAtTheKeyboard`) on a shared login without `--actor` records under the name
    /// remembered for this terminal, or asks for one.
    static func console(_ context: Context, asksWhoIsAtTheKeyboard: Bool = true, _ makeProgram: () throws -> ConsoleProgram) throws {
        do {
            try NcursesTerminal.requireTerminal()
            let memory = KeyboardMemory.here(home: context.home, login: context.stamp.actor)
            let keyboard = context.stamp.keyboard
            let asks = asksWhoIsAtTheKeyboard && context.options.actor.flatMap(IncidentRules.clean) == nil && keyboard != nil && memory.loginIsShared
            let program = try makeProgram()
            if asks, let keyboard {
                if let name = keyboard.name {
                    program.send(.actingAs(name))
                } else {
                    program.actAs = { name in
                        keyboard.name = name
                        // Not remembered, the next start asks again; nothing else is lost.
                        try? memory.remember(name)
                    }
                    program.send(.askWhoIsAtTheKeyboard(login: memory.login))
                }
            }
            program.hashEvidence = { path in FileHashJob(path: path) }
            program.sealText = { SentText(sealing: $0, subject: nil, source: .draft).sha256 }
            let noColor = context.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
            let status = try NcursesTerminal.run(program, colors: !noColor)
            if status != 0 { throw ExitCode(status) }
        } catch let unavailable as TerminalUnavailable {
            let message = "cordon: \(unavailable.message.zh)\ncordon: \(unavailable.message.en)\n"
            FileHandle.standardError.write(Data(message.utf8))
            throw ExitCode(64)
        }
    }

    /// Whether standard input and output are a terminal the console can run on.
    static var hasTerminal: Bool { (try? NcursesTerminal.requireTerminal()) != nil }
}
