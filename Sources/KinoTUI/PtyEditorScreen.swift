import Foundation
import KinoEditor

/// The editor's curses screen drawing into a pseudo-terminal of a given size instead of the
/// real one, its output read and discarded by a thread. For kino-bench: it measures what
/// `kino edit` does per key (reduce, view, flush through curses) without a terminal, and
/// without importing curses itself.
public final class PtyEditorScreen {
    private let screen: NcursesScreen
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    private let drain: PtyDrain

    /// Opens a `cols`×`rows` pty with terminal type `term`; nil when no pty can be had.
    public init?(cols: Int, rows: Int, term: String = "xterm-256color") {
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(cols), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { return nil }
        guard let output = fdopen(slave, "w"), let input = fdopen(dup(slave), "r") else { Glibc.close(master); Glibc.close(slave); return nil }
        self.output = output
        self.input = input
        drain = PtyDrain(fd: master)
        screen = NcursesScreen(terminal: (term, output, input))
    }

    /// Draws `grid` as the editor does: only changed cells go to curses.
    public func flush(_ grid: CellGrid, usesColor: Bool) { screen.flush(grid, usesColor: usesColor) }

    /// Ends curses and the pty; returns how many bytes curses wrote to it.
    public func close() -> Int {
        screen.close()
        fclose(output); fclose(input)
        return drain.stop()
    }
}

/// Reads and discards what curses writes to the pty, so writes never block.
private final class PtyDrain: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var total = 0
    private var done = false
    private let finished = DispatchSemaphore(value: 0)

    init(fd: Int32) {
        self.fd = fd
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                if poll(&pfd, 1, 20) > 0 {
                    let n = read(fd, &buffer, buffer.count)
                    if n > 0 { lock.withLock { total += n } } else { break }
                } else if lock.withLock({ done }) {
                    break   // asked to stop and nothing more is waiting
                }
            }
            finished.signal()
        }
        thread.start()
    }

    /// Reads until the pty is empty, stops; returns the bytes read.
    func stop() -> Int {
        lock.withLock { done = true }
        finished.wait()
        Glibc.close(fd)
        return lock.withLock { total }
    }
}
