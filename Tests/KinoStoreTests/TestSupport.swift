import Foundation
import KinoCore

/// A fresh temporary folder per test, removed when the value goes away.
final class TempDir {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "kino-store-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func file(_ name: String) -> String { path + "/" + name }
}

/// A small project with a lighting setup, a scene, a character and two shots.
func sampleProject() throws -> Project {
    var p = Project(settings: ProjectSettings(name: "sample"))
    let (e1, light) = try p.addingLighting { LightingSetup(id: $0, name: "key") }
    try p.apply(e1)
    let (e2, scene) = try p.addingScene(name: "one", environment: "office", lighting: light)
    try p.apply(e2)
    let look = Appearance(skin: RGB(200, 160, 130), hair: RGB(20, 20, 20), top: RGB(200, 0, 0), bottom: RGB(0, 0, 120),
                          height: 1.7, build: .average, hairStyle: .short, faceSeed: 9)
    let (e3, ch) = try p.addingCharacter(name: "Ana", description: "a woman", reference: nil, appearance: look)
    try p.apply(e3)
    for i in 0..<2 {
        let (e, _) = try p.addingShot { Shot(id: $0, sceneID: scene, prompt: "shot \(i)", duration: 48, seed: UInt64(i),
                                             cast: [CastMember(characterID: ch)]) }
        try p.apply(e)
    }
    return p
}

func fileBytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

/// Runs a shell command, returning its exit status.
@discardableResult
func shell(_ command: String) -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", command]
    try! p.run()
    p.waitUntilExit()
    return p.terminationStatus
}
