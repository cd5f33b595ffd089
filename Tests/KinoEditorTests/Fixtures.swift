import Foundation
import KinoCore
@testable import KinoEditor

/// A small real project like the demo: 3 scenes, 6 shots, 2 characters, 2 lighting setups.
func sampleProject() -> Project {
    var p = Project(settings: ProjectSettings(name: "Product explainer"))
    let studio = LightingSetup(id: "lt1", name: "Studio key", colorTemperature: 5600)
    let night = LightingSetup(id: "lt2", name: "City night", colorTemperature: 3200, timeOfDay: .night, weather: .rain)
    p.lightingSetups = [studio, night]
    p.scenes = [Scene(id: "sc3", name: "Intro", environment: "white studio", lightingID: "lt1"),
                Scene(id: "sc4", name: "Street", environment: "city street at night", lightingID: "lt2"),
                Scene(id: "sc5", name: "Outro", environment: "white studio", lightingID: "lt1")]
    let ava = Character(id: "ch6", name: "Ava", description: "a woman with short black hair in a red coat",
                        appearance: Appearance(skin: RGB(224, 172, 140), hair: RGB(20, 20, 24), top: RGB(200, 30, 40),
                                               bottom: RGB(40, 40, 60), height: 1.7, build: .slim, hairStyle: .short, faceSeed: 7))
    let ben = Character(id: "ch7", name: "Ben", description: "a man in a grey hoodie",
                        appearance: Appearance(skin: RGB(150, 100, 70), hair: RGB(60, 40, 20), top: RGB(120, 120, 120),
                                               bottom: RGB(30, 50, 90), height: 1.8, build: .average, hairStyle: .curly, faceSeed: 9))
    p.characters = [ava, ben]
    var dolly = CameraPath.standard
    dolly[.positionZ] = AnimationCurve(keys: [Keyframe(frame: 0, value: 6), Keyframe(frame: 47, value: 4), Keyframe(frame: 95, value: 3)])
    p.shots = [
        Shot(id: "sh8", sceneID: "sc3", name: "Product reveal", prompt: "a smartphone rotating on a white studio tabletop", duration: 96, seed: 8),
        Shot(id: "sh9", sceneID: "sc3", name: "Close-up", prompt: "close-up of the phone screen lighting up", duration: 72, seed: 9),
        Shot(id: "sh10", sceneID: "sc4", name: "Walk", prompt: "a woman in a red coat walks through a rainy city at night, camera following from behind",
             duration: 120, seed: 10, cast: [CastMember(characterID: "ch6", blocking: "walks left to right")], camera: dolly,
             cameraPreset: .dolly, cameraIsExplicit: true),
        Shot(id: "sh11", sceneID: "sc4", name: "Call", prompt: "the woman stops and uses her phone under a neon sign", duration: 96, seed: 11,
             cast: [CastMember(characterID: "ch6")]),
        Shot(id: "sh12", sceneID: "sc4", prompt: "a man in a grey hoodie waves at her", duration: 48, seed: 12,
             cast: [CastMember(characterID: "ch7")]),
        Shot(id: "sh13", sceneID: "sc5", name: "Logo", prompt: "the product box on the tabletop, camera orbit", duration: 72, seed: 13),
    ]
    p.nextIDNumber = 14
    return p
}

/// A state on the sample project at a given size.
func sampleState(cols: Int = 120, rows: Int = 36) -> EditorState {
    var s = EditorState(project: sampleProject(), projectPath: "/tmp/demo.kino", size: TerminalSize(cols: cols, rows: rows))
    _ = reduce(&s, .resized(TerminalSize(cols: cols, rows: rows)))
    return s
}

/// Applies actions in order, collecting every effect.
@discardableResult
func send(_ state: inout EditorState, _ actions: Action...) -> [Effect] {
    actions.flatMap { reduce(&state, $0) }
}

/// Types the characters of `text` as keys.
func typeKeys(_ text: String) -> [Action] { text.map { Action.key(.char($0)) } }

/// The package root (for Docs/, Themes/ and snapshot files).
let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
}()

/// True when the committed expectation files should be rewritten instead of compared.
let updatingSnapshots = ProcessInfo.processInfo.environment["KINO_UPDATE_SNAPSHOTS"] == "1"

/// Compares `actual` with the committed file; on mismatch, the message shows a line diff.
func expectMatchesFile(_ actual: String, _ relativePath: String) -> String? {
    let url = packageRoot.appendingPathComponent(relativePath)
    if updatingSnapshots {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        return nil
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        return "\(relativePath) is missing; run KINO_UPDATE_SNAPSHOTS=1 swift test --filter KinoEditorTests to write it"
    }
    if expected == actual { return nil }
    return "\(relativePath) differs (- expected, + actual):\n" + lineDiff(expected, actual)
        + "\nIf the change is intended, rerun with KINO_UPDATE_SNAPSHOTS=1."
}

/// The differing lines of two texts, numbered.
func lineDiff(_ a: String, _ b: String) -> String {
    let la = a.components(separatedBy: "\n"), lb = b.components(separatedBy: "\n")
    var out: [String] = []
    for i in 0..<max(la.count, lb.count) {
        let x = i < la.count ? la[i] : "<none>", y = i < lb.count ? lb[i] : "<none>"
        if x != y { out.append(String(format: "%4d - %@\n%4d + %@", i + 1, x, i + 1, y)) }
    }
    return out.prefix(40).joined(separator: "\n")
}
