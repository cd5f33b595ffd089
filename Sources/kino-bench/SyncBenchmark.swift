import Dispatch
import Foundation
import KinoCore
import KinoEditor
import KinoKit
import KinoTUI

/// An edit another process commits, visible in the open editor: from the commit to the
/// editor's state having it, through the editor's real polling — ExternalEdits asking
/// ProjectSession to catch up on the edits queue, handed over on the UI loop's turns (which
/// come at least every 40 ms, the curses read timeout) and reduced as `.projectChanged`.
/// The writer is a second ProjectSession (its own SQLite connection, as the CLI has) on a
/// 1,000-shot project; commits land at seeded random moments so every poll phase is hit.
enum SyncBenchmark {
    static func run() throws -> String {
        let dir = NSTemporaryDirectory() + "kino-sync-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let demo = try DemoProject.create(at: dir + "/demo.kino")
        var project = demo.project
        demo.close()
        let scene = project.scenes[0].id
        while project.shots.count < 1000 {
            let (edit, _) = try project.addingShot { Shot(id: $0, sceneID: scene, prompt: "a car on a road", duration: 24, seed: 7) }
            try project.apply(edit)
        }
        let path = dir + "/sync.kino"
        try ProjectSession.create(at: path, project: project).close()

        let editor = try ProjectSession.open(at: path), writer = try ProjectSession.open(at: path)
        defer { editor.close(); writer.close() }
        let external = ExternalEdits(backend: SessionBackend(session: editor), queue: DispatchQueue(label: "bench.edits"))
        var state = EditorState(project: editor.project, projectPath: path, size: TerminalSize(cols: 160, rows: 48))
        _ = reduce(&state, .resized(state.size))

        let edits = 200
        var latencies: [Double] = []
        var rng = SeededRandom(seed: 20261202)
        for i in 0..<edits {
            let index = Int(rng.next() % UInt64(project.shots.count))
            let id = project.shots[index].id, prompt = "external edit \(i)"
            let delay = rng.next() % 60_000_000
            let committed = Committed()
            DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(delay))) {
                _ = try? writer.apply { try $0.updatingShot(id) { $0.prompt = prompt } }
                committed.set(DispatchTime.now().uptimeNanoseconds)
            }
            // The UI loop, idle: a turn every 40 ms (no keys), as EditorApp's.
            while true {
                if let p = external.step(now: DispatchTime.now().uptimeNanoseconds) { _ = reduce(&state, .projectChanged(p)) }
                if state.project.shot(id)?.prompt == prompt, let t = committed.value {
                    latencies.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6)
                    break
                }
                usleep(40_000)
            }
        }
        let sorted = latencies.sorted()
        func pct(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))] }
        return """
        external edit visible in the open editor (1,000 shots, \(edits) edits from a second connection)
        | measure | ms |
        | --- | --- |
        | median | \(String(format: "%.1f", pct(0.5))) |
        | p99 | \(String(format: "%.1f", pct(0.99))) |
        | max | \(String(format: "%.1f", sorted.last ?? 0)) |
        """
    }
}

/// When the writer's commit returned (set on its thread, read on the loop's).
private final class Committed: @unchecked Sendable {
    private let lock = NSLock()
    private var t: UInt64?
    func set(_ v: UInt64) { lock.withLock { t = v } }
    var value: UInt64? { lock.withLock { t } }
}
