import PropertyBased
import Testing
@testable import KinoCore

func fixtureProject() throws -> Project {
    var p = Project(settings: ProjectSettings(name: "t"))
    let (e1, l) = try p.addingLighting { LightingSetup(id: $0, name: "day") }
    try p.apply(e1)
    let (e2, s1) = try p.addingScene(name: "A", lighting: l)
    try p.apply(e2)
    let (e3, s2) = try p.addingScene(name: "B")
    try p.apply(e3)
    let look = Appearance(skin: RGB(1, 2, 3), hair: RGB(4, 5, 6), top: RGB(7, 8, 9), bottom: RGB(1, 1, 1),
                          height: 1.8, build: .slim, hairStyle: .long, faceSeed: 1)
    let (e4, c) = try p.addingCharacter(name: "Bo", description: "a man", reference: nil, appearance: look)
    try p.apply(e4)
    for (i, sc) in [s1, s1, s2].enumerated() {
        let (e, _) = try p.addingShot { Shot(id: $0, sceneID: sc, prompt: "p\(i)", duration: 24 * (i + 1), cast: i == 0 ? [CastMember(characterID: c)] : []) }
        try p.apply(e)
    }
    return p
}

@Suite struct EditTests {
    @Test func testIdsAreShortStableAndNeverReused() throws {
        var p = try fixtureProject()
        let ids = p.shots.map(\.id.raw)
        #expect(ids.allSatisfy { $0.hasPrefix("sh") })
        try p.apply(try p.removingShot(p.shots[2].id))
        let (e, id) = try p.addingShot { Shot(id: $0, sceneID: p.scenes[1].id, prompt: "new", duration: 10) }
        try p.apply(e)
        #expect(!ids.contains(id.raw))
    }

    @Test func testShotsAreAddedAfterTheirScenesLastShot() throws {
        var p = try fixtureProject()
        let (e, id) = try p.addingShot { Shot(id: $0, sceneID: p.scenes[0].id, prompt: "x", duration: 5) }
        try p.apply(e)
        #expect(p.shots[2].id == id)
        #expect(p.shots[3].sceneID == p.scenes[1].id)
    }

    @Test func testEveryEditKindIsUndoneByItsInverse() throws {
        let p = try fixtureProject()
        var edits: [Edit] = [
            try p.updatingShot(p.shots[0].id) { $0.prompt = "changed"; $0.duration = 99; $0.seed = 5 },
            try p.movingShot(p.shots[0].id, to: 2),
            try p.removingShot(p.shots[1].id),
            try p.updatingScene(p.scenes[0].id) { $0.name = "Renamed" },
            try p.updatingCharacter(p.characters[0].id) { $0.description = "tall" },
            try p.updatingLighting(p.lightingSetups[0].id) { $0.intensity = 2 },
            try p.updatingSettings { $0.name = "other" },
            try p.settingCurrentTake(p.shots[0].id, "tk3"),
        ]
        edits.append(try p.addingScene(name: "C").0)
        edits.append(try p.addingLighting { LightingSetup(id: $0, name: "night", timeOfDay: .night) }.0)
        for e in edits {
            let after = try p.applying(e)
            #expect(after != p, "edit \(e.label) changed nothing")
            #expect(try after.applying(e.inverse) == p, "inverse of \(e.label) did not restore the project")
        }
    }

    @Test func testValidationRefusesBadEditsWithSentences() throws {
        let p = try fixtureProject()
        #expect(throws: ValidationError.invalidDuration("0.000")) { try p.updatingShot(p.shots[0].id) { $0.duration = 0 } }
        #expect(throws: ValidationError.duplicateName(kind: "scene", name: "a")) { try p.addingScene(name: "a") }
        #expect(throws: ValidationError.emptyName(kind: "scene")) { try p.addingScene(name: "  ") }
        #expect(throws: ValidationError.sceneNotEmpty(name: "A", shots: 2)) { try p.removingScene(p.scenes[0].id) }
        #expect(throws: ValidationError.unknownShot("sh99", count: 3)) { try p.resolveShot("sh99") }
        #expect(throws: ValidationError.unknownShot("4", count: 3)) { try p.resolveShot("4") }
        #expect(throws: ValidationError.self) { try p.updatingShot(p.shots[0].id) { $0.cast = [CastMember(characterID: "ch77")] } }
        #expect(throws: ValidationError.self) { try p.applying(.deleteCharacter(p.characters[0], at: 0)) }
        #expect(throws: ValidationError.self) { try p.movingShot(p.shots[0].id, to: 7) }
        let message = ValidationError.unknownShot("7", count: 5).errorDescription!
        #expect(message.hasPrefix("shot 7 does not exist; the project has 5 shots"))
    }

    @Test func testStaleEditIsRefusedAndProjectUnchanged() throws {
        var p = try fixtureProject()
        let e = try p.updatingShot(p.shots[0].id) { $0.prompt = "one" }
        try p.apply(try p.updatingShot(p.shots[0].id) { $0.prompt = "two" })
        let before = p
        #expect(throws: ValidationError.self) { try p.apply(e) }
        #expect(p == before)
    }

    @Test func testTimelineLookups() throws {
        let p = try fixtureProject()
        #expect(p.duration == 24 + 48 + 72)
        #expect(p.shotStarts == [0, 24, 72])
        #expect(p.shot(atTimelineFrame: 30)! == (1, 6))
        #expect(p.shot(atTimelineFrame: 144) == nil)
        #expect(try p.resolveShot("2").id == p.shots[1].id)
        #expect(try p.resolveScene("b").id == p.scenes[1].id)
    }

    @Test func testRandomEditSequencesUndoToTheStartAndRedoToTheEnd() async throws {
        let start = try fixtureProject()
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int(Int32.max)).array(of: 1...25)) { choices in
            var p = start
            var applied: [Edit] = []
            for c in choices {
                if let e = randomEdit(p, choice: c), let next = try? p.applying(e) {
                    p = next
                    applied.append(e)
                }
            }
            let end = p
            for e in applied.reversed() { p = try! p.applying(e.inverse) }
            #expect(p == start)
            for e in applied { p = try! p.applying(e) }
            #expect(p == end)
        }
    }
}

/// A random but valid-looking edit on `p`, chosen by `choice` (may be refused by validation).
func randomEdit(_ p: Project, choice: Int) -> Edit? {
    var rng = SeededRandom(seed: UInt64(choice))
    let pick = { (n: Int) -> Int in n == 0 ? 0 : Int(rng.next() % UInt64(n)) }
    let shotIndex = pick(max(p.shots.count, 1))
    switch choice % 9 {
    case 0:
        guard !p.scenes.isEmpty else { return nil }
        let scene = p.scenes[pick(p.scenes.count)].id
        return try? p.addingShot({ Shot(id: $0, sceneID: scene, prompt: "random \(choice)", duration: 1 + pick(200)) }).0
    case 1 where !p.shots.isEmpty: return try? p.removingShot(p.shots[shotIndex].id)
    case 2 where p.shots.count > 1: return try? p.movingShot(p.shots[shotIndex].id, to: pick(p.shots.count))
    case 3 where !p.shots.isEmpty: return try? p.updatingShot(p.shots[shotIndex].id) { $0.prompt = "prompt \(choice)" }
    case 4 where !p.shots.isEmpty: return try? p.updatingShot(p.shots[shotIndex].id) { $0.duration = 1 + pick(500); $0.seed = UInt64(choice) }
    case 5: return try? p.addingScene(name: "scene \(choice)").0
    case 6 where !p.scenes.isEmpty: return try? p.removingScene(p.scenes[pick(p.scenes.count)].id)
    case 7 where !p.shots.isEmpty:
        return try? p.updatingShot(p.shots[shotIndex].id) { s in
            var c = s.camera[.positionX]
            _ = c.insert(Keyframe(frame: Double(pick(s.duration)), value: Double(pick(10))))
            s.camera[.positionX] = c
            s.cameraIsExplicit = true
        }
    case 8: return try? p.addingLighting { LightingSetup(id: $0, name: "light \(choice)", intensity: Double(pick(4))) }.0
    default: return nil
    }
}
