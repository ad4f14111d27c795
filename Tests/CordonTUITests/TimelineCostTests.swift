import CordonCore
import CordonTestSupport
import Testing
@testable import CordonTUI

/// A timeline that counts how many of its entries were read.
private final class ReadCounter: @unchecked Sendable {
    var reads = 0
}

private struct CountingTimeline: RandomAccessCollection {
    let events: [Event]
    let counter: ReadCounter

    var startIndex: Int { 0 }
    var endIndex: Int { events.count }

    subscript(position: Int) -> Event {
        counter.reads += 1
        return events[position]
    }
}

/// A 100,000-entry timeline costs a frame what a short one does: the pane reads only the
/// entries it shows, and search reads only as far back as its match.
@Suite struct TimelineCostTests {
    private static func timeline(_ count: Int) -> [Event] {
        let declaration = Fixtures.declaration()
        return [declaration] + (2...count).map { seq in
            Event(seq: seq, ts: Fixtures.start.adding(seconds: seq), actor: "tester", type: EventType.noteAdded,
                  data: ["text": .string("进展 \(seq)")], prev: Event.genesisHash)
        }
    }

    private func reads(rendering count: Int) -> (reads: Int, rows: Int) {
        let counter = ReadCounter()
        let events = CountingTimeline(events: Self.timeline(count), counter: counter)
        var model = AppModel(language: .zh, size: Size(width: 100, height: 30), now: Fixtures.start)
        let snapshot = IncidentSnapshot(playbook: Fixtures.playbook, state: try! IncidentState.fold(Self.timeline(2)))
        _ = model.update(.opened(snapshot, .live), timeline: events)
        counter.reads = 0
        let canvas = Screen.render(model, timeline: events)
        #expect(canvas.contains("进展 \(count)"), "the newest entry is on screen")
        return (counter.reads, model.consoleLayout!.timelineRows)
    }

    @Test func drawingReadsOnlyTheRowsOnScreen() {
        let long = reads(rendering: 100_000)
        let short = reads(rendering: 100)
        #expect(long.reads == long.rows)
        #expect(long.reads == short.reads)
    }

    @Test func searchReadsOnlyBackToItsMatch() {
        let counter = ReadCounter()
        let events = CountingTimeline(events: Self.timeline(100_000), counter: counter)
        var model = AppModel(language: .zh, size: Size(width: 100, height: 30), now: Fixtures.start)
        let snapshot = IncidentSnapshot(playbook: Fixtures.playbook, state: try! IncidentState.fold(Self.timeline(2)))
        _ = model.update(.opened(snapshot, .live), timeline: events)
        _ = model.update(.key(.character("/")), timeline: events)
        for character in "进展 99990" { _ = model.update(.key(.character(character)), timeline: events) }
        counter.reads = 0
        _ = model.update(.key(.enter), timeline: events)
        #expect(model.console?.searchHit == 99_989)
        #expect(counter.reads == 11)
    }
}
