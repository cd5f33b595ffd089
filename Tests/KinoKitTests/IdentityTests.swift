import Foundation
import KinoCore
import KinoEngine
import KinoKit
import Testing

/// A character's look, measured from the pixels it covers, stays the same across shots in
/// different environments under one lighting setup; two characters differ clearly.
@Suite struct IdentityTests {
    /// Renders frame 12 of a static-camera shot in `environment`, with `character` standing
    /// and without anyone, and measures the character from the pixels that differ.
    func signature(_ dir: TempFolder, environment: String, character: (name: String, description: String)) throws -> IdentitySignature {
        let s = try ProjectSession.create(at: dir.file("\(environment)-\(character.name).kino"),
                                          settings: ProjectSettings(name: "id", resolution: try Resolution.parse("320x180")))
        defer { s.close() }
        var light: LightingID!, scene: SceneID!
        try s.apply { p in let (e, id) = try p.addingLighting { LightingSetup(id: $0, name: "one setup", keyAzimuth: 30, keyElevation: 50) }; light = id; return e }
        try s.apply { p in let (e, id) = try p.addingScene(name: "s", environment: environment, lighting: light); scene = id; return e }
        let c = try s.addCharacter(name: character.name, description: character.description, referencePath: nil)
        for cast in [[CastMember(characterID: c.id)], []] {
            try s.apply { p in
                try p.addingShot({ id in
                    var shot = Shot(id: id, sceneID: scene, prompt: cast.isEmpty ? "" : "\(character.name) standing", duration: 24, seed: 3, cast: cast)
                    ProjectSession.applyPreset(.static, to: &shot, frameRate: p.frameRate)
                    return shot
                }).0
            }
        }
        let with = try s.frame(shot: s.project.shots[0].id, at: 12, quality: .preview)
        let without = try s.frame(shot: s.project.shots[1].id, at: 12, quality: .preview)
        var minX = Int.max, minY = Int.max, maxX = -1, maxY = -1
        var covered = Set<Int>()
        for y in 0..<with.height {
            for x in 0..<with.width {
                let i = (y * with.width + x) * 4
                let d = (0..<3).map { abs(Int(with.pixels[i + $0]) - Int(without.pixels[i + $0])) }.max()!
                if d > 24 {
                    covered.insert(y * with.width + x)
                    minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
                }
            }
        }
        #expect(covered.count > 200, "\(environment): the character covers only \(covered.count) pixels")
        let w = with.width
        return Metrics.identitySignature(frame: with, region: PixelRect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1),
                                         mask: { x, y in covered.contains(y * w + x) })
    }

    @Test func testOneCharacterLooksTheSameInThreeRoomsAndTwoCharactersDiffer() throws {
        let dir = TempFolder()
        let ana = (name: "Ana", description: "a woman with long red hair in a green coat and black trousers")
        let bo = (name: "Bo", description: "a tall man with short blond hair in a white shirt and blue jeans")
        let rooms = ["living room", "kitchen", "office"]
        let anas = try rooms.map { try signature(dir, environment: $0, character: ana) }
        let bos = try signature(dir, environment: "living room", character: bo)
        let drift = Metrics.identityDrift(anas)
        let apart = Metrics.identityDistance(anas[0], bos)
        print("identity: drift \(drift) across three rooms, \(apart) between two characters")
        #expect(drift < Metrics.identityDriftThreshold, "drift \(drift)")
        #expect(apart > 2 * Metrics.identityDriftThreshold, "two characters only \(apart) apart")
        #expect(apart > 3 * drift, "margin: apart \(apart), drift \(drift)")
    }
}
