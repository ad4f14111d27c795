import CordonCore
import CordonTestSupport
import Testing
@testable import CordonTUI

/// An inject on the facilitator's screen holds the drill clock until it is answered or
/// dismissed, so a fast drill never runs on while the team reads. Real time moves only when the
/// test moves it; the drill clock is read from the drill's own timeline.
@Suite struct InjectHoldTests {
    /// The fixture's first inject falls at T+10:00.
    private let firstInject = 600

    private func started(speed: Int = 60) -> DrillConsoleFixture {
        let drill = DrillConsoleFixture(speed: speed, holdsClockOnInject: true)
        drill.press(.enter)
        return drill
    }

    @Test func theClockStandsAtTheInjectWhileItIsOnScreenAndRunsOnOnceDismissed() {
        let drill = started()
        drill.run(toOffset: 1500)
        #expect(drill.program.model.dialog is InjectDialog)
        #expect(drill.offset == firstInject, "held where the inject fell")
        drill.wait(millis: 3_600_000)
        #expect(drill.offset == firstInject, "an hour of reading costs no drill time")
        #expect(drill.journal.state.drill?.clock.isRunning == false)
        drill.press(.escape)
        #expect(drill.journal.state.drill?.clock.isRunning == true, "dismissed: the clock runs on")
        drill.wait(millis: 1000)
        #expect(drill.offset == firstInject + 60)
    }

    @Test func anInjectWaitingBehindAFormHoldsTheClockUntilItIsSeenAndDismissed() {
        let drill = started()
        drill.press(.character("n"))
        drill.type("外包商已确认")
        drill.run(toOffset: 1500)
        #expect(drill.program.model.dialog is NoteDialog, "the note being typed stays on top")
        #expect(drill.offset == firstInject, "the inject that arrived holds the clock meanwhile")
        drill.press(.enter)
        #expect(drill.program.model.dialog is InjectDialog, "it shows once the note is recorded")
        #expect(drill.journal.state.drill?.clock.isRunning == false)
        drill.press(.escape)
        #expect(drill.journal.state.drill?.clock.isRunning == true)
    }

    @Test func answeringTheInjectReleasesTheClock() {
        let drill = started()
        drill.run(toOffset: 1500)
        drill.press(.enter)
        drill.type("不予置评，正在核实")
        drill.wait(millis: 600_000)
        #expect(drill.offset == firstInject, "typing the answer costs no drill time")
        drill.press(.enter)
        #expect(drill.journal.state.drill?.answers.count == 1)
        #expect(drill.journal.state.drill?.clock.isRunning == true)
    }

    @Test func aPauseTheFacilitatorMadeIsNotUndoneByClosingTheInject() {
        let drill = started()
        drill.run(toOffset: 1500)
        drill.press(.character("p"))
        #expect(drill.journal.state.drill?.clock.isRunning == true, "p from a held inject resumes the clock")
        drill.press(.character("p"))
        #expect(drill.journal.state.drill?.clock.isRunning == false)
        drill.press(.escape)
        #expect(drill.journal.state.drill?.clock.isRunning == false, "the facilitator's pause stands")
    }

    @Test func hLetsTheClockRunOnWhileInjectsAreOnScreen() {
        let drill = started()
        drill.press(.character("H"))
        #expect(drill.screen.contains("注入弹出时演练时钟照常走"))
        drill.run(toOffset: 1500)
        #expect(drill.program.model.dialog is InjectDialog)
        #expect(drill.offset == 1500)
        #expect(drill.journal.state.drill?.clock.isRunning == true)
    }

    @Test func turningTheHoldOffReleasesAClockItHeld() {
        let drill = started()
        drill.run(toOffset: 1500)
        drill.press(.escape, .character("i"))
        #expect(drill.journal.state.drill?.clock.isRunning == false, "brought back with i, the inject holds the clock again")
        drill.press(.escape, .character("H"))
        drill.wait(millis: 1000)
        #expect(drill.offset > firstInject)
    }

    @Test func theBriefingProposesASpeedPeopleCanFollowAndSSetsIt() {
        let drill = DrillConsoleFixture(speed: 600, holdsClockOnInject: true)
        #expect(drill.screen.contains("建议倍速 ×5：4 小时的剧情约 48 分钟走完"))
        #expect(drill.screen.contains("当前 ×600 约 24"))
        drill.press(.character("s"))
        #expect(drill.journal.state.drill?.clock.speed == 5)
        #expect(drill.journal.state.drill?.clock.isRunning == false, "the clock waits for Enter")
        #expect(drill.screen.contains("倍速 ×5：4 小时的剧情约 48 分钟走完"), "the briefing stays up, at the new speed")
        drill.press(.enter)
        #expect(drill.journal.state.drill?.clock.isRunning == true)
        #expect(drill.program.model.dialog == nil)
    }

    @Test func theProposedSpeedFitsAMeetingAndTheClosestInjects() {
        #expect(DrillPace.suggestedSpeed(for: Fixtures.scenario) == 5, "four hours in 48 minutes; twenty drill minutes between the first injects, four in real time")
        var sixHours = Fixtures.scenario
        sixHours.duration = 6 * 3600
        sixHours.injects = sixHours.injects.map { var inject = $0; inject.at *= 6; return inject }
        #expect(DrillPace.suggestedSpeed(for: sixHours) == 10)
    }
}
