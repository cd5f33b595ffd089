import Foundation
import Testing
import KinoCore
@testable import KinoEditor

/// Stale badges and job cancellation follow the one definition of a shot's inputs, whether
/// the change is the editor's own edit or the runtime's answer (undo, a character's new
/// reference, another process's edit).
@Suite struct StaleBadgeReducerTests {
    /// Every shot rendered; a render job on sh10 (Ava, Street), one on sh8 (Intro), an export.
    func busyState() -> EditorState {
        var s = sampleState()
        for shot in s.project.shots { s.shotStatus[shot.id] = ShotStatus(render: .rendered, currentTake: 1, takeCount: 1) }
        s.jobs = [Job(id: 1, kind: .render, shot: "sh10", phase: .running), Job(id: 2, kind: .render, shot: "sh8"),
                  Job(id: 3, kind: .export(path: "out.mp4"), shot: nil)]
        s.nextJobID = 4
        return s
    }

    /// The parts of the state an input change may touch, compared whole.
    func expectSame(_ a: EditorState, _ b: EditorState, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.project == b.project, sourceLocation: sourceLocation)
        #expect(a.shotStatus == b.shotStatus, sourceLocation: sourceLocation)
        #expect(a.jobs == b.jobs, sourceLocation: sourceLocation)
        #expect(a.message == b.message, sourceLocation: sourceLocation)
        #expect(a.selectedShot == b.selectedShot && a.playhead == b.playhead && a.mode == b.mode, sourceLocation: sourceLocation)
    }

    func renders(_ s: EditorState) -> [ShotID: ShotRenderStatus] { s.shotStatus.mapValues(\.render) }

    @Test func aCharactersNewLookFromTheRuntimeMarksItsShotsStaleAndCancelsTheirJobs() {
        var s = busyState()
        var expected = s
        var p = s.project
        p.characters[0].appearance.hairStyle = .bun         // Ava: sh10 and sh11
        let effects = reduce(&s, .projectChanged(p))
        #expect(effects == [.cancelJob(1), .refreshStatus(["sh10", "sh11"])])
        expected.project = p
        expected.shotStatus["sh10"]?.render = .stale
        expected.shotStatus["sh11"]?.render = .stale
        expectSame(s, expected)
    }

    @Test func aLightingEditMarksTheShotsLitByItStaleAndCancelsExactlyTheirJobs() {
        var s = busyState()
        var expected = s
        let edit = try! s.project.updatingLighting("lt2") { $0.intensity = 2 }   // Street: sh10, sh11, sh12
        let effects = s.commit(edit)
        #expect(effects == [.applyEdit(edit), .cancelJob(1), .refreshStatus(["sh10", "sh11", "sh12"])])
        expected.project = try! expected.project.applying(edit)
        for id: ShotID in ["sh10", "sh11", "sh12"] { expected.shotStatus[id]?.render = .stale }
        expected.message = StatusMessage("change lighting City night — cancelling render sh10 (inputs changed)")
        expectSame(s, expected)
    }

    @Test func aSceneEnvironmentEditAffectsOnlyThatScenesShots() {
        var s = busyState()
        let edit = try! s.project.updatingScene("sc3") { $0.environment = "black studio" }   // Intro: sh8, sh9
        #expect(s.commit(edit) == [.applyEdit(edit), .cancelJob(2), .refreshStatus(["sh8", "sh9"])])
        #expect(renders(s).filter { $0.value == .stale }.keys.sorted() == ["sh8", "sh9"])
    }

    @Test func renamingALightingSetupOrAShotChangesNoBadgeAndCancelsNothing() {
        var s = busyState()
        let before = s.shotStatus
        let rename = try! s.project.updatingLighting("lt2") { $0.name = "Neon" }
        #expect(s.commit(rename) == [.applyEdit(rename)])
        let shotName = try! s.project.updatingShot("sh10") { $0.name = "Hero walk" }
        #expect(s.commit(shotName) == [.applyEdit(shotName)])
        #expect(s.shotStatus == before)
        #expect(s.jobs.count == 3)
    }

    @Test func anUndoAnsweredByTheRuntimeRefreshesTheShotsItAffects() {
        var s = busyState()
        var p = s.project
        p.settings.frameRate = .fps25
        let effects = reduce(&s, .projectChanged(p))
        #expect(effects == [.cancelJob(1), .cancelJob(2), .refreshStatus(s.project.shots.map(\.id))])
        #expect(renders(s).values.allSatisfy { $0 == .stale })
    }

    @Test func aShotAddedElsewhereIsAskedForItsStatusAndNothingIsCancelled() {
        var s = busyState()
        var p = s.project
        p.shots.append(Shot(id: "sh20", sceneID: "sc5", prompt: "the end card", duration: 24))
        #expect(reduce(&s, .projectChanged(p)) == [.refreshStatus(["sh20"])])
        #expect(s.jobs.count == 3)
    }
}
