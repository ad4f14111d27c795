import ArgumentParser
import CordonCore
import CordonStore
import CordonTUI
import Foundation

struct Drill: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.pick("按场景进行桌面演练；以 DRL- 编号登记在 drills/ 下。", "Run a tabletop drill from a scenario; it is declared as a DRL- drill under drills/."),
        discussion: """
            The drill opens in the console under a DRILL 演练 banner, with the briefing first; Enter starts the drill clock. \
            The clock runs at --speed times real time; injects arrive at their offsets on it, show on screen and are recorded in the \
            timeline, with the facts they force (a new severity is recorded as a grading). In the console: \
            p pauses, f jumps to the next inject, i shows and answers injects, E ends the drill and shows its evaluation (there \
            l records a lesson learned, a records an improvement action); quitting ends and scores a drill still running. The same --seed \
            gives the same drill. Responders work the drill as usual, from other terminals too: cordon open DRL-… or \
            cordon step DRL-… isolate-source done. If the facilitator's console dies without ending the drill, T in \
            cordon open DRL-… takes the drill clock over.
            With --headless the drill runs in this terminal: injects are printed as they arrive, and these lines are read from \
            standard input: p (pause/resume), f (jump to the next inject), s N (speed), a INJECT TEXT (answer an inject), \
            n TEXT (note), l TEXT (lesson learned), i TEXT (improvement action), q (end the drill). When it ends, the evaluation is printed.
            Example: cordon drill data-room-overshare --speed 600 --seed 7 --headless
            """)

    @Argument(help: "Scenario id (see `cordon playbooks list`) or a path to a scenario file.") var scenario: String
    @Option(help: "Drill clock speed, \(DrillRules.speedRange.lowerBound)–\(DrillRules.speedRange.upperBound); 600 plays ten minutes a second.") var speed = 1
    @Option(help: "Seed for inject timing and variants (default: chosen at random and printed).") var seed: Int?
    @Flag(help: "Run the drill in this terminal, without the console.") var headless = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CordonCLI.run(global) { context in
            guard DrillRules.speedRange.contains(speed) else {
                throw Refusal("bad-speed", zh: "倍速须在 \(DrillRules.speedRange.lowerBound) 到 \(DrillRules.speedRange.upperBound) 之间。", en: "The speed must be between \(DrillRules.speedRange.lowerBound) and \(DrillRules.speedRange.upperBound).")
            }
            let loaded = try context.catalog.findScenario(scenario)
            let seed = self.seed ?? Int.random(in: 0...999_999)
            guard headless else {
                try ConsoleLauncher.console(context) {
                    let drill = try context.store.declareDrill(loaded, language: context.language, stamp: context.stamp)
                    let conductor = DrillConductor(journal: drill, scenario: loaded.scenario)
                    return try ConsoleProgram(conducting: conductor, speed: speed, seed: seed, language: context.language, size: ConsoleLauncher.initialSize, clock: context.stamp.clock)
                }
                return
            }
            let drill = try context.store.declareDrill(loaded, language: context.language, stamp: context.stamp)
            try HeadlessDrill(context: context, drill: drill, speed: speed, seed: seed).run()
        }
    }
}
