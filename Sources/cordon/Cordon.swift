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
            FactsCommand.self, ReportCommand.self, Verify.self, Replay.self, Drill.self, Playbooks.self,
        ],
        defaultSubcommand: HomeScreen.self
    )

    /// Refuses arguments that are not UTF-8 (a GBK terminal, say) before they are decoded:
    /// Swift would replace the bytes, and a garbled note in evidence cannot be repaired.
    static func main() {
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
            if String(validating: bytes, as: UTF8.self) == nil {
                let language = Language.fromEnvironment(ProcessInfo.processInfo.environment)
                let message = LocalizedText(
                    zh: "第 \(index) 个参数不是 UTF-8 文本，未执行任何操作。请把终端设为 UTF-8（如 LANG=zh_CN.UTF-8）后重试。",
                    en: "Argument \(index) is not UTF-8 text; nothing was done. Set the terminal to UTF-8 (e.g. LANG=zh_CN.UTF-8) and try again.")
                FileHandle.standardError.write(Data(("cordon: " + message[language] + "\n").utf8))
                Foundation.exit(2)
            }
        }
        main(nil)
    }
}
