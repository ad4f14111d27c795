#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C, SIGTERM and SIGHUP (a dropped SSH link) end the drill properly instead of killing it mid-way.
enum StopSignal {
    nonisolated(unsafe) private static var received: sig_atomic_t = 0

    static func install() {
        for number in [SIGINT, SIGTERM, SIGHUP] {
            _ = signal(number) { _ in StopSignal.received = 1 }
        }
    }

    static var raised: Bool { received != 0 }
}
