import Foundation
import KinoCore

/// A project described for people (`text`) and scripts (Codable, `kino info --json`).
public struct ProjectSummary: Codable, Sendable {
    public struct ShotInfo: Codable, Sendable {
        public var id: String, position: Int, scene: String, name: String, prompt: String
        public var startFrame: Int, frames: Int, seconds: Double, seed: UInt64
        public var cast: [String], camera: String, lighting: String?
        public var cameraKeys: Int
        public var currentTake: String?, takes: Int, renderState: String
        public var image: String?, video: String?
    }
    public struct SceneInfo: Codable, Sendable {
        public var id: String, name: String, environment: String, lighting: String?, shots: [String]
    }
    public struct CharacterInfo: Codable, Sendable {
        public var id: String, name: String, description: String, reference: String?
        public var appearance: Appearance, shots: [String]
    }
    public var name: String, fps: String, fpsExact: String, resolution: String
    public var frames: Int, seconds: Double, timecode: String
    public var scenes: [SceneInfo], shots: [ShotInfo], characters: [CharacterInfo]
    public var lighting: [LightingSetup]
    public var undoable: Int, redoable: Int
    public var engine: String

    /// Plain text for a terminal.
    public var text: String {
        var out = "\(name): \(resolution) @ \(fps) fps, \(shots.count) shot\(shots.count == 1 ? "" : "s") in \(scenes.count) scene\(scenes.count == 1 ? "" : "s"), \(String(format: "%.2f", seconds)) s (\(timecode))\n"
        for sc in scenes {
            out += "scene \(sc.id) \(sc.name)" + (sc.environment.isEmpty ? "" : " — \(sc.environment)") + (sc.lighting.map { " [lighting \($0)]" } ?? "") + "\n"
            for s in shots where s.scene == sc.id {
                let take = s.currentTake.map { "take \($0) of \(s.takes)" } ?? "no take"
                out += String(format: "  %2d %@ %6.2fs  %@  %@, %@\n", s.position, s.id.padding(toLength: 5, withPad: " ", startingAt: 0),
                              s.seconds, s.renderState, take, "camera " + s.camera)
                out += "       \(s.prompt.isEmpty ? "(no prompt)" : s.prompt)\n"
                if !s.cast.isEmpty { out += "       cast: \(s.cast.joined(separator: ", "))\n" }
            }
        }
        if !characters.isEmpty {
            out += "characters:\n"
            for c in characters {
                out += "  \(c.id) \(c.name): \(c.description) — skin \(c.appearance.skin), hair \(c.appearance.hair), top \(c.appearance.top); in \(c.shots.isEmpty ? "no shots" : c.shots.joined(separator: ", "))\n"
            }
        }
        if !lighting.isEmpty {
            out += "lighting:\n"
            for l in lighting {
                out += "  \(l.id) \(l.name): key \(Int(l.keyAzimuth))°/\(Int(l.keyElevation))°, \(Int(l.colorTemperature)) K, ambient \(l.ambient), \(l.timeOfDay.rawValue), \(l.weather.rawValue)\n"
            }
        }
        out += "history: \(undoable) edit\(undoable == 1 ? "" : "s") to undo, \(redoable) to redo"
        return out
    }
}

extension ProjectSession {
    public func summary() -> ProjectSummary {
        let p = project
        let rate = p.frameRate
        let starts = p.shotStarts
        let counts = historyCounts
        let allTakes = (try? store.allTakes()) ?? []
        let takesPerShot = Dictionary(grouping: allTakes, by: \.shotID)
        let shots = p.shots.enumerated().map { i, s in
            ProjectSummary.ShotInfo(
                id: s.id.raw, position: i + 1, scene: s.sceneID.raw, name: s.name, prompt: s.prompt,
                startFrame: starts[i], frames: s.duration, seconds: rate.seconds(frames: s.duration), seed: s.seed,
                cast: s.cast.compactMap { p.character($0.characterID)?.name },
                camera: s.cameraPreset?.rawValue ?? (s.cameraIsExplicit ? "custom" : "from prompt"),
                lighting: p.effectiveLighting(for: s)?.name,
                cameraKeys: s.camera.keyFrames.count,
                currentTake: s.currentTakeID?.raw, takes: takesPerShot[s.id]?.filter { $0.status == .complete }.count ?? 0,
                renderState: renderState(of: s.id).rawValue,
                image: s.startImage?.path, video: s.sourceVideo?.media.path)
        }
        return ProjectSummary(
            name: p.settings.name, fps: rate.description, fpsExact: rate.perSecond.description,
            resolution: p.settings.resolution.description, frames: p.duration, seconds: rate.seconds(frames: p.duration),
            timecode: rate.timecode(frame: p.duration),
            scenes: p.scenes.map { sc in
                .init(id: sc.id.raw, name: sc.name, environment: sc.environment,
                      lighting: sc.lightingID.flatMap { p.lighting($0)?.name },
                      shots: p.shots.filter { $0.sceneID == sc.id }.map(\.id.raw))
            },
            shots: shots,
            characters: p.characters.map { c in
                .init(id: c.id.raw, name: c.name, description: c.description, reference: c.reference?.path,
                      appearance: c.appearance, shots: p.shots(using: c.id).map(\.id.raw))
            },
            lighting: p.lightingSetups, undoable: counts.done, redoable: counts.undone,
            engine: engine.identity.description)
    }
}
