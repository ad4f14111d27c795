import ArgumentParser
import CordonCore

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
            Classify.self, Advance.self, NoticeCommand.self, Notify.self, EvidenceCommand.self, ScopeCommand.self,
            FindingCommand.self, AccountabilityCommand.self, ActionCommand.self, ActionsAcrossIncidents.self,
            FactsCommand.self, ReportCommand.self, Verify.self, Replay.self, Drill.self, Playbooks.self,
        ],
        defaultSubcommand: HomeScreen.self
    )
}
