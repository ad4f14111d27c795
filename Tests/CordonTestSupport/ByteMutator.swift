import CordonCore
import Foundation

/// Seeded damage to a valid input, for fuzz tests with a fixed budget: flipped bits, bytes
/// replaced, cut, repeated or moved, the file truncated, and tokens spliced in that parsers
/// find hard (the `tokens` given, e.g. YAML anchors or JSON escapes). The same seed gives the
/// same inputs on every machine.
///
///     var mutator = ByteMutator(seed: 1, tokens: ["&a ", "*a"])
///     let input = mutator.mutate(Array(yaml.utf8))
public struct ByteMutator {
    private var random: SeededGenerator
    private let tokens: [[UInt8]]

    public init(seed: UInt64, tokens: [String] = []) {
        random = SeededGenerator(seed: seed)
        self.tokens = tokens.map { Array($0.utf8) }
    }

    public mutating func draw(_ range: ClosedRange<Int>) -> Int { random.draw(range) }

    /// Random bytes, biased towards the token bytes and ASCII punctuation.
    public mutating func garbage(count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < count {
            switch random.draw(0...3) {
            case 0 where !tokens.isEmpty: bytes += tokens[random.draw(0...tokens.count - 1)]
            case 1: bytes.append(UInt8(random.draw(0x20...0x7E)))
            default: bytes.append(UInt8(random.draw(0...255)))
            }
        }
        return bytes
    }

    /// `input` with one to four mutations applied.
    public mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0..<random.draw(1...4) {
            let count = bytes.count
            let at = count == 0 ? 0 : random.draw(0...count - 1)
            switch random.draw(0...8) {
            case 0 where count > 0:
                bytes[at] ^= UInt8(1 << random.draw(0...7))
            case 1 where count > 0:
                bytes[at] = UInt8(random.draw(0...255))
            case 2 where count > 0:
                bytes.removeSubrange(at..<min(count, at + random.draw(1...64)))
            case 3:
                bytes.insert(contentsOf: garbage(count: random.draw(1...16)), at: at)
            case 4 where count > 0:
                let piece = bytes[at..<min(count, at + random.draw(1...256))]
                let copies = random.draw(1...8)
                bytes.insert(contentsOf: Array(repeating: Array(piece), count: copies).joined(), at: min(bytes.count, at + piece.count))
            case 5 where count > 0:
                bytes.removeLast(random.draw(1...count))
            case 6 where !tokens.isEmpty:
                bytes.insert(contentsOf: tokens[random.draw(0...tokens.count - 1)], at: at)
            case 7 where count > 1:
                let other = random.draw(0...count - 1)
                bytes.swapAt(at, other)
            default:
                bytes.insert(UInt8(random.draw(0...255)), at: at)
            }
        }
        return bytes
    }
}
