import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension TerminalCapabilities {
    /// The kitty graphics query (the terminal answers ;OK).
    static let kittyQuery = "\u{1B}_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\"

    /// The queries sent in one write. DA1 goes last: every terminal answers it, and answers in
    /// order, so its reply means nothing else is coming. Inside tmux the kitty query is left
    /// out: tmux takes an APC string for a pane title (it became "Gi=31,s=1,…"), and graphics
    /// there fall back to character art unless chosen explicitly anyway.
    static func capabilityQuery(inTmux: Bool) -> String {
        (inTmux ? "" : kittyQuery)
            + "\u{1B}[?1;1;0S"                                 // XTSMGRAPHICS: colour registers
            + "\u{1B}[?2;4;0S"                                 // XTSMGRAPHICS: maximum sixel geometry
            + "\u{1B}[16t"                                     // cell size in pixels
            + "\u{1B}[c"                                       // DA1
    }

    /// Asks the terminal what it can show: DA1 (sixel is attribute 4), XTSMGRAPHICS (colour
    /// registers, maximum sixel size), the kitty graphics query and the cell size (TIOCGWINSZ
    /// pixel fields, else CSI 16 t, else 10x20). The input is in raw mode only while waiting
    /// and is restored before returning; the whole decision takes at most `timeout` seconds
    /// even when the terminal never answers. Inside tmux graphics fall back to character art
    /// unless `override` or KINO_GRAPHICS asks for sixel or kitty (then sent through DCS
    /// passthrough). When either descriptor is not a terminal, or the mode is chosen by
    /// `override` or KINO_GRAPHICS, nothing is sent (the cell size then comes from TIOCGWINSZ).
    public static func detect(input: Int32, output: Int32, environment: [String: String],
                              timeout: Double = 0.1, override: GraphicsMode? = nil) -> TerminalCapabilities {
        var caps = fromEnvironment(environment)
        guard isatty(input) == 1, isatty(output) == 1 else {
            caps.applyOverride(explicit: override, environment: environment)
            return caps
        }
        var ws = winsize()
        var windowCell: PixelSize?
        if ioctl(output, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0, ws.ws_row > 0, ws.ws_xpixel > 0, ws.ws_ypixel > 0 {
            windowCell = PixelSize(width: Int(ws.ws_xpixel) / Int(ws.ws_col), height: Int(ws.ws_ypixel) / Int(ws.ws_row))
        }
        // A mode chosen by the user needs no question: skipping it also spares slow links
        // (ssh) a reply that arrives after the timeout and lands in the shell's input.
        let chosen = override != nil || environment["KINO_GRAPHICS"].flatMap { GraphicsMode(rawValue: $0.lowercased()) } != nil
        let replies = chosen ? TerminalReplies() : query(input: input, output: output, timeout: timeout, inTmux: caps.inTmux)
        caps.terminalAnswered = replies.deviceAttributes != nil
        caps.terminalReportsSixel = replies.sixel
        caps.terminalReportsKitty = replies.kittyGraphics
        if let n = replies.colorRegisters { caps.colorRegisters = min(max(n, 2), 256) }
        caps.maxSixelGeometry = replies.sixelGeometry
        let cell = (windowCell.flatMap { $0.width > 0 && $0.height > 0 ? $0 : nil }) ?? replies.cellSize ?? defaultCellSize
        caps.cellWidthPx = cell.width
        caps.cellHeightPx = cell.height
        if !caps.inTmux {
            if caps.terminalReportsKitty { caps.graphics = .kitty }
            else if caps.terminalReportsSixel { caps.graphics = .sixel }
        }
        caps.applyOverride(explicit: override, environment: environment)
        return caps
    }

    /// Writes the queries and collects the replies until DA1 arrives or the deadline passes.
    static func query(input: Int32, output: Int32, timeout: Double, inTmux: Bool) -> TerminalReplies {
        var saved = termios()
        guard tcgetattr(input, &saved) == 0 else { return TerminalReplies() }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(input, TCSANOW, &raw) == 0 else { return TerminalReplies() }
        defer { _ = tcsetattr(input, TCSANOW, &saved) }

        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, timeout) * 1e9)
        let query = Array(capabilityQuery(inTmux: inTmux).utf8)
        guard writeAll(output, query, deadline: deadline) else { return TerminalReplies() }

        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1024)
        while received.count < 65536 {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { break }
            var pfd = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            let waitMs = Int32(max(1, (deadline - now + 999_999) / 1_000_000))
            let ready = poll(&pfd, 1, waitMs)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0, pfd.revents & Int16(POLLIN) != 0 else {
                if ready > 0 { break }   // hang-up or error: nothing more will come
                continue
            }
            let n = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            guard n > 0 else { break }
            received += chunk[0..<n]
            if TerminalReplies(parsing: received).deviceAttributes != nil { break }
        }
        return TerminalReplies(parsing: received)
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], deadline: UInt64) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN, DispatchTime.now().uptimeNanoseconds < deadline { continue }
                return false
            }
            offset += n
        }
        return true
    }
}
