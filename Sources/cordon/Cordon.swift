import ArgumentParser
import CordonCore
import Foundation

@main
struct Cordon: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cordon",
        abstract: "Incident-response console for personal-information leaks · 个人信息泄露应急处置控制台",
        discussion: """
            Run without a subcommand for the console's home screen. Options such as --home go after the subcommand.
            不带子命令运行即进入主界面。--home 等选项写在子命令之后。
            """,
        subcommands: [
            HomeScreen.self, OpenConsole.self, Declare.self, ListIncidents.self, Status.self, StepCommand.self, Note.self, Assign.self,
            Classify.self, Advance.self, NoticeCommand.self, Notify.self, SitrepCommand.self, EvidenceCommand.self, ScopeCommand.self,
            FindingCommand.self, AccountabilityCommand.self, ActionCommand.self, ActionsAcrossIncidents.self,
            FactsCommand.self, ReportCommand.self, Review.self, Verify.self, Replay.self, Drill.self, Drills.self, Playbooks.self,
        ],
        defaultSubcommand: HomeScreen.self
    )

    /// Refuses arguments that are not UTF-8 (a GBK terminal, say) before they are decoded:
    /// Swift would replace the bytes, and a garbled note in evidence cannot be repaired. Then runs
    /// the command, and exits 3 if standard output could not be written and closed in full.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let language = requestedLanguage(arguments)
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
            if String(validating: bytes, as: UTF8.self) == nil {
                let message = LocalizedText(
                    zh: "第 \(index) 个参数不是 UTF-8 文本，未执行任何操作。请把终端设为 UTF-8（如 LANG=zh_CN.UTF-8）后重试。",
                    en: "Argument \(index) is not UTF-8 text; nothing was done. Set the terminal to UTF-8 (e.g. LANG=zh_CN.UTF-8) and try again.")
                FileHandle.standardError.write(Data(("cordon: " + message[language] + "\n").utf8))
                Foundation.exit(2)
            }
        }
        var status: Int32 = 0
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            // What `exit(withError:)` would print, printed here so that the output is checked too.
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success {
                    print(message)
                } else {
                    FileHandle.standardError.write(Data((message + "\n").utf8))
                }
            }
            status = code.rawValue
        }
        if let failure = StandardOutput.close() {
            FileHandle.standardError.write(Data(("cordon: " + failure[language] + "\n").utf8))
            Foundation.exit(3)
        }
        Foundation.exit(status)
    }

    /// The language `--lang` asks for, read before the arguments are parsed (they may not parse,
    /// or not be UTF-8), else the environment's.
    private static func requestedLanguage(_ arguments: [String]) -> Language {
        for (index, argument) in arguments.enumerated() {
            let value = argument.hasPrefix("--lang=") ? String(argument.dropFirst("--lang=".count))
                : argument == "--lang" && index + 1 < arguments.count ? arguments[index + 1] : nil
            if let value, let language = Language(rawValue: value) { return language }
        }
        return Language.fromEnvironment(ProcessInfo.processInfo.environment)
    }
}
