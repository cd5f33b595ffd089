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

/// Cancels a job on SIGINT/SIGTERM, so the job can clean up (no half-written output). A second
/// signal while the job winds down ends the process the ordinary way. `finish()` hands the
/// signals back to their default behaviour.
final class InterruptCancels: @unchecked Sendable {
    let token = CancelToken()
    private var sources: [DispatchSourceSignal] = []
    private static let signals = [SIGINT, SIGTERM]
    init() {
        for sig in Self.signals {
            signal(sig, SIG_IGN)
            let s = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            s.setEventHandler { [token] in
                if token.isCancelled {
                    signal(sig, SIG_DFL)
                    raise(sig)
                }
                token.cancel()
            }
            s.resume()
            sources.append(s)
        }
    }

    func finish() {
        for s in sources { s.cancel() }
        sources = []
        for sig in Self.signals { signal(sig, SIG_DFL) }
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
        let session = try project.open()
        defer { project.release(session) }
        let p = session.project
        let shots = try shot.map { [try p.resolveShot($0)] } ?? p.shots
        let quality: RenderQuality = (full || out != nil) ? .full : .preview
        var range: ClosedRange<Int>? = nil
        if let frames {
            let parts = frames.split(separator: "-").map { Int($0) }
            guard parts.count == 2, let a = parts[0], let b = parts[1], a >= 0, b >= a else {
                throw ValidationError.invalidNumber(field: "--frames", value: frames, expected: "A-B with 0 ≤ A ≤ B, such as 0-23")
            }
            guard shots.count == 1 else { throw ValidationError.invalidNumber(field: "--frames", value: frames, expected: "--shot as well") }
            guard b < shots[0].duration else {
                throw ValidationError.outOfRange(field: "frame", value: "\(b)", range: "0…\(shots[0].duration - 1) (shot \(shots[0].id))")
            }
            range = a...b
        }
        for s in shots {
            let before = session.currentTake(of: s.id)?.id
            let started = Date()
            let take = try withJob("render \(s.id)") { progress, cancel in
                try session.render(shot: s.id, quality: quality, progress: progress, cancel: cancel)
            }
            let seconds = Date().timeIntervalSince(started)
            let reused = take.id == before
            print("\(s.id): \(reused ? "up to date" : "rendered") take \(take.id) (\(take.frameCount) frames, \(String(format: "%.2f", seconds)) s)")
            if let out {
                let r = range.map { $0.lowerBound..<($0.upperBound + 1) } ?? 0..<take.frameCount
                let n = try session.writeFrames(shot: s.id, range: r, to: out)
                print("wrote \(n) PNG frames to \(out)")
            }
        }
    }
}

struct Extend: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Extend a shot by some seconds from the end of its current take; the original frames stay.")
    @OptionGroup var project: ProjectPath
    @Option(help: "Shot id or 1-based position.") var shot: String
    @Option(parsing: .unconditional, help: "How many seconds to add.") var seconds: String
    @Option(help: "A new prompt for the added part.") var prompt: String?
    @Flag(help: "Generate at full resolution (default: preview size).") var full = false

    func run() throws {
        let session = try project.open()
        defer { project.release(session) }
        let p = session.project
        let s = try p.resolveShot(shot)
        let frames = try Parse.duration(seconds, rate: p.frameRate)
        let take = try withJob("extend \(s.id)") { progress, cancel in
            try session.extend(shot: s.id, frames: frames, prompt: prompt, quality: full ? .full : .preview,
                               progress: progress, cancel: cancel)
        }
        print("\(s.id): extended by \(Kino.seconds(frames, p.frameRate)) s as take \(take.id) (\(take.frameCount) frames)")
    }
}

struct Refine: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Regenerate a shot from a time on (to another), keeping every frame before it bit-identical.")
    @OptionGroup var project: ProjectPath
    @Option(help: "Shot id or 1-based position.") var shot: String
    @Option(parsing: .unconditional, help: "Start of the regenerated part (seconds or timecode).") var from: String
    @Option(parsing: .unconditional, help: "End of the regenerated part (default: the shot's end).") var to: String?
    @Option(parsing: .unconditional, help: "A new seed for the regenerated part.") var seed: String?
    @Option(help: "A new prompt for the regenerated part.") var prompt: String?
    @Flag(help: "Generate at full resolution (default: preview size).") var full = false

    func run() throws {
        let session = try project.open()
        defer { project.release(session) }
        let p = session.project
        let s = try p.resolveShot(shot)
        let a = try Parse.time(from, rate: p.frameRate)
        let b = try to.map { try Parse.time($0, rate: p.frameRate) }
        let newSeed = try seed.map(Parse.seed)
        let take = try withJob("refine \(s.id)") { progress, cancel in
            try session.refine(shot: s.id, fromFrame: a, toFrame: b, seed: newSeed, prompt: prompt,
                               quality: full ? .full : .preview, progress: progress, cancel: cancel)
        }
        print("\(s.id): refined from \(Kino.seconds(a, p.frameRate)) s as take \(take.id); frames before are unchanged")
    }
}

struct Takes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List a shot's takes, or choose which one it uses.")
    @OptionGroup var project: ProjectPath
    @Option(help: "Shot id or 1-based position.") var shot: String
    @Option(help: "Make this take (id like tk3, or its 1-based number in the list) the shot's current one.") var use: String?
    @OptionGroup var output: JSONFlag

    func run() throws {
        let session = try project.open()
        defer { project.release(session) }
        let s = try session.project.resolveShot(shot)
        let takes = session.takes(of: s.id)
        if let use {
            let id: TakeID
            if let n = Int(use) {
                guard n >= 1, n <= takes.count else { throw ValidationError.unknownTake(use) }
                id = takes[n - 1].id
            } else { id = TakeID(raw: use) }
            try session.useTake(id, for: s.id)
            print("\(s.id) now uses take \(id)")
            return
        }
        let current = session.project.shot(s.id)?.currentTakeID
        if output.json {
            try printJSON(takes.map { TakeJSON(take: $0, current: $0.id == current) })
        } else if takes.isEmpty {
            print("\(s.id) has no takes; render it with 'kino render --shot \(s.id)'")
        } else {
            for (i, t) in takes.enumerated() {
                print("\(t.id == current ? "*" : " ") \(i + 1). \(t.id)  \(t.status.rawValue)  \(t.frameCount) frames  seed \(t.seed)  \(TakeJSON.describe(t.lineage))")
            }
        }
    }

    struct TakeJSON: Encodable {
        let id: String, status: String, frames: Int, seed: UInt64, lineage: String, current: Bool, engine: String, prompt: String
        init(take t: Take, current: Bool) {
            id = t.id.raw; status = t.status.rawValue; frames = t.frameCount; seed = t.seed
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
    @Option(parsing: .unconditional, help: "Time within the shot (seconds or timecode).") var time: String
    @Option(name: .short, help: "Output PNG file.") var o: String

    func run() throws {
        let session = try project.open()
        defer { project.release(session) }
        let p = session.project
        let s = try p.resolveShot(shot)
        let f = try Parse.time(time, rate: p.frameRate)
        let frame = try withJob("render \(s.id)") { progress, cancel in
            try session.frame(shot: s.id, at: f, quality: .full, progress: progress, cancel: cancel)
        }
        try session.writePNG(frame, to: o)
        print("wrote \(o) (\(frame.width)x\(frame.height), \(s.id) frame \(f))")
    }
}

struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a frame of a shot in the terminal (sixel, kitty or character art), or a strip of it.")
    @OptionGroup var project: ProjectPath
    @Option(help: "Shot id or 1-based position.") var shot: String
    @Option(parsing: .unconditional, help: "Time within the shot (seconds or timecode).") var time = "0"
    @Option(help: "auto, sixel, kitty, blocks or ascii.") var mode = "auto"
    @Option(help: "Width in terminal columns (default: the terminal's, at most 100).") var cols: Int?
    @Option(help: "Height in terminal rows (default: keep the aspect).") var rows: Int?
    @Flag(help: "A contact sheet: one thumbnail every second, labelled with its time.") var strip = false

    func run() throws {
        guard let m = PreviewMode(rawValue: mode.lowercased()) else {
            throw ValidationError.invalidNumber(field: "mode", value: mode, expected: "auto, sixel, kitty, blocks or ascii")
        }
        let session = try project.open()
        defer { project.release(session) }
        let p = session.project
        let s = try p.resolveShot(shot)
        let caps = ProjectSession.terminalCapabilities(mode: m)
        let width = cols ?? min(100, terminalColumns() ?? 80)
        if strip {
            print(try session.previewStrip(shot: s.id, capabilities: caps, cols: width), terminator: "")
            return
        }
        let f = try Parse.time(time, rate: p.frameRate)
        guard f < s.duration else {
            throw ValidationError.outOfRange(field: "time", value: time, range: "0…\(Kino.seconds(s.duration - 1, p.frameRate)) s (shot \(s.id))")
        }
        print(try session.preview(shot: s.id, frame: f, capabilities: caps, cols: width, rows: rows), terminator: "")
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
        discussion: "Codecs: h264 (MP4, libx264 yuv420p, BT.709, faststart), prores (MOV, ProRes 422 HQ), ffv1 (MKV, lossless), png (a folder of numbered frames). The file is written under a temporary name and renamed when complete.")
    @OptionGroup var project: ProjectPath
    @Option(name: .short, help: "Output file (or folder for png).") var o: String
    @Option(help: "h264, prores, ffv1 or png.") var codec = "h264"
    @Option(parsing: .unconditional, help: "Range A-B of the timeline in seconds or timecode.") var range: String?
    @Option(help: "H.264 quality, 0–51 (lower is better).") var crf = 18
    @Option(help: "H.264 speed preset (ultrafast … veryslow).") var preset = "medium"

    func run() throws {
        let session = try project.open()
        defer { project.release(session) }
        let p = session.project
        let r = try range.map { try Parse.range($0, rate: p.frameRate) }
        let result = try withJob("export") { progress, cancel in
            try session.export(to: o, codec: codec, crf: crf, preset: preset, range: r, progress: progress, cancel: cancel)
        }
        print("wrote \(result.path): \(result.codec) \(result.width)x\(result.height), \(result.frames) frames, \(String(format: "%.3f", result.seconds)) s, \(result.bytes) bytes")
    }
}

extension Kino {
    static func seconds(_ frames: Int, _ rate: FrameRate) -> String { kino.seconds(frames, rate) }
}
