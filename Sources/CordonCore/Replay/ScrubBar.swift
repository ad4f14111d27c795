/// The replay's scrub bar laid out in `width` columns: where each event, phase change, inject
/// and compressed gap falls, and which event a column stands for. Long gaps take the width of
/// `ReplayTimeline.longGap`, so busy hours keep their room.
///
///     let bar = ScrubBar(timeline: replay.timeline, width: 60)
///     bar.text(at: player.position)   // "|==!=|===@------~-----|"
///     player.perform(.seek(bar.seq(atColumn: 30)), wall: clock.now())
public struct ScrubBar: Sendable, Equatable {
    public enum Cell: Sendable, Hashable {
        case played
        case unplayed
        case head
        case phase
        case inject
        case gap
    }

    public struct Marker: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            case mark(ReplayMark)
            case gap(ReplayGap)
        }

        public var column: Int
        public var kind: Kind
    }

    public let timeline: ReplayTimeline
    public let width: Int

    public init(timeline: ReplayTimeline, width: Int) {
        self.timeline = timeline
        self.width = max(1, width)
    }

    /// Phase changes, injects and compressed gaps, left to right.
    public var markers: [Marker] {
        let marks = timeline.marks.map { Marker(column: column(of: $0.seq), kind: .mark($0)) }
        let gaps = timeline.gaps.map { gap in
            let middle = (timeline.positions[gap.after - 1] + timeline.positions[gap.after]) / 2
            return Marker(column: column(atPosition: middle), kind: .gap(gap))
        }
        return (marks + gaps).sorted { $0.column < $1.column }
    }

    public func column(of seq: Int) -> Int {
        column(atPosition: timeline.positions[min(max(seq, 1), timeline.count) - 1])
    }

    /// The column of a player's position, moving through a gap as it plays.
    public func column(of position: ReplayPosition) -> Int {
        let seq = min(max(position.seq, 1), timeline.count)
        var place = timeline.positions[seq - 1]
        if seq < timeline.count {
            let from = timeline.time(of: seq)
            let span = ReplayTimeline.span(from: from, to: timeline.time(of: seq + 1))
            let into = min(max(0, position.time.millis - from.millis), span)
            if span > 0 { place += (timeline.positions[seq] - place) * into / span }
        }
        return column(atPosition: place)
    }

    /// The last event at or left of `column`.
    public func seq(atColumn column: Int) -> Int {
        var low = 1
        var high = timeline.count
        while low < high {
            let middle = (low + high + 1) / 2
            if self.column(of: middle) <= column { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// What each column shows at `position`; the head wins over a marker, a phase over an inject.
    public func cells(at position: ReplayPosition) -> [Cell] {
        let head = column(of: position)
        var cells = (0..<width).map { $0 < head ? Cell.played : .unplayed }
        for marker in markers.reversed() {
            switch marker.kind {
            case .gap: if cells[marker.column] == .played || cells[marker.column] == .unplayed { cells[marker.column] = .gap }
            case .mark(let mark) where mark.kind.isPhaseBoundary: cells[marker.column] = .phase
            case .mark: if cells[marker.column] != .phase { cells[marker.column] = .inject }
            }
        }
        cells[head] = .head
        return cells
    }

    /// The bar in plain ASCII, one character a column: `=` played, `-` to come, `@` the head,
    /// `|` a phase change, `!` an inject, `~` a compressed gap.
    public func text(at position: ReplayPosition) -> String {
        String(cells(at: position).map { cell -> Character in
            switch cell {
            case .played: "="
            case .unplayed: "-"
            case .head: "@"
            case .phase: "|"
            case .inject: "!"
            case .gap: "~"
            }
        })
    }

    private func column(atPosition place: Int64) -> Int {
        guard let total = timeline.positions.last, total > 0 else { return 0 }
        return Int(place * Int64(width - 1) / total)
    }
}
