#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CordonCore

/// Ctrl-C, SIGTERM and SIGHUP (a dropped SSH link) end the drill properly instead of killing it mid-way.
enum StopSignal {
    nonisolated(unsafe) private static var received: sig_atomic_t = 0

    static func install() {
        // A parent may have left them blocked, and then a dropped line would never end the drill.
        var stops = sigset_t()
        sigemptyset(&stops)
        for number in [SIGINT, SIGTERM, SIGHUP] {
            sigaddset(&stops, number)
            _ = signal(number) { number in StopSignal.received = number }
        }
        sigprocmask(SIG_UNBLOCK, &stops, nil)
    }

    static var raised: Bool { received != 0 }

    /// Why a drill ended by this signal ended: a hang-up, or a stop asked for.
    static var endReason: DrillEndReason { received == SIGHUP ? .hangup : .signal }
}
