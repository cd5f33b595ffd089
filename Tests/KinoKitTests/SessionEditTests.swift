import Foundation
import KinoCore
import KinoKit
import PropertyBased
import Testing

@Suite struct SessionEditTests {
    @Test func testRandomEditSequencesUndoAndRedoThroughTheFile() async throws {
        let dir = TempFolder()
        let session = try DemoProject.create(at: dir.file("p.kino"))
        let start = session.project
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int(Int32.max)).array(of: 1...12)) { choices in
            var applied = 0
            for c in choices {
                guard let e = randomSessionEdit(session.project, choice: c) else { continue }
                if (try? session.apply(e)) != nil { applied += 1 }
            }
            let end = session.project
            for _ in 0..<applied { _ = try! session.undo() }
            #expect(session.project == start)
            for _ in 0..<applied { _ = try! session.redo() }
            #expect(session.project == end)
            // Undo again so every case starts from the demo.
            for _ in 0..<applied { _ = try! session.undo() }
        }
        // What the file holds equals what the session holds, and history survives reopening.
        let count = session.historyCounts
        session.close()
        let reopened = try ProjectSession.open(at: dir.file("p.kino"))
        #expect(reopened.project == start)
        #expect(reopened.historyCounts.undone == count.undone)
    }

    @Test func testUndoAfterReopenRevertsTheLastEdit() throws {
        let dir = TempFolder()
        do {
            let s = try DemoProject.create(at: dir.file("r.kino"))
            try s.apply { p in try p.updatingShot(p.shots[1].id) { $0.prompt = "edited" } }
            s.close()
        }
        let s = try ProjectSession.open(at: dir.file("r.kino"))
        #expect(s.project.shots[1].prompt == "edited")
        let undone = try s.undo()
        #expect(undone != nil)
        #expect(s.project.shots[1].prompt.hasPrefix("a smartphone"))
        #expect(try s.undo() == nil)
        #expect(try s.redo() != nil)
        #expect(s.project.shots[1].prompt == "edited")
    }

    @Test func testRefusedEditLeavesMemoryAndFileAlone() throws {
        let dir = TempFolder()
        let s = try DemoProject.create(at: dir.file("v.kino"))
        let before = s.project
        let bytes = FileManager.default.contents(atPath: dir.file("v.kino"))
        #expect(throws: ValidationError.self) { try s.apply { p in try p.updatingShot(p.shots[0].id) { $0.duration = -1 } } }
        #expect(s.project == before)
        #expect(s.historyCounts.done == 0)
        s.close()
        #expect(FileManager.default.contents(atPath: dir.file("v.kino")) == bytes)
    }
}

/// A random edit on `p` (may be refused by validation).
func randomSessionEdit(_ p: Project, choice: Int) -> Edit? {
    var rng = SeededRandom(seed: UInt64(choice))
    func pick(_ n: Int) -> Int { n <= 0 ? 0 : Int(rng.next() % UInt64(n)) }
    let i = pick(p.shots.count)
    switch choice % 8 {
    case 0: return try? p.addingShot({ Shot(id: $0, sceneID: p.scenes[pick(p.scenes.count)].id, prompt: "new \(choice)", duration: 1 + pick(100)) }).0
    case 1 where !p.shots.isEmpty: return try? p.removingShot(p.shots[i].id)
    case 2 where p.shots.count > 1: return try? p.movingShot(p.shots[i].id, to: pick(p.shots.count))
    case 3 where !p.shots.isEmpty: return try? p.updatingShot(p.shots[i].id) { $0.prompt = "p\(choice)"; $0.seed = UInt64(choice) }
    case 4 where !p.shots.isEmpty:
        return try? p.updatingShot(p.shots[i].id) { s in
            var c = s.camera[.focalLength]
            c.insert(Keyframe(frame: Double(pick(s.duration)), value: 20 + Double(pick(60))))
            s.camera[.focalLength] = c
            s.cameraIsExplicit = true
        }
    case 5: return try? p.addingScene(name: "scene \(choice)").0
    case 6: return try? p.updatingCharacter(p.characters[0].id) { $0.description = "changed \(choice)" }
    case 7: return try? p.updatingLighting(p.lightingSetups[pick(p.lightingSetups.count)].id) { $0.intensity = Double(pick(4)) }
    default: return nil
    }
}
