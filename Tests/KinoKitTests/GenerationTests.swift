import Foundation
import KinoCore
import KinoEngine
import KinoKit
import Testing

/// Collects frames delivered by a render, in order.
final class FrameBox: @unchecked Sendable {
    private let lock = NSLock()
    private var frames: [Int: Frame] = [:]
    func put(_ i: Int, _ f: Frame) { lock.withLock { frames[i] = f } }
    var all: [Int: Frame] { lock.withLock { frames } }
}

func framesOf(_ s: ProjectSession, shot: ShotID, count: Int) throws -> [Frame] {
    try (0..<count).map { try s.frame(shot: shot, at: $0, quality: .preview) }
}

@Suite(.serialized) struct GenerationTests {
    @Test func testRenderTwiceReusesTheTakeAndItsFrames() throws {
        let dir = TempFolder()
        let s = try smallProject(at: dir.file("r.kino"), shots: [("a smartphone rotating 360 degrees on a white studio surface", 1)])
        let shot = s.project.shots[0].id
        #expect(s.renderState(of: shot) == .notRendered)
        let t1 = try s.render(shot: shot, quality: .preview)
        #expect(s.renderState(of: shot) == .rendered)
        let p = GenerationProgress()
        let t2 = try s.render(shot: shot, quality: .preview, progress: p)
        #expect(t1.id == t2.id)
        #expect(p.total == 0, "an unchanged shot rendered frames again")
        #expect(s.takes(of: shot).count == 1)
        // Editing the prompt makes it stale, and a render makes a second take.
        try s.apply { pr in try pr.updatingShot(shot) { $0.prompt = "a bottle rotating on a white studio surface" } }
        #expect(s.renderState(of: shot) == .stale)
        let t3 = try s.render(shot: shot, quality: .preview)
        #expect(t3.id != t1.id)
        #expect(s.takes(of: shot).count == 2)
        // Undo returns to the first take, which is fresh again.
        try s.undo()
        try s.undo()
        #expect(s.project.shots[0].currentTakeID == t1.id)
        #expect(s.renderState(of: shot) == .rendered)
    }

    @Test func testRefineKeepsFramesBeforeStartBitIdentical() throws {
        let dir = TempFolder()
        let s = try smallProject(at: dir.file("f.kino"), shots: [("Ana walking down a busy street in the rain", 5)], environment: "")
        let shot = s.project.shots[0].id
        let first = try s.render(shot: shot, quality: .preview)
        let before = try framesOf(s, shot: shot, count: 120)
        let refined = try s.refine(shot: shot, fromFrame: 96, seed: 999, quality: .preview)
        #expect(refined.id != first.id)
        let after = try framesOf(s, shot: shot, count: 120)
        for i in 0..<96 { #expect(after[i] == before[i], "frame \(i) changed") }
        #expect((96..<120).contains { after[$0] != before[$0] }, "the refined part did not change")
        let jump = Metrics.seamJump(before: after[95], after: after[96], context: Array(after[80..<95]))
        #expect(jump <= 1.5, "seam jump \(jump)")
        // The old take is still there and selectable.
        try s.useTake(first.id, for: shot)
        #expect(try framesOf(s, shot: shot, count: 120) == before)
    }

    @Test func testExtendKeepsTheOriginalFramesAndContinuesSmoothly() throws {
        let dir = TempFolder()
        let s = try smallProject(at: dir.file("e.kino"), shots: [("Ana walking through a living room", 2)])
        let shot = s.project.shots[0].id
        try s.render(shot: shot, quality: .preview)
        let before = try framesOf(s, shot: shot, count: 48)
        let t = try s.extend(shot: shot, frames: 48, quality: .preview)
        #expect(t.frameCount == 96)
        #expect(s.project.shots[0].duration == 96)
        let after = try framesOf(s, shot: shot, count: 96)
        #expect(Array(after[0..<48]) == before)
        let jump = Metrics.seamJump(before: after[47], after: after[48], context: Array(after[30..<47]))
        #expect(jump <= 1.5, "seam jump \(jump)")
        // Undo brings back the short shot and its first take.
        try s.undo()
        #expect(s.project.shots[0].duration == 48)
        #expect(s.renderState(of: shot) == .rendered)
    }

    @Test func testDeletedCacheIsRegeneratedBitIdenticalThroughTheLineage() throws {
        let dir = TempFolder()
        let s = try smallProject(at: dir.file("c.kino"), shots: [("Ana walking in a park at sunset", 3)])
        let shot = s.project.shots[0].id
        try s.render(shot: shot, quality: .preview)
        try s.refine(shot: shot, fromFrame: 30, toFrame: 50, seed: 5, quality: .preview)
        try s.extend(shot: shot, frames: 24, quality: .preview)
        let expected = try framesOf(s, shot: shot, count: 96)
        try FileManager.default.removeItem(atPath: s.cacheDirectory)
        let regenerated = try framesOf(s, shot: shot, count: 96)
        for i in 0..<96 { #expect(regenerated[i] == expected[i], "frame \(i) differs after regeneration") }
    }

    @Test func testCancelledRenderIsNotRecordedAsComplete() throws {
        let dir = TempFolder()
        let s = try smallProject(at: dir.file("x.kino"), shots: [("a busy city street at night with rain", 4)])
        let shot = s.project.shots[0].id
        let cancel = CancelToken()
        let box = FrameBox()
        #expect(throws: GenerationError.cancelled) {
            try s.render(shot: shot, quality: .preview, cancel: cancel) { i, f in
                box.put(i, f)
                if i == 5 { cancel.cancel() }
            }
        }
        #expect(box.all.count < 96)
        #expect(s.renderState(of: shot) == .notRendered)
        #expect(s.project.shots[0].currentTakeID == nil)
        #expect(s.takes(of: shot).allSatisfy { $0.status != .complete })
    }

    @Test func testRefineOutsideTheShotIsRefused() throws {
        let dir = TempFolder()
        let s = try smallProject(at: dir.file("o.kino"), shots: [("a bottle standing on a kitchen table", 1)])
        let shot = s.project.shots[0].id
        #expect(throws: KinoKitError.self) { try s.refine(shot: shot, fromFrame: 24, quality: .preview) }
        #expect(throws: KinoKitError.self) { try s.refine(shot: shot, fromFrame: 0, quality: .preview) }
        #expect(throws: KinoKitError.self) { try s.refine(shot: shot, fromFrame: 10, toFrame: 40, quality: .preview) }
        #expect(s.takes(of: shot).isEmpty)
    }

    @Test func testUnknownWordsAreReportedAndStillRender() throws {
        let dir = TempFolder()
        let s = try smallProject(at: dir.file("u.kino"), shots: [("zorblat quixotic flibber", 0.5)], environment: "")
        let shot = s.project.shots[0].id
        let report = s.interpret(shot: shot)
        #expect(Set(report.ignored) == ["zorblat", "quixotic", "flibber"])
        let t = try s.render(shot: shot, quality: .preview)
        #expect(t.status == .complete)
    }
}
