import ArgumentParser
import CordonCore
import CordonStore

struct Report: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md
        case html
        case json
    }

    static let configuration = CommandConfiguration(
        abstract: "A drill's evaluation: the score and every expectation met or missed, with times. 演练评估报告。",
        discussion: """
            For now this covers drills declared from a scenario (cordon drill); the full after-action report of incidents comes later.
            Example: cordon report DRL-20261129-001 --format json
            """)

    @Argument(help: "Drill id.") var id: String
    @Option(help: "md or json.") var format: Format = .md
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CordonCLI.run(global) { context in
            guard format != .html else {
                throw Refusal("format-not-available", zh: "本版本的 report 还不支持 HTML；请用 --format md 或 json。", en: "This build's report has no HTML yet; use --format md or json.")
            }
            let session = try context.open(id)
            guard session.state.isDrill, let scenario = try context.store.frozenScenario(of: session) else {
                throw Refusal("report-drills-only", zh: "本版本的 report 只提供由场景开始的演练（cordon drill）的评估；事件状态请用 cordon status \(session.id)。", en: "In this build, report covers drills started from a scenario (cordon drill); for an incident's state use: cordon status \(session.id)")
            }
            let evaluation = DrillEvaluation.make(scenario: scenario.scenario, playbook: session.playbook, state: session.state, now: session.stamp.clock.now())
            if format == .json || context.options.json {
                print(JSONWriter.string(evaluation.json))
            } else {
                print(evaluation.markdown(language: context.language), terminator: "")
            }
        }
    }
}
