import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A terminal played by a thread on the master side of a pseudo-terminal: it reads what the
/// program writes and, once it has seen the DA1 query (`ESC [ c`), writes `reply` (nothing
/// when nil, like a terminal that never answers).
final class FakeTerminal: Sendable {
    let master: Int32
    let slave: Int32
    private let received = Mutex<[UInt8]>([])
    private let stopped = Mutex(false)
    private let done = DispatchSemaphore(value: 0)

    init(reply: [UInt8]?, cellPixels: (cols: UInt16, rows: UInt16, width: UInt16, height: UInt16) = (80, 24, 0, 0)) throws {
        var m: Int32 = -1, s: Int32 = -1
        guard openpty(&m, &s, nil, nil, nil) == 0 else { throw ToolFailure(description: "no pseudo-terminal") }
        master = m
        slave = s
        var ws = winsize(ws_row: cellPixels.rows, ws_col: cellPixels.cols, ws_xpixel: cellPixels.width, ws_ypixel: cellPixels.height)
        _ = ioctl(s, UInt(TIOCSWINSZ), &ws)
        let thread = Thread { [self] in play(reply: reply) }
        thread.start()
    }

    private func play(reply: [UInt8]?) {
        var answered = false
        var buffer = [UInt8](repeating: 0, count: 512)
        while !stopped.withLock({ $0 }) {
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 10) > 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            guard n > 0 else { break }
            let all = received.withLock { r in r += buffer[0..<n]; return r }
            if !answered, let reply, String(decoding: all, as: UTF8.self).contains("\u{1B}[c") {
                answered = true
                _ = reply.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            }
        }
        done.signal()
    }

    /// Everything the program wrote to the terminal so far.
    var written: String { String(decoding: received.withLock { $0 }, as: UTF8.self) }

    /// Writes `marker` as the program would and waits (up to `seconds`) until the terminal
    /// has read it: everything written before it has been read too, so "nothing was sent"
    /// is checked on a condition, not after a sleep.
    func flushThrough(marker: String, seconds: Double = 10) -> Bool {
        let bytes = Array(marker.utf8)
        _ = bytes.withUnsafeBytes { write(slave, $0.baseAddress, $0.count) }
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if written.contains(marker) { return true }
            usleep(1_000)
        }
        return false
    }

    func close() {
        stopped.withLock { $0 = true }
        done.wait()
        _ = Glibc.close(slave)
        _ = Glibc.close(master)
    }
}
