import CordonCore
import Foundation

/// `--help` in the responder's language: the language `--lang` on the command line names, else
/// the environment's (`CORDON_LANG`, `LANG`, …), read once as the help is built.
///
///     abstract: HelpText.pick("查看事件状态：阶段、步骤、时限。", "Show where an incident stands: phase, steps, deadlines.")
enum HelpText {
    static let language: Language = {
        let arguments = CommandLine.arguments
        if let flag = arguments.firstIndex(of: "--lang"), flag + 1 < arguments.count,
           let asked = Language(rawValue: arguments[flag + 1]) {
            return asked
        }
        if let inline = arguments.first(where: { $0.hasPrefix("--lang=") }), let asked = Language(rawValue: String(inline.dropFirst(7))) {
            return asked
        }
        return Language.fromEnvironment(ProcessInfo.processInfo.environment)
    }()

    static func pick(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
}
