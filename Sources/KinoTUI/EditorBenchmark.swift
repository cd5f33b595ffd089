import CNcurses
import Foundation
import KinoCore
import KinoEditor
import KinoKit

/// Measures the editor's interactive path on a 1,000-shot project: a key goes through
/// `reduce`, the view draws a CellGrid and curses flushes it into a real pty (opened with
/// openpty, drained by a reader thread), as `kino edit` does. Prints a table.
public enum EditorBenchmark {
    /// `project`: the project to open instead of the standard long one (kino-bench's open benchmark).
    public static func run(shots: Int = 1000, keys: Int = 2000, cols: Int = 160, rows: Int = 48, project given: Project? = nil) -> String {
        let memoryBefore = residentBytes()
        let project = given ?? benchmarkProject(shots: shots)
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(cols), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0,
              let output = fdopen(slave, "w"), let input = fdopen(dup(slave), "r") else {
            return "editor benchmark: could not open a pty (\(String(cString: strerror(errno))))"
        }
        let drained = PtyDrain(fd: master)
        let theme = (try? ThemeLibrary(folders: []).load("default")) ?? .fallback

        // The project as a real file, so the first screen includes opening it.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kino-editor-bench-\(getpid()).kino").path
        defer { try? FileManager.default.removeItem(atPath: file); try? FileManager.default.removeItem(atPath: file + "-wal"); try? FileManager.default.removeItem(atPath: file + "-shm") }
        try? FileManager.default.removeItem(atPath: file)
        guard let created = try? ProjectSession.create(at: file, project: project) else { return "editor benchmark: could not create \(file)" }
        created.close()

        // First screen: open the file, build the state, draw and flush everything.
        let t0 = DispatchTime.now().uptimeNanoseconds
        guard let session = try? ProjectSession.open(at: file) else { return "editor benchmark: could not open \(file)" }
        defer { session.close() }
        let opened = DispatchTime.now().uptimeNanoseconds - t0
        let screen = NcursesScreen(terminal: ("xterm-256color", output, input))
        var state = EditorState(project: session.project, projectPath: file, size: TerminalSize(cols: cols, rows: rows))
        _ = reduce(&state, .resized(state.size))
        state.shotStatus = Dictionary(uniqueKeysWithValues: project.shots.enumerated().map {
            ($0.element.id, ShotStatus(render: $0.offset % 3 == 0 ? .rendered : ($0.offset % 3 == 1 ? .stale : .notRendered),
                                       currentTake: 1, takeCount: 1 + $0.offset % 3))
        })
        screen.flush(render(state, theme: theme), usesColor: true)
        let firstScreen = DispatchTime.now().uptimeNanoseconds - t0

        // Keys: a mix of navigation, zoom, edits (prompt typing in insert mode) and panes.
        let script: [Key] = [.char("l"), .char("l"), .char("."), .char("]"), .char("+"), .char("h"), .char("["),
                             .char(","), .char("-"), .tab, .backTab, .char("G"), .char("g"), .char("l"), .char("i"),
                             .char("x"), .backspace, .escape, .char("?"), .escape, .char("z")]
        var keyTimes: [UInt64] = [], reduceViewTimes: [UInt64] = []
        var perKey: [String: [UInt64]] = [:], perKeyView: [String: [UInt64]] = [:]
        keyTimes.reserveCapacity(keys)
        for i in 0..<keys {
            let key = script[i % script.count]
            let a = DispatchTime.now().uptimeNanoseconds
            _ = reduce(&state, .key(key))
            let grid = render(state, theme: theme)
            let b = DispatchTime.now().uptimeNanoseconds
            screen.flush(grid, usesColor: true)
            let c = DispatchTime.now().uptimeNanoseconds
            keyTimes.append(c - a)
            perKey[key.description, default: []].append(c - a)
            perKeyView[key.description, default: []].append(b - a)
            reduceViewTimes.append(b - a)
        }
        screen.close()
        fclose(output); fclose(input)
        let bytes = drained.stop()
        let memoryAfter = residentBytes()

        func ms(_ ns: UInt64) -> String { String(format: "%.3f ms", Double(ns) / 1e6) }
        func pct(_ xs: [UInt64], _ p: Double) -> UInt64 {
            let s = xs.sorted()
            return s[min(s.count - 1, Int(Double(s.count - 1) * p))]
        }
        var out = "editor benchmark: \(project.shots.count) shots, \(cols)x\(rows) pty, \(keys) keys\n"
        out += "| measure | value |\n| --- | --- |\n"
        out += "| key -> screen updated (reduce+view+flush), median | \(ms(pct(keyTimes, 0.5))) |\n"
        out += "| key -> screen updated, p99 | \(ms(pct(keyTimes, 0.99))) |\n"
        out += "| key -> screen updated, max | \(ms(keyTimes.max() ?? 0)) |\n"
        out += "| reduce+view only, median / p99 | \(ms(pct(reduceViewTimes, 0.5))) / \(ms(pct(reduceViewTimes, 0.99))) |\n"
        out += "| first complete screen (open the .kino file, state, view, full flush) | \(ms(firstScreen)) |\n"
        out += "| of which opening the file (ProjectSession.open) | \(ms(opened)) |\n"
        let slowest = perKey.map { ($0.key, pct($0.value, 0.5)) }.sorted { $0.1 > $1.1 }.prefix(3)
        out += "| slowest keys (median) | " + slowest.map { "\($0.0) \(ms($0.1))" }.joined(separator: ", ") + " |\n"
        let slowestView = perKeyView.map { ($0.key, pct($0.value, 0.5)) }.sorted { $0.1 > $1.1 }.prefix(3)
        out += "| slowest keys, reduce+view only (median) | " + slowestView.map { "\($0.0) \(ms($0.1))" }.joined(separator: ", ") + " |\n"
        out += "| bytes written to the pty | \(bytes) |\n"
        out += String(format: "| resident memory after (before) | %.1f MiB (%.1f MiB) |\n",
                      Double(memoryAfter) / 1048576, Double(memoryBefore) / 1048576)
        return out
    }

    /// A long project: `shots` shots over 10 scenes, some with camera keys.
    static func benchmarkProject(shots: Int) -> Project {
        var p = Project(settings: ProjectSettings(name: "Benchmark"))
        p.scenes = (0..<10).map { Scene(id: SceneID(number: $0 + 1), name: "Scene \($0 + 1)") }
        var dolly = CameraPath.standard
        dolly[.positionZ] = AnimationCurve(keys: [Keyframe(frame: 0, value: 6), Keyframe(frame: 40, value: 3)])
        p.shots = (0..<shots).map { i in
            Shot(id: ShotID(number: 100 + i), sceneID: SceneID(number: 1 + i * 10 / shots), name: "Shot \(i + 1)",
                 prompt: "a woman in a red coat walks through a rainy city at night, shot \(i + 1)",
                 duration: 24 + (i * 37) % 96, seed: UInt64(i), camera: i % 4 == 0 ? dolly : .standard)
        }
        p.nextIDNumber = 100 + shots
        return p
    }

    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let parts = text.split(separator: " ")
        return parts.count > 1 ? (Int(parts[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }
}

/// Reads and discards what curses writes to the pty, so writes never block.
final class PtyDrain: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var total = 0
    private var done = false
    private var finished = false

    init(fd: Int32) {
        self.fd = fd
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                if poll(&pfd, 1, 20) > 0 {
                    let n = read(fd, &buffer, buffer.count)
                    if n > 0 { lock.withLock { total += n } } else { break }
                }
                if lock.withLock({ done }) { break }
            }
            lock.withLock { finished = true }
        }
        thread.start()
    }

    /// Stops reading; returns the bytes read.
    func stop() -> Int {
        Thread.sleep(forTimeInterval: 0.05)
        lock.withLock { done = true }
        while !lock.withLock({ finished }) { Thread.sleep(forTimeInterval: 0.01) }
        close(fd)
        return lock.withLock { total }
    }
}
