import Foundation
import Testing
import KinoCore
import KinoEditor
import KinoKit
@testable import KinoTUI

/// The runtime's background work against a real project file: quitting joins every job
/// before the session closes, queued edits land, an export refreshes what it rendered.
@Suite(.serialized) struct EffectRunnerTests {
    /// Quitting during a long render, 40 times: each time `shutdown` returns only when no
    /// backend call is running, nothing reaches the backend afterwards, and the session
    /// closes under no reader. The moment of the quit varies: before the job starts, just
    /// after, and after frames arrived (the crash of issue 10 was a status read racing exit).
    @Test func testShutdownDuringLongRenderJoinsEveryJobBeforeTheSessionCloses() throws {
        let dir = TempFolder()
        let path = dir.file("long.kino")
        let created = try makeProject(at: path, seconds: [200, 2])
        let shots = created.project.shots.map(\.id)
        created.close()
        for i in 0..<40 {
            let session = try ProjectSession.open(at: path)
            let backend = WatchedBackend(SessionBackend(session: session))
            let queue = ActionQueue()
            let log = ActionLog(queue)
            let runner = EffectRunner(backend: backend, actions: queue)
            runner.perform([.refreshStatus(shots), try renderEffect(1, shot: shots[0]), .requestFrame(shot: shots[0], frame: 0),
                            .refreshStatus(shots)])
            switch i % 3 {
            case 0: break
            case 1: #expect(log.wait(seconds: 30) { $0.contains { $0.startedJob == 1 } }, "iteration \(i): the render never started")
            default: #expect(log.wait(seconds: 30) { $0.contains { ($0.progressFraction ?? 0) > 0 } }, "iteration \(i): no progress")
            }
            runner.perform([.refreshStatus(shots)])
            runner.shutdown()
            #expect(backend.inFlight == 0, "iteration \(i): a backend call still runs after shutdown")
            #expect(runner.isIdle)
            backend.close()
            // Work asked for after the quit is refused, at once: nothing is left to join.
            runner.perform([.refreshStatus(shots), .requestFrame(shot: shots[0], frame: 3), try renderEffect(2, shot: shots[1])])
            #expect(runner.isIdle, "iteration \(i): work started after shutdown")
            #expect(backend.callsAfterClose == 0, "iteration \(i): \(backend.callsAfterClose) calls after close")
            session.close()
            let finished = queue.drain().compactMap(\.finishedJob) + log.seen.compactMap(\.finishedJob)
            if i % 3 != 0 {
                #expect(finished.contains { $0.0 == 1 && { if case .cancelled = $0.1 { return true }; return false }($0) },
                        "iteration \(i): the render did not end cancelled: \(finished)")
            }
        }
        // The file is intact and holds only finished or cancelled takes of the long shot.
        let reopened = try ProjectSession.open(at: path)
        defer { reopened.close() }
        #expect(reopened.project.shots.count == 2)
        #expect(reopened.takes(of: shots[0]).allSatisfy { $0.status != .complete })
    }

    /// Edits the reducer already showed are saved even when the quit comes right after them.
    @Test func testEditsQueuedBeforeShutdownAreSaved() throws {
        let dir = TempFolder()
        let path = dir.file("edits.kino")
        let session = try makeProject(at: path, seconds: [1])
        let backend = SessionBackend(session: session)
        let runner = EffectRunner(backend: backend, actions: ActionQueue())
        var shot = session.project.shots[0]
        var effects: [Effect] = []
        for n in 1...20 {
            var next = shot
            next.prompt = "a red car, version \(n)"
            effects.append(.applyEdit(.updateShot(old: shot, new: next)))
            shot = next
        }
        runner.perform(effects)
        runner.shutdown()
        session.close()
        let reopened = try ProjectSession.open(at: path)
        defer { reopened.close() }
        #expect(reopened.project.shots[0].prompt == "a red car, version 20")
    }

    /// After an export from the editor, every shot it rendered reads as rendered: the runner
    /// refreshes the status of all shots, not only of the job's (an export has none).
    @Test func testExportRefreshesTheStatusOfEveryShot() throws {
        let dir = TempFolder()
        let path = dir.file("export.kino")
        let session = try makeProject(at: path, seconds: [0.5, 0.5, 0.5])
        defer { session.close() }
        let shots = session.project.shots.map(\.id)
        let queue = ActionQueue()
        let log = ActionLog(queue)
        let runner = EffectRunner(backend: SessionBackend(session: session), actions: queue)
        defer { runner.shutdown() }
        runner.perform([.refreshStatus(shots)])
        #expect(log.wait(seconds: 30) { seen in
            let merged = seen.compactMap(\.status).reduce(into: [ShotID: ShotStatus]()) { $0.merge($1) { _, b in b } }
            return shots.allSatisfy { merged[$0]?.render == .notRendered }
        })
        runner.perform([try exportEffect(1, to: dir.file("out.mp4"))])
        #expect(log.wait(seconds: 120) { $0.contains { $0.finishedJob?.0 == 1 } })
        guard case .succeeded = log.seen.compactMap(\.finishedJob).first(where: { $0.0 == 1 })?.1 else {
            Issue.record("export failed: \(log.seen.compactMap(\.finishedJob))"); return
        }
        let finishedAt = log.seen.lastIndex { $0.finishedJob?.0 == 1 }!
        #expect(log.wait(seconds: 30) { seen in
            let merged = seen[finishedAt...].compactMap(\.status).reduce(into: [ShotID: ShotStatus]()) { $0.merge($1) { _, b in b } }
            return shots.allSatisfy { merged[$0]?.render == .rendered }
        }, "after the export the shots do not all read as rendered")
    }
}
