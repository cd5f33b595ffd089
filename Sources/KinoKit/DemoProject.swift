import Foundation
import KinoCore
import KinoEngine

/// The sample project of Docs/UserGuide.md: a 30-second product explainer in three scenes —
/// a box whose lid lifts to reveal the phone under a push-in, a smartphone that fills the
/// frame as it turns 360° under an orbiting camera, and one spokesperson using the product
/// while walking through three rooms, seen whole in each.
public enum DemoProject {
    /// Creates the demo file (with an empty history: the demo is where the user starts).
    @discardableResult
    public static func create(at path: String) throws -> ProjectSession {
        try ProjectSession.create(at: path, project: try build())
    }

    /// The demo as a Project value.
    public static func build() throws -> Project {
        var p = Project(settings: ProjectSettings(name: "Product explainer"))
        func add<ID>(_ made: (Edit, ID)) throws -> ID { try p.apply(made.0); return made.1 }
        let studio = try add(p.addingLighting { LightingSetup(id: $0, name: "Studio softbox", keyAzimuth: 40, keyElevation: 55,
                                                              colorTemperature: 5600, intensity: 1.1, ambient: 0.45, timeOfDay: .noon) })
        let interior = try add(p.addingLighting { LightingSetup(id: $0, name: "Warm interior", keyAzimuth: -30, keyElevation: 35,
                                                                colorTemperature: 3400, intensity: 0.9, ambient: 0.35, timeOfDay: .afternoon) })
        let description = "a woman in her thirties with short black hair, a red jacket and dark blue jeans"
        let maya = try add(p.addingCharacter(name: "Maya", description: description, reference: nil,
                                             appearance: Appearance.derive(fromDescription: description + " Maya", seed: 3, reference: nil)))
        let reveal = try add(p.addingScene(name: "Reveal", environment: "white studio tabletop", lighting: studio))
        let spin = try add(p.addingScene(name: "Phone 360", environment: "white studio surface", lighting: studio))
        let rooms = try add(p.addingScene(name: "In use", environment: "", lighting: interior))
        let rate = p.frameRate
        func shot(_ scene: SceneID, _ name: String, _ prompt: String, _ seconds: Double, cast: [CharacterID] = [],
                  preset: CameraPreset? = nil) throws {
            let duration = try rate.frames(seconds: seconds)
            _ = try add(p.addingShot({ id in
                var s = Shot(id: id, sceneID: scene, name: name, prompt: prompt, duration: duration,
                             seed: UInt64(id.number) * 7919, cast: cast.map { CastMember(characterID: $0) })
                if let preset { ProjectSession.applyPreset(preset, to: &s, in: p, engine: ProceduralEngine()) }
                return s
            }))
        }
        try shot(reveal, "Box reveal", "a product box opening on a white studio tabletop, camera push in, morning light", 6, preset: .dolly)
        try shot(spin, "Phone 360", "a smartphone rotating 360 degrees on a white studio surface, close-up, orbit", 9, preset: .orbit)
        try shot(rooms, "Living room", "Maya walking through a living room using a phone, camera following from behind", 5, cast: [maya])
        try shot(rooms, "Kitchen", "Maya walking through a kitchen using a phone, wide shot", 5, cast: [maya])
        try shot(rooms, "Office", "Maya walking into an office using a phone, camera following from behind", 5, cast: [maya])
        try addSound(to: &p)
        return p
    }
}
