import Foundation
import Testing
import KinoCore
import KinoEngine
@testable import KinoKit

/// The one definition of a shot's inputs, seen from the session: the input hash, the render
/// state and the affected shots agree, and using a take again restores every input.
@Suite struct ShotInputsSessionTests {
    /// Three tiny shots (two frames each) in one scene, Ana cast in the first two, all rendered.
    func renderedProject(_ dir: TempFolder) throws -> ProjectSession {
        let s = try smallProject(at: dir.file("inputs.kino"), shots: [("Ana waves", 2.0 / 24), ("Ana sits down", 2.0 / 24), ("a red car", 2.0 / 24)],
                                 size: "64x36")
        for shot in s.project.shots { try s.render(shot: shot.id, quality: .preview) }
        #expect(s.project.shots.allSatisfy { s.renderState(of: $0.id) == .rendered })
        return s
    }

    func stale(_ s: ProjectSession) -> Set<ShotID> { Set(s.project.shots.filter { s.renderState(of: $0.id) == .stale }.map(\.id)) }

    /// For each kind of edit, the shots whose take stops matching are exactly the affected ones,
    /// and undoing the edit makes them rendered again.
    @Test func theShotsAnEditMakesStaleAreTheShotsItAffects() throws {
        let dir = TempFolder()
        let s = try renderedProject(dir)
        let p = s.project
        let ana = p.characters[0].id, light = p.lightingSetups[0].id, scene = p.scenes[0].id
        let edits: [(String, Edit)] = [
            ("character look", try p.updatingCharacter(ana) { $0.appearance.hairStyle = .bun }),
            ("lighting", try p.updatingLighting(light) { $0.intensity = 2.5 }),
            ("lighting name", try p.updatingLighting(light) { $0.name = "renamed" }),
            ("scene environment", try p.updatingScene(scene) { $0.environment = "a beach" }),
            ("shot prompt", try p.updatingShot(p.shots[2].id) { $0.prompt = "a blue car" }),
            ("shot name", try p.updatingShot(p.shots[2].id) { $0.name = "Car" }),
            ("frame rate", try p.updatingSettings { $0.frameRate = .fps25 }),
            ("resolution", try p.updatingSettings { $0.resolution = try Resolution(width: 96, height: 54) }),
        ]
        for (what, edit) in edits {
            let expected = edit.affectedShots(in: s.project)
            try s.apply(edit)
            #expect(stale(s) == expected, "\(what): stale \(stale(s).sorted()), affected \(expected.sorted())")
            try s.undo()
            #expect(stale(s).isEmpty, "\(what): still stale after undo")
        }
        #expect(try p.updatingCharacter(ana) { $0.appearance.hairStyle = .bun }.affectedShots(in: p) == [p.shots[0].id, p.shots[1].id])
    }

    /// Using an earlier take puts back every input field of the shot (ShotField.all, role
    /// input): a field added to Shot and to the table is restored without another list.
    @Test func usingATakeAgainRestoresEveryInput() throws {
        let dir = TempFolder()
        let s = try renderedProject(dir)
        let id = s.project.shots[0].id
        let original = s.project.shots[0]
        let take = try #require(original.currentTakeID)
        var light: LightingID!
        try s.apply { p in let (e, l) = try p.addingLighting { LightingSetup(id: $0, name: "night", timeOfDay: .night) }; light = l; return e }
        let other = Shot(id: id, sceneID: original.sceneID, prompt: "Ana runs away", duration: 3, seed: 999, cast: [],
                         camera: CameraPath.preset(.orbit, frames: 3, frameRate: .fps24), cameraPreset: .orbit, cameraIsExplicit: true,
                         startImage: MediaReference(path: dir.file("none.png"), contentHash: "00"),
                         sourceVideo: VideoSource(media: MediaReference(path: dir.file("none.mp4"), contentHash: "11"), inFrame: 0, outFrame: 3),
                         lightingID: light)
        let inputs = ShotField.all.filter { $0.role == .input }
        try s.apply { p in try p.updatingShot(id) { s in for f in inputs { f.copy(other, &s) } } }
        for f in inputs { #expect(f.differs(s.project.shot(id)!, original), "the test does not change \(f.name)") }
        #expect(s.renderState(of: id) == .stale)

        try s.useTake(take, for: id)
        let restored = try #require(s.project.shot(id))
        for f in inputs { #expect(!f.differs(restored, original), "using the take again did not restore \(f.name)") }
        #expect(s.renderState(of: id) == .rendered)
    }

    /// A take made before camera keys were stored as binary keeps its hash: migrating the file
    /// changes no input. (The take was made by procedural/1.0; engine 2.0 draws differently, so
    /// under today's engine the shot is stale, as every shot a new engine version draws is.)
    @Test func aTakeFromAVersion1FileIsStillCurrentAfterTheMigration() throws {
        let dir = TempFolder()
        var root = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) { root.deleteLastPathComponent() }
        try FileManager.default.copyItem(atPath: root.appendingPathComponent("Tests/Fixtures/v1-orbit.kino").path, toPath: dir.file("old.kino"))
        let s = try ProjectSession.open(at: dir.file("old.kino"))
        defer { s.close() }
        #expect(s.renderState(of: "sh5") == .notRendered)
        let shot = try #require(s.project.shot("sh4"))
        let maker = EngineIdentity(name: "procedural", version: "1.0")
        #expect(s.project.inputs(of: shot).hash(engine: maker) == "3ee7d7930fa5e67a")
        #expect(s.renderState(of: "sh4") == (s.engineIdentity == maker ? .rendered : .stale))
    }
}
