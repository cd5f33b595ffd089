import Foundation
import KinoCore
import KinoKit

/// A fresh temporary folder per test, removed afterwards.
final class TempFolder {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "kino-kit-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func file(_ name: String) -> String { path + "/" + name }
}

/// A project with one scene, a lighting setup, a character and `shots` shots of `seconds`,
/// at a small resolution so tests render quickly.
func smallProject(at path: String, shots: [(prompt: String, seconds: Double)], size: String = "320x180",
                  fps: FrameRate = .fps24, environment: String = "living room") throws -> ProjectSession {
    let s = try ProjectSession.create(at: path, settings: ProjectSettings(name: "test", frameRate: fps,
                                                                          resolution: try Resolution.parse(size)))
    var light: LightingID!, scene: SceneID!
    try s.apply { p in let (e, id) = try p.addingLighting { LightingSetup(id: $0, name: "key") }; light = id; return e }
    try s.apply { p in let (e, id) = try p.addingScene(name: "main", environment: environment, lighting: light); scene = id; return e }
    let ana = try s.addCharacter(name: "Ana", description: "a woman with long red hair in a green coat", referencePath: nil)
    for (i, shot) in shots.enumerated() {
        let frames = try fps.frames(seconds: shot.seconds)
        try s.apply { p in
            try p.addingShot({ Shot(id: $0, sceneID: scene, prompt: shot.prompt, duration: frames,
                                    seed: UInt64(100 + i), cast: shot.prompt.contains("Ana") ? [CastMember(characterID: ana.id)] : []) }).0
        }
    }
    return s
}
