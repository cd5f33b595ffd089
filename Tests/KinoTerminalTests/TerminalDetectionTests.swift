import Foundation
import Testing
@testable import KinoTerminal
#if canImport(Glibc)
import Glibc
#endif

@Suite struct TerminalDetectionTests {
    let env = ["TERM": "xterm-256color"]

    func detect(reply: String?, environment: [String: String]? = nil,
                cellPixels: (cols: UInt16, rows: UInt16, width: UInt16, height: UInt16) = (80, 24, 0, 0),
                override: GraphicsMode? = nil) throws -> (TerminalCapabilities, Duration, FakeTerminal) {
        let terminal = try FakeTerminal(reply: reply.map { Array($0.utf8) }, cellPixels: cellPixels)
        let clock = ContinuousClock()
        var caps = TerminalCapabilities()
        let elapsed = clock.measure {
            caps = TerminalCapabilities.detect(input: terminal.slave, output: terminal.slave,
                                               environment: environment ?? env, timeout: 0.1, override: override)
        }
        return (caps, elapsed, terminal)
    }

    @Test func aTerminalAnsweringDA1WithAttribute4GetsSixel() throws {
        let (caps, _, terminal) = try detect(reply: "\u{1B}[?63;1;2;4;6;9;15;22c")
        defer { terminal.close() }
        #expect(caps.graphics == .sixel)
        #expect(caps.terminalAnswered && caps.terminalReportsSixel)
        #expect(terminal.written.hasSuffix("\u{1B}[c"), "DA1 is the last query")
    }

    @Test func aTerminalAnsweringDA1WithoutAttribute4GetsCharacterArt() throws {
        let (caps, _, terminal) = try detect(reply: "\u{1B}[?62;1;6;9;22c")
        defer { terminal.close() }
        #expect(caps.terminalAnswered)
        #expect(!caps.terminalReportsSixel)
        #expect(caps.graphics == .blocks)
        #expect(caps.colorDepth == .color256)
    }

    @Test func aTerminalThatNeverAnswersIsDecidedWithinTheTimeout() throws {
        let (caps, elapsed, terminal) = try detect(reply: nil)
        defer { terminal.close() }
        #expect(!caps.terminalAnswered)
        #expect(caps.graphics == .blocks)
        // The timeout is 100 ms; the generous bound is about the timeout working at all.
        #expect(elapsed < .milliseconds(500), "took \(elapsed)")
    }

    @Test func garbageRepliesAreIgnoredAndDoNotDelayTheDecision() throws {
        let garbage = "\u{1B}[?;;;\u{1B}\u{1B}[99999999999999999999999;4S\u{1B}_Gbroken\u{FFFD}xyz\u{1B}[6;;t\u{7F}\u{1B}["
        let (caps, elapsed, terminal) = try detect(reply: garbage)
        defer { terminal.close() }
        #expect(!caps.terminalReportsSixel)
        #expect(caps.graphics == .blocks)
        #expect(caps.colorRegisters == 256)
        #expect(caps.cellWidthPx == 10 && caps.cellHeightPx == 20)
        #expect(elapsed < .milliseconds(500), "took \(elapsed)")
    }

    @Test func garbageBeforeAValidReplyStillFindsSixel() throws {
        let (caps, _, terminal) = try detect(reply: "q\u{1B}[?;x\u{1B}[?62;4c")
        defer { terminal.close() }
        #expect(caps.graphics == .sixel)
    }

    @Test func colourRegistersGeometryAndCellSizeComeFromTheReplies() throws {
        let reply = "\u{1B}[?1;0;16S\u{1B}[?2;0;1000;800S\u{1B}[6;18;9t\u{1B}[?63;4c"
        let (caps, _, terminal) = try detect(reply: reply)
        defer { terminal.close() }
        #expect(caps.colorRegisters == 16)
        #expect(caps.maxSixelGeometry == PixelSize(width: 1000, height: 800))
        #expect(caps.cellWidthPx == 9 && caps.cellHeightPx == 18)
    }

    @Test func windowPixelSizeWinsOverTheCellSizeReply() throws {
        let (caps, _, terminal) = try detect(reply: "\u{1B}[6;18;9t\u{1B}[?63;4c", cellPixels: (100, 40, 800, 640))
        defer { terminal.close() }
        #expect(caps.cellWidthPx == 8 && caps.cellHeightPx == 16)
    }

    @Test func kittyGraphicsAnswerIsPreferred() throws {
        let (caps, _, terminal) = try detect(reply: "\u{1B}_Gi=31;OK\u{1B}\\\u{1B}[?62;4c")
        defer { terminal.close() }
        #expect(caps.terminalReportsKitty)
        #expect(caps.graphics == .kitty)
    }

    @Test func insideTmuxTheDefaultIsCharacterArtAndAnOverrideUsesPassthrough() throws {
        var tmux = env
        tmux["TMUX"] = "/tmp/tmux-0/default,1,0"
        let (caps, _, terminal) = try detect(reply: "\u{1B}[?62;4c", environment: tmux)
        terminal.close()
        #expect(caps.inTmux)
        #expect(caps.graphics == .blocks)
        tmux["KINO_GRAPHICS"] = "sixel"
        let (forced, _, terminal2) = try detect(reply: nil, environment: tmux)
        terminal2.close()
        #expect(forced.graphics == .sixel && forced.inTmux)
    }

    /// tmux reads an APC string as a pane title, so the kitty query must not reach it: the
    /// probe became the title "Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA". Outside tmux it is still asked.
    @Test func insideTmuxTheKittyQueryIsNotSent() throws {
        var tmux = env
        tmux["TMUX"] = "/tmp/tmux-0/default,1,0"
        let (_, _, inside) = try detect(reply: "\u{1B}[?62;4c", environment: tmux)
        inside.close()
        #expect(!inside.written.contains("\u{1B}_G"), "sent \(inside.written.debugDescription)")
        #expect(inside.written.hasSuffix("\u{1B}[c"), "DA1 is still asked, last")
        let (_, _, outside) = try detect(reply: "\u{1B}[?62;4c")
        outside.close()
        #expect(outside.written.hasPrefix("\u{1B}_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\"))
    }

    @Test func explicitModeBeatsKinoGraphicsWhichBeatsTheTerminal() throws {
        var e = env
        e["KINO_GRAPHICS"] = "ascii"
        let (fromEnv, _, t1) = try detect(reply: "\u{1B}[?62;4c", environment: e)
        t1.close()
        #expect(fromEnv.graphics == .ascii)
        let (explicit, _, t2) = try detect(reply: "\u{1B}[?62;4c", environment: e, override: .blocks)
        t2.close()
        #expect(explicit.graphics == .blocks)
    }

    @Test func aChosenModeAsksTheTerminalNothing() throws {
        let (caps, _, terminal) = try detect(reply: "\u{1B}[?62;4c", cellPixels: (100, 40, 900, 720), override: .blocks)
        #expect(terminal.flushThrough(marker: "<end>"))
        let written = terminal.written
        terminal.close()
        #expect(written == "<end>", "sent \(written.debugDescription)")
        #expect(caps.graphics == .blocks && !caps.terminalAnswered)
        #expect(caps.cellWidthPx == 9 && caps.cellHeightPx == 18)
    }

    @Test func theTerminalModeIsRestoredAfterTheQuery() throws {
        let terminal = try FakeTerminal(reply: Array("\u{1B}[?62;4c".utf8))
        defer { terminal.close() }
        var before = termios(), after = termios()
        tcgetattr(terminal.slave, &before)
        _ = TerminalCapabilities.detect(input: terminal.slave, output: terminal.slave, environment: env)
        tcgetattr(terminal.slave, &after)
        #expect(before.c_lflag == after.c_lflag)
        #expect(before.c_lflag & tcflag_t(ICANON) != 0)
    }

    @Test func notATerminalMeansNoQueryAndEnvironmentOnly() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        let caps = TerminalCapabilities.detect(input: fds[0], output: fds[1], environment: ["TERM": "xterm", "COLORTERM": "truecolor"])
        #expect(!caps.terminalAnswered)
        #expect(caps.colorDepth == .truecolor)
        var byte: UInt8 = 0
        #expect(fcntl(fds[0], F_SETFL, O_NONBLOCK) == 0)
        #expect(read(fds[0], &byte, 1) == -1, "nothing was written")
    }
}

@Suite struct EnvironmentCapabilityTests {
    @Test func colourDepthFollowsNoColorColortermTermAndTerminfo() {
        #expect(TerminalCapabilities.colorDepth(environment: ["TERM": "xterm", "COLORTERM": "truecolor"]) == .truecolor)
        #expect(TerminalCapabilities.colorDepth(environment: ["TERM": "screen-256color"]) == .color256)
        #expect(TerminalCapabilities.colorDepth(environment: ["TERM": "xterm", "NO_COLOR": "1"]) == .none)
        #expect(TerminalCapabilities.colorDepth(environment: ["TERM": "dumb"]) == .none)
        #expect(TerminalCapabilities.colorDepth(environment: [:]) == .none)
        // terminfo: plain xterm has 8 colours (16 with bright), vt100 none.
        #expect(TerminalCapabilities.colorDepth(environment: ["TERM": "xterm"]) == .color16)
        #expect(TerminalCapabilities.colorDepth(environment: ["TERM": "vt100"]) == .none)
    }

    @Test func terminfoColoursAreReadFromTheCompiledEntry() {
        #expect(Terminfo.colors(term: "xterm-256color", environment: [:]) == 256)
        #expect(Terminfo.colors(term: "xterm", environment: [:]) == 8)
        #expect(Terminfo.colors(term: "vt100", environment: [:]) == 0)
        #expect(Terminfo.colors(term: "no-such-terminal", environment: [:]) == nil)
        #expect(Terminfo.colors(compiled: [1, 2, 3]) == nil)
    }

    @Test func fromEnvironmentNeverChoosesGraphicsUnlessAsked() {
        #expect(TerminalCapabilities.fromEnvironment(["TERM": "xterm-256color"]).graphics == .blocks)
        #expect(TerminalCapabilities.fromEnvironment(["TERM": "xterm-256color", "NO_COLOR": "1"]).graphics == .ascii)
        #expect(TerminalCapabilities.fromEnvironment(["TERM": "xterm", "KINO_GRAPHICS": "SIXEL"]).graphics == .sixel)
        #expect(TerminalCapabilities.fromEnvironment(["TERM": "xterm"], override: .kitty).graphics == .kitty)
    }
}
