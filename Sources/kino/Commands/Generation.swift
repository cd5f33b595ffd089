import ArgumentParser
import Foundation
import KinoCore
import KinoKit

/// The generation verbs: render, extend, refine, takes, frame, preview, export.
let generationCommands: [ParsableCommand.Type] = [
    Render.self, Extend.self, Refine.self, Takes.self, FrameCommand.self, Preview.self, Export.self,
]

/// A progress line on a TTY (frames done, fps, time left); nothing when not a TTY.
final class ProgressLine: @unchecked Sendable {
    let progress = GenerationProgress()
    let label: String
    private var timer: DispatchSourceTimer?
    private let started = Date()
    private let tty = isatty(STDERR_FILENO) == 1

    init(_ label: String) {
        self.label = label
        guard tty else { return }
        let t = DispatchSource.makeTimerSource(queue: .global())
        t.schedule(deadline: .now() + 0.2, repeating: 0.2)
        t.setEventHandler { [weak self] in self?.draw() }
        t.resume()
        timer = t
    }

    func draw() {
        let done = progress.completed, total = max(progress.total, 1)
        let elapsed = Date().timeIntervalSince(started)
        let fps = elapsed > 0 ? Double(done) / elapsed : 0
        let left = fps > 0 ? Double(total - done) / fps : 0
        let width = 24
        let filled = min(width, width * done / total)
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let line = String(format: "\r%@ %@ %d/%d frames  %.1f fps  %.0fs left ", label, bar, done, total, fps, left)
        StandardStreams.writeError(line)
    }

    func finish() {
        timer?.cancel()
        timer = nil
        if tty { StandardStreams.writeError("\r\u{1B}[K") }
    }
}

/// The write end of the pipe the SIGINT/SIGTERM handler writes the signal number to.
/// A C signal handler may only make async-signal-safe calls, so it writes one byte and returns.
nonisolated(unsafe) private var interruptPipeWriteEnd: Int32 = -1

/// Cancels a job on SIGINT/SIGTERM, so the job can clean up (no half-written output). A second
/// signal while the job winds down ends the process the ordinary way. `finish()` hands the
/// signals back to their default behaviour.
///
/// The signals are caught with sigaction, which runs on whichever thread the kernel picks, and
/// handed to a dispatch source through a pipe. (A dispatch signal source alone lost signals: on
/// Linux it blocks the signal only on its own thread, so a render thread could take the signal
/// under SIG_IGN and the export ran to the end.)
final class InterruptCancels: @unchecked Sendable {
    let token = CancelToken()
    private var source: DispatchSourceRead?
    private var fds: [Int32] = [-1, -1]
    private static let signals = [SIGINT, SIGTERM]

    init() {
        guard pipe(&fds) == 0 else { return }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        for fd in fds { _ = fcntl(fd, F_SETFL, O_NONBLOCK) }
        interruptPipeWriteEnd = fds[1]
        let readEnd = fds[0]
        let s = DispatchSource.makeReadSource(fileDescriptor: readEnd, queue: .global())
        s.setEventHandler { [token] in
            var byte: UInt8 = 0
            while read(readEnd, &byte, 1) == 1 {
                let sig = Int32(byte)
                if token.isCancelled {
                    signal(sig, SIG_DFL)
                    raise(sig)
                }
                token.cancel()
            }
        }
        s.setCancelHandler { close(readEnd) }
        s.resume()
        source = s
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { sig in
            var byte = UInt8(truncatingIfNeeded: sig)
            _ = write(interruptPipeWriteEnd, &byte, 1)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        for sig in Self.signals { sigaction(sig, &action, nil) }
    }

    func finish() {
        for sig in Self.signals { signal(sig, SIG_DFL) }
        interruptPipeWriteEnd = -1
        if fds[1] >= 0 { close(fds[1]) }
        source?.cancel()
        source = nil
        fds = [-1, -1]
    }
}

/// Runs a background job with a progress line and SIGINT/SIGTERM cancelling it.
func withJob<T>(_ label: String, _ body: (GenerationProgress, CancelToken) throws -> T) throws -> T {
    let line = ProgressLine(label)
    let interrupt = InterruptCancels()
    defer { line.finish(); interrupt.finish() }
    return try body(line.progress, interrupt.token)
}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render shots (cached frames are reused); with --out, write numbered PNG frames.")
    @OptionGroup var project: ProjectPath
    @Option(help: "Only this shot (id or 1-based position); default: every shot.") var shot: String?
    @Option(help: "Frames A-B of the shot (0-based, inclusive) to write with --out.") var frames: String?
    @Option(help: "Folder for PNG frames (full resolution).") var out: String?
    @Flag(help: "Render at full resolution (default: preview size unless --out).") var full = false

    func run() throws {
        var range: ClosedRange<Int>? = nil
        if let frames {
            let parts = frames.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, let a = try? CheckedNumber.whole(parts[0], field: "--frames", range: 0...Int(Int32.max)),
                  let b = try? CheckedNumber.whole(parts[1], field: "--frames", range: 0...Int(Int32.max)), b >= a else {
                throw ValidationError.invalidNumber(field: "--frames", value: frames, expected: "A-B with 0 ≤ A ≤ B, such as 0-23")
            }
            guard shot != nil else { throw ValidationError.invalidNumber(field: "--frames", value: frames, expected: "--shot as well") }
            range = a...b
        }
        if let out, let shot {
            // Check what --out needs before rendering anything.
            let session = try project.open()
            let s = try session.project.resolveShot(shot)
            project.release(session)
            if let r = range, r.upperBound >= s.duration {
                throw ValidationError.outOfRange(field: "frame", value: "\(r.upperBound)", range: "0…\(s.duration - 1) (shot \(s.id))")
            }
            try ExportDestination.checkFolder(of: out)   // --out itself is created
        }
        var v = VerbInvocation("render")
        v.set("shot", shot)
        v.set("full", flag: full || out != nil)
        let (outcome, _) = try project.run(v)
        guard let out else { return }
        let session = try project.open()
        defer { project.release(session) }
        for job in outcome.jobs {
            guard let id = job.shot, let take = session.currentTake(of: id) else { continue }
            let r = range.map { $0.lowerBound..<($0.upperBound + 1) } ?? 0..<take.frameCount
            let n = try session.writeFrames(shot: id, range: r, to: out)
            print("wrote \(n) PNG frames to \(out)")
        }
    }
}

struct Extend: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Extend a shot by some seconds from the end of its current take; the original frames stay.")
    @OptionGroup var project: ProjectPath
    @Option(help: "Shot id or 1-based position.") var shot: String
    @Option(parsing: .unconditional, help: "How many seconds to add.") var seconds: String
    @Option(help: "Words for the added part only (kept in the take; the shot's prompt stays).") var prompt: String?
    @Flag(help: "Generate at full resolution (default: preview size).") var full = false

    func run() throws {
        var v = VerbInvocation("extend", ["shot": [shot], "seconds": [seconds]])
        v.set("prompt", prompt); v.set("full", flag: full)
        try project.run(v)
    }
}

struct Refine: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Regenerate a shot from a time on (to another), keeping every frame before it bit-identical.")
    @OptionGroup var project: ProjectPath
    @Option(help: "Shot id or 1-based position.") var shot: String
    @Option(parsing: .unconditional, help: "Start of the regenerated part: seconds or timecode; negative counts from the shot's end.") var from: String
    @Option(parsing: .unconditional, help: "End of the regenerated part (default: the shot's end).") var to: String?
    @Option(parsing: .unconditional, help: "A new seed for the regenerated part.") var seed: String?
    @Option(help: "Words for the regenerated part only (kept in the take; the shot's prompt stays).") var prompt: String?
    @Flag(help: "Generate at full resolution (default: preview size).") var full = false

    func run() throws {
        var v = VerbInvocation("refine", ["shot": [shot], "from": [from]])
        v.set("to", to); v.set("seed", seed); v.set("prompt", prompt); v.set("full", flag: full)
        try project.run(v)
    }
}

struct Takes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List a shot's takes (complete ones numbered; cancelled and failed apart), or choose which one it uses.")
    @OptionGroup var project: ProjectPath
    @Option(help: "Shot id or 1-based position.") var shot: String
    @Option(help: "Make this take (its number among the complete takes, or its id like tk3) the shot's current one.") var use: String?
    @OptionGroup var output: JSONFlag

    func run() throws {
        if let use {
            try project.run(VerbInvocation("take", ["shot": [shot], "take": [use]]))
            return
        }
        let session = try project.open()
        defer { project.release(session) }
        let s = try session.project.resolveShot(shot)
        let list = session.takeList(of: s.id)
        let current = session.project.shot(s.id)?.currentTakeID
        let rows = list.complete.enumerated().map { TakeJSON(take: $1, number: $0 + 1, current: $1.id == current, framesDone: $1.frameCount) }
            + list.unfinished.map { TakeJSON(take: $0, number: nil, current: false, framesDone: session.framesDone($0)) }
        if output.json {
            try printJSON(rows)
        } else if rows.isEmpty {
            print("\(s.id) has no takes; render it with 'kino render --shot \(s.id)'")
        } else {
            for t in rows where t.number != nil {
                print("\(t.current ? "*" : " ") \(t.number!). \(t.id)  \(t.frames) frames  seed \(t.seed)  \(t.lineage)  \"\(t.prompt)\"")
            }
            let apart = rows.filter { $0.number == nil }
            if !apart.isEmpty {
                print("not finished:")
                for t in apart { print("    \(t.id)  \(t.status)  \(t.frames) of \(t.planned) frames done  seed \(t.seed)  \(t.lineage)") }
            }
        }
    }

    struct TakeJSON: Encodable {
        let id: String, number: Int?, status: String, frames: Int, planned: Int, seed: UInt64, lineage: String, current: Bool
        let engine: String, prompt: String
        init(take t: Take, number: Int?, current: Bool, framesDone: Int) {
            id = t.id.raw; self.number = number; status = t.status.rawValue; frames = framesDone; planned = t.frameCount; seed = t.seed
            lineage = TakeJSON.describe(t.lineage); self.current = current; engine = t.engine; prompt = t.prompt
        }
        static func describe(_ l: TakeLineage) -> String {
            switch l {
            case .rendered: return "rendered"
            case .imported: return "imported"
            case .extended(let from, let frames): return "extended from \(from) by \(frames) frames"
            case .refined(let from, let at): return "refined from \(from) at frame \(at)"
            }
        }
    }
}

struct FrameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "frame", abstract: "Write one full-resolution frame of a shot as PNG.")
    @OptionGroup var project: ProjectPath
    @Option(help: "Shot id or 1-based position.") var shot: String
    @Option(parsing: .unconditional, help: "Time within the shot (seconds or timecode; negative counts from its end).") var time: String
    @Option(name: .short, help: "Output PNG file (.png).") var o: String

    func run() throws {
        try project.run(VerbInvocation("frame", ["shot": [shot], "time": [time], "output": [o]]))
    }
}

struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a frame of a shot in the terminal (sixel, kitty or character art), or a strip of it.")
    @OptionGroup var project: ProjectPath
    @Option(help: "Shot id or 1-based position.") var shot: String
    @Option(parsing: .unconditional, help: "Time within the shot (seconds or timecode; negative counts from its end).") var time = "0"
    @Option(help: "How to draw.") var mode: PreviewMode = .auto
    @Option(parsing: .unconditional, help: "Width in terminal columns (default: the terminal's, at most 100).") var cols: String?
    @Option(parsing: .unconditional, help: "Height in terminal rows (default: keep the aspect).") var rows: String?
    @Flag(help: "A contact sheet: one thumbnail every second, labelled with its time.") var strip = false

    func run() throws {
        let width = try cols.map { try CheckedNumber.whole($0, field: "--cols", range: 1...2000) } ?? min(100, terminalColumns() ?? 80)
        let height = try rows.map { try CheckedNumber.whole($0, field: "--rows", range: 1...2000) }
        let session = try project.open()
        defer { project.release(session) }
        let p = session.project
        let s = try p.resolveShot(shot)
        let caps = ProjectSession.terminalCapabilities(mode: mode)
        if strip {
            // Terminal graphics are the output itself: written as they are, never escaped.
            StandardStreams.writeOutput(try session.previewStrip(shot: s.id, capabilities: caps, cols: width))
            return
        }
        let f = try VerbArgument("time", .shotTime, "").frames(time, in: p, shot: s)
        guard f < s.duration else {
            throw ValidationError.outOfRange(field: "time", value: time, range: "0…\(Kino.seconds(s.duration - 1, p.frameRate)) s (shot \(s.id))")
        }
        StandardStreams.writeOutput(try session.preview(shot: s.id, frame: f, capabilities: caps, cols: width, rows: height))
    }

    func terminalColumns() -> Int? {
        var ws = winsize()
        guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 else { return nil }
        return Int(ws.ws_col)
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the timeline (or a range) to a video file or a PNG folder.",
        discussion: "The codec comes from the name: .mp4 h264 (libx264 yuv420p, BT.709, faststart), .mov prores (ProRes 422 HQ), .mkv ffv1 (lossless), a folder without an extension png (numbered frames). --codec must agree with the name. The file is written under a temporary name and renamed when complete; a destination in a missing folder is refused before anything renders.")
    @OptionGroup var project: ProjectPath
    @Option(name: .short, help: "Output file (or folder for png).") var o: String
    @Option(help: "Codec; must agree with the name's extension (default: the one it implies).") var codec: ExportCodec?
    @Option(parsing: .unconditional, help: "Range A-B of the timeline in seconds or timecode.") var range: String?
    @Option(parsing: .unconditional, help: "H.264 quality, 0–51 (lower is better; default 18).") var crf: String?
    @Option(help: "H.264 speed preset (ultrafast … veryslow; default medium).") var preset: String?
    @Option(parsing: .unconditional, help: "Normalise the sound to this loudness, LUFS (−16 web, −23 EBU R128).") var loudness: String?
    @Flag(help: "Export the picture without sound.") var silent = false

    func run() throws {
        var v = VerbInvocation("export", ["output": [o]])
        v.set("codec", codec?.rawValue); v.set("range", range); v.set("crf", crf); v.set("preset", preset)
        v.set("loudness", loudness); v.set("silent", flag: silent)
        try project.run(v)
    }
}

extension Kino {
    static func seconds(_ frames: Int, _ rate: FrameRate) -> String { kino.seconds(frames, rate) }
}
